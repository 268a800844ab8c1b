package org.urgentaction.letters;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import org.urgentaction.IntegrationTest;
import org.urgentaction.TestFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ComposerPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Test
    void composerOffersTheAppealsTargetsAndLetters() throws Exception {
        TestFixtures.Created appeal =
                fixtures.published("Compose me", "CN", LocalDate.now().plusDays(5));

        mvc.perform(get("/appeals/{slug}/write", appeal.slug()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Official " + appeal.reference()),
                                containsString("Ambassador " + appeal.reference()),
                                containsString("(accredited to United States)"),
                                containsString("Write to the person"),
                                not(containsString("Your letter")))));
    }

    @Test
    void producesOneLetterPerChosenTargetWithItsSalutationAddressAndMailto() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Two letters", "CN", null);

        mvc.perform(post("/appeals/{slug}/write", appeal.slug())
                        .with(csrf())
                        .param("to", "t" + appeal.primaryTargetId(), "t" + appeal.copyTargetId())
                        .param("name", "Ann Lee")
                        .param("town", "Leeds"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(content()
                        .string(allOf(
                                containsString("Your 2 letters"),
                                containsString("Dear Director,"),
                                containsString("Dear Sir or Madam,"),
                                containsString("Ann Lee\nLeeds"),
                                containsString("Testville, Test Province, 100000"),
                                containsString("mailto:official@example.org?subject="),
                                containsString("Fax: +86 10 0000 0000"),
                                containsString("Date</span>: <span>"),
                                containsString("targets=" + appeal.primaryTargetId()))));
    }

    @Test
    void solidarityMessageGoesToThePersonAtTheirPlaceOfDetention() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Solidarity", "CN", null);
        long solidarityTemplate = templateId(appeal, LetterKind.SOLIDARITY);

        mvc.perform(post("/appeals/{slug}/write", appeal.slug())
                        .with(csrf())
                        .param("template", String.valueOf(solidarityTemplate))
                        .param("to", "p" + appeal.personId()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Dear Person " + appeal.reference() + ","),
                                containsString("Test Prison"),
                                containsString("[Your name]"),
                                containsString("kind=SOLIDARITY_MESSAGE"))));
    }

    @Test
    void unknownRecipientOrTemplateIsABadRequestWithAMessage() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Bad compose", "CN", null);

        mvc.perform(post("/appeals/{slug}/write", appeal.slug()).with(csrf()).param("to", "t999999"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose recipients from the list.")));
        mvc.perform(get("/appeals/{slug}/write", appeal.slug()).param("template", "abc"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("That letter is not part of this appeal.")));
        mvc.perform(post("/appeals/{slug}/write", appeal.slug()).with(csrf()).param("template", "abc"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("That letter is not part of this appeal.")));
        mvc.perform(post("/appeals/{slug}/write", appeal.slug()).with(csrf()).param("name", "x".repeat(101)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Please keep this shorter")));
    }

    @Test
    void theSupportersNameAndTownTravelOnlyInAPostAndAreNeverLinkedOrKept() throws Exception {
        TestFixtures.Created appeal = fixtures.published("No names in URLs", "CN", null);

        // The form posts; no link on the page of letters carries the name or the town (but the letter's own
        // mailto: link, which leaves for the supporter's mail program, not for a server).
        String page = mvc.perform(post("/appeals/{slug}/write", appeal.slug())
                        .with(csrf())
                        .param("to", "t" + appeal.primaryTargetId())
                        .param("name", "Ann Zyx")
                        .param("town", "Qwertown"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("<form method=\"post\" action=\"/appeals/" + appeal.slug() + "/write\"");
        assertThat(java.util.regex.Pattern.compile("href=\"([^\"]*)\"")
                        .matcher(page)
                        .results()
                        .map(m -> m.group(1))
                        .filter(href -> !href.startsWith("mailto:")))
                .isNotEmpty()
                .allSatisfy(href -> assertThat(href).doesNotContain("Zyx").doesNotContain("Qwertown"));
        // A link that still carries them (an old bookmark) composes nothing and shows nothing of them.
        mvc.perform(get("/appeals/{slug}/write", appeal.slug())
                        .param("to", "t" + appeal.primaryTargetId())
                        .param("name", "Ann Zyx")
                        .param("town", "Qwertown"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                not(containsString("Zyx")),
                                not(containsString("Qwertown")),
                                not(containsString("Your letter")))));
        mvc.perform(get("/appeals/{slug}/write", appeal.slug()).param("template", "abc"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("That letter is not part of this appeal.")));
        mvc.perform(post("/appeals/{slug}/write/print", appeal.slug())
                        .with(csrf())
                        .param("template", String.valueOf(templateId(appeal, LetterKind.APPEAL)))
                        .param("name", "Ann Zyx")
                        .param("letters[0].to", "t" + appeal.primaryTargetId())
                        .param("letters[0].body", "Dear Director"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"));
    }

    @Test
    void printViewPutsEachEditedLetterOnItsOwnPageOnTheChosenPaper() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Print me", "CN", null);
        long template = templateId(appeal, LetterKind.APPEAL);

        mvc.perform(post("/appeals/{slug}/write/print", appeal.slug())
                        .with(csrf())
                        .param("template", String.valueOf(template))
                        .param("name", "Ann Lee")
                        .param("town", "Leeds")
                        .param("paper", "LETTER")
                        .param("letters[0].to", "t" + appeal.primaryTargetId())
                        .param("letters[0].body", "Dear Director, my own words, with commas")
                        .param("letters[1].to", "t" + appeal.copyTargetId())
                        .param("letters[1].body", "My own words to the embassy"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("paper-letter.css"),
                                containsString("Dear Director, my own words, with commas"),
                                containsString("My own words to the embassy"),
                                containsString("Official " + appeal.reference()),
                                containsString("Washington, DC 20008"))));
    }

    @Test
    void printRefusesLettersThatDoNotBelongToTheAppeal() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Print refuse", "CN", null);
        TestFixtures.Created other = fixtures.published("Other", "CN", null);

        mvc.perform(post("/appeals/{slug}/write/print", appeal.slug())
                        .with(csrf())
                        .param("template", String.valueOf(templateId(other, LetterKind.APPEAL)))
                        .param("letters[0].to", "t" + appeal.primaryTargetId())
                        .param("letters[0].body", "x"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/appeals/{slug}/write/print", appeal.slug())
                        .with(csrf())
                        .param("template", String.valueOf(templateId(appeal, LetterKind.APPEAL)))
                        .param("letters[0].to", "t" + other.primaryTargetId())
                        .param("letters[0].body", "x"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/appeals/{slug}/write/print", appeal.slug())
                        .with(csrf())
                        .param("template", String.valueOf(templateId(appeal, LetterKind.APPEAL))))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/appeals/{slug}/write/print", appeal.slug())
                        .with(csrf())
                        .param("template", String.valueOf(templateId(appeal, LetterKind.APPEAL)))
                        .param("letters[0].to", "t" + appeal.primaryTargetId())
                        .param("letters[0].body", "x".repeat(20_001)))
                .andExpect(status().isBadRequest());
    }

    @Autowired
    LetterTemplateRepository templates;

    private long templateId(TestFixtures.Created appeal, LetterKind kind) {
        return templates.findByAppealIdOrderByKindAscLanguageAsc(appeal.id()).stream()
                .filter(t -> t.getKind() == kind)
                .findFirst()
                .orElseThrow()
                .getId();
    }

    @Test
    void aLettersPhoneNumberIsOfferedAsDialledFromAbroad() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Dial abroad", "CN", null);
        fixtures.offerCall(appeal, "MONDAY");
        mvc.perform(post("/appeals/{slug}/write", appeal.slug())
                        .with(csrf())
                        .param("template", String.valueOf(fixtures.templateIdOf(appeal.id())))
                        .param("to", "t" + appeal.primaryTargetId())
                        .param("name", "Ana"))
                .andExpect(status().isOk())
                // Typed by staff as dialled inside China ("010 6238 1025").
                .andExpect(content().string(containsString("href=\"tel:+861062381025\"")));
    }

    @Test
    void printWithGapsInTheLetterIndexesIsABadRequest() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Gaps", "CN", null);
        mvc.perform(post("/appeals/{slug}/write/print", appeal.slug())
                        .with(csrf())
                        .param("template", String.valueOf(fixtures.templateIdOf(appeal.id())))
                        .param("letters[3].to", "t" + appeal.primaryTargetId())
                        .param("letters[3].body", "Hi"))
                .andExpect(status().isBadRequest());
    }
}
