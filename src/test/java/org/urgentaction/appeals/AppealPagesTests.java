package org.urgentaction.appeals;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import org.urgentaction.IntegrationTest;
import org.urgentaction.TestFixtures;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class AppealPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void homeShowsTheAppealList() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/html;charset=UTF-8"))
                .andExpect(content()
                        .string(allOf(startsWith("<!DOCTYPE html>"), containsString("<h1>Urgent appeals</h1>"))));
    }

    @Test
    void listShowsReferenceTitleCountryPeopleDeadlineAndCount() throws Exception {
        String theme = TestFixtures.uniqueTheme();
        TestFixtures.Created created =
                fixtures.published("Listed appeal", "CN", LocalDate.now().plusDays(12), theme);

        mvc.perform(get("/appeals").param("theme", theme))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString(created.reference()),
                                containsString("Listed appeal"),
                                containsString("China"),
                                containsString("Person " + created.reference() + " (测试)"),
                                containsString("12 days left"),
                                containsString("No actions reported yet"),
                                containsString("1 appeal"))));
    }

    @Test
    void keptCardsFollowEveryChangeAndTheCountIsAlwaysCurrent() throws Exception {
        String theme = TestFixtures.uniqueTheme();
        TestFixtures.Created created =
                fixtures.published("Before the edit", "CN", LocalDate.now().plusDays(12), theme);
        mvc.perform(get("/appeals").param("theme", theme))
                .andExpect(content()
                        .string(allOf(containsString("Before the edit"), containsString("No actions reported yet"))));

        // Changed behind the app's back (another instance, no event): the card is rendered afresh
        // because what it shows is its key; the count is never part of the kept card.
        jdbc.update("update appeal set title = 'After the edit', deadline = deadline + 1 where id = ?", created.id());
        jdbc.update("insert into action_tally (appeal_id, shard, actions, reports) values (?, 0, 3, 1)", created.id());

        mvc.perform(get("/appeals").param("theme", theme))
                .andExpect(content()
                        .string(allOf(
                                containsString("After the edit"),
                                not(containsString(">Before the edit<")),
                                containsString("13 days left"),
                                containsString("3 actions reported"))));
    }

    @Test
    void listFiltersAndPagesKeepTheirParameters() throws Exception {
        String theme = TestFixtures.uniqueTheme();
        for (int i = 0; i < AppealController.PAGE_SIZE + 1; i++) {
            fixtures.published("Paged " + i, "CN", null, theme);
        }

        mvc.perform(get("/appeals").param("theme", theme).param("country", "CN"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Page 1 of 2"),
                                containsString("page=2"),
                                containsString("theme=" + theme),
                                // the chosen filters stay chosen (the choices are kept rendered per choice)
                                containsString("<option value=\"CN\" selected=\"selected\">China</option>"),
                                containsString("<option value=\"" + theme + "\" selected=\"selected\">"))));
        mvc.perform(get("/appeals").param("theme", theme))
                .andExpect(content()
                        .string(allOf(
                                containsString("<option value=\"CN\">China</option>"),
                                containsString("<option value=\"" + theme + "\" selected=\"selected\">"))));
        mvc.perform(get("/appeals").param("theme", theme).param("page", "2"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Page 2 of 2")));

        // The same appeals under other parameters or another address are another page: its links differ.
        mvc.perform(get("/appeals").param("theme", theme).param("utm_source", "mail"))
                .andExpect(content()
                        .string(containsString("/appeals?theme=" + theme + "&amp;utm_source=mail&amp;page=2")));
        mvc.perform(get("/").param("theme", theme))
                .andExpect(content()
                        .string(allOf(
                                containsString("/?theme=" + theme + "&amp;page=2"),
                                not(containsString("utm_source")))));
    }

    @Test
    void datesAndNumbersFollowTheVisitorsLocale() throws Exception {
        String theme = TestFixtures.uniqueTheme();
        TestFixtures.Created created = fixtures.published("Localised", "CN", LocalDate.of(2099, 3, 18), theme);
        jdbc.update(
                "insert into action_tally (appeal_id, shard, actions, reports) values (?, 0, 1234, 1)", created.id());

        mvc.perform(get("/appeals").param("theme", theme).header("Accept-Language", "de"))
                .andExpect(content()
                        .string(allOf(
                                containsString("18. März 2099"),
                                containsString("China"),
                                containsString("1.234 actions reported"))));
        mvc.perform(get("/appeals").param("theme", theme).header("Accept-Language", "fr"))
                .andExpect(content().string(containsString("18 mars 2099")));
        mvc.perform(get("/appeals").param("theme", theme).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("1,234 actions reported")));
    }

    @Test
    void badPageNumberIsABadRequestPageNotAStackTrace() throws Exception {
        mvc.perform(get("/appeals").param("page", "abc")).andExpect(status().isBadRequest());
    }

    @Test
    void appealPageShowsEverythingTheDocumentsShow() throws Exception {
        TestFixtures.Created created =
                fixtures.published("Full page", "CN", LocalDate.now().plusDays(3));

        mvc.perform(get("/appeals/{slug}", created.slug()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString(created.reference()), containsString("Full page"),
                                containsString("Person " + created.reference()), containsString("测试"),
                                containsString("Test Prison"), containsString("3 Prison Road"),
                                containsString("Urge them to:"), containsString("release the person"),
                                containsString("Official " + created.reference()),
                                        containsString("Testville, Test Province, 100000"),
                                containsString("mailto:official@example.org"), containsString("+86 10 0000 0000"),
                                containsString("Copies to"), containsString("Ambassador " + created.reference()),
                                containsString("Washington, DC 20008"), containsString("3 days left"),
                                containsString("Write a letter"), containsString("Tell us what you did"))));
    }

    @Test
    void anOfficialsAddressStoredWithAQueryIsLinkedEncoded() throws Exception {
        TestFixtures.Created created = fixtures.published("Stored bcc", "CN", null);
        // A row saved before addresses were checked strictly.
        jdbc.update(
                "update target set email = ? where id = ?",
                "minister?bcc=spy@evil.example&body=x",
                created.primaryTargetId());

        mvc.perform(get("/appeals/{slug}", created.slug()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("href=\"mailto:minister%3Fbcc%3Dspy@evil.example%26body%3Dx\""),
                                not(containsString("mailto:minister?")))));
    }

    @Test
    void followUpsLinkBothWaysAndShowTheirResources() throws Exception {
        TestFixtures.Created original = fixtures.published("Original action", "CN", null);
        TestFixtures.Created followUp = fixtures.followUpOf(original, "Follow-up action");

        mvc.perform(get("/appeals/{slug}", followUp.slug()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Second " + original.reference()),
                                containsString("href=\"/appeals/" + original.slug() + "\""),
                                containsString("href=\"https://example.org/original.pdf\""),
                                containsString("PDF of the original"))));
        mvc.perform(get("/appeals/{slug}", original.slug()))
                .andExpect(content()
                        .string(allOf(
                                containsString("Followed by"),
                                containsString("href=\"/appeals/" + followUp.slug() + "\""))));
    }

    @Test
    void closedAppealShowsItsOutcomeAndNoCallToAction() throws Exception {
        TestFixtures.Created closed = fixtures.closed("Closed case", Outcome.RELEASED);

        mvc.perform(get("/appeals/{slug}", closed.slug()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Closed \u2014 released"),
                                not(containsString("Tell us what you did")))));
    }

    @Test
    void unknownAndDraftAppealsAreNotFound() throws Exception {
        TestFixtures.Created draft = fixtures.unpublished("Hidden");

        mvc.perform(get("/appeals/{slug}", "no-such-appeal")).andExpect(status().isNotFound());
        mvc.perform(get("/appeals/{slug}", draft.slug())).andExpect(status().isNotFound());
    }
}
