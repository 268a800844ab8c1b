package org.urgentaction.letters;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.urgentaction.IntegrationTest;
import org.urgentaction.TestFixtures;
import org.urgentaction.appeals.AppealCatalog;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The composer's recipients by the supporter's country, and its advice on which channel arrives in time. */
@IntegrationTest
class RecipientChoiceTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AppealCatalog catalog;

    /** The recipient's checkbox, ticked or not. */
    private static org.hamcrest.Matcher<String> checkbox(long targetId, boolean checked) {
        return matchesPattern("(?s).*value=\"t" + targetId + "\" id=\"to\\d+\" name=\"to\""
                + (checked ? " checked=\"checked\">" : ">") + ".*");
    }

    @Test
    void aSupporterInTheEmbassysCountryHasTheOfficialAndTheirEmbassyChosenUnderTheirLabels() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Embassy choice", "CN", null);
        mvc.perform(get("/appeals/{slug}/write", appeal.slug()).param("country", "US"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<h3>To</h3>"),
                                containsString("<h3>Copy: the embassy in your country</h3>"),
                                checkbox(appeal.primaryTargetId(), true),
                                checkbox(appeal.copyTargetId(), true),
                                containsString("<input type=\"hidden\" name=\"country\" value=\"US\">"),
                                not(containsString("Embassies in other countries")),
                                not(containsString("lists no embassy")))));
    }

    @Test
    void aSupporterElsewhereFindsOtherEmbassiesBehindADisclosureUnchosenAndIsToldThereIsNoneForThem() throws Exception {
        TestFixtures.Created appeal = fixtures.published("No embassy here", "CN", null);
        String page = mvc.perform(get("/appeals/{slug}/write", appeal.slug()).param("country", "GB"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                checkbox(appeal.primaryTargetId(), true),
                                checkbox(appeal.copyTargetId(), false),
                                containsString("This appeal lists no embassy for United Kingdom"),
                                not(containsString("Copy: the embassy in your country")))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        org.assertj.core.api.Assertions.assertThat(page.indexOf("<summary>Embassies in other countries</summary>"))
                .isPositive()
                .isLessThan(page.indexOf("value=\"t" + appeal.copyTargetId() + "\""));
        // Without a country, nobody's embassy is chosen for them, and nothing claims there is none.
        mvc.perform(get("/appeals/{slug}/write", appeal.slug()))
                .andExpect(content()
                        .string(allOf(
                                checkbox(appeal.copyTargetId(), false), not(containsString("lists no embassy")))));
        // A made-up country is no country.
        mvc.perform(get("/appeals/{slug}/write", appeal.slug()).param("country", "<b>"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("&lt;b&gt;"))));
    }

    @Test
    void anOfficialChosenTwiceGetsOneLetter() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Once only", "CN", null);
        mvc.perform(post("/appeals/{slug}/write", appeal.slug())
                        .with(csrf())
                        .param("template", String.valueOf(fixtures.templateIdOf(appeal.id())))
                        .param("to", "t" + appeal.primaryTargetId(), "t" + appeal.primaryTargetId())
                        .param("country", "") // as the page sends it when no country was given
                        .param("name", "Ana"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Your letter"), not(containsString("letters[1]")))));
    }

    @Test
    void theComposerAdvisesFromTheDaysLeftAndThePostTimeToTheOfficialsCountry() throws Exception {
        TestFixtures.Created soon =
                fixtures.published("Five days", "CN", LocalDate.now().plusDays(5));
        mvc.perform(get("/appeals/{slug}/write", soon.slug()))
                .andExpect(content()
                        .string(containsString("5 days left: a letter to China may not arrive in time (post takes"
                                + " about 10 days); fax or e-mail will.")));
        TestFixtures.Created later =
                fixtures.published("Thirty days", "CN", LocalDate.now().plusDays(30));
        mvc.perform(get("/appeals/{slug}/write", later.slug()))
                .andExpect(content().string(containsString("30 days left: a letter by post to China (about 10 days)")));
        TestFixtures.Created open = fixtures.published("No end", "CN", null);
        mvc.perform(get("/appeals/{slug}/write", open.slug()))
                .andExpect(content().string(containsString("This appeal has no end date")));

        // Staff know post to China takes 3 days from here: five days is then enough.
        mvc.perform(post("/admin/post-times")
                        .with(user("editor@example.org").roles("EDITOR"))
                        .with(csrf())
                        .param("country", "CN")
                        .param("days", "3"))
                .andExpect(status().is3xxRedirection());
        try {
            mvc.perform(get("/appeals/{slug}/write", soon.slug()))
                    .andExpect(
                            content().string(containsString("5 days left: a letter by post to China (about 3 days)")));
        } finally {
            jdbc.sql("delete from post_time").update();
        }
    }

    @Test
    void aPassedDeadlineOrAClosedCaseIsANoticeOnTheComposer() throws Exception {
        TestFixtures.Created passed =
                fixtures.published("Passed", "CN", LocalDate.now().plusDays(3));
        jdbc.sql("update appeal set deadline = current_date - 2 where id = ?")
                .param(passed.id())
                .update();
        catalog.forgetAll();
        mvc.perform(get("/appeals/{slug}/write", passed.slug()))
                .andExpect(content()
                        .string(allOf(
                                containsString("alert alert-warning channel-advice"),
                                containsString("The deadline of this action has passed"))));
        TestFixtures.Created closed = fixtures.closed("Closed", org.urgentaction.appeals.Outcome.RELEASED);
        mvc.perform(get("/appeals/{slug}/write", closed.slug()))
                .andExpect(content().string(containsString("This case is closed. Please do not send letters now")));
    }

    @Test
    void staffPostTimesRefuseBadInput() throws Exception {
        var editor = user("editor@example.org").roles("EDITOR");
        for (String[] bad : new String[][] {{"XX", "5"}, {"cn", "5"}, {"CN", "0"}, {"CN", "91"}, {"CN", "abc"}}) {
            mvc.perform(post("/admin/post-times")
                            .with(editor)
                            .with(csrf())
                            .param("country", bad[0])
                            .param("days", bad[1]))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(matchesPattern("(?s).*class=\"alert alert-error\".*")));
        }
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from post_time")
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
