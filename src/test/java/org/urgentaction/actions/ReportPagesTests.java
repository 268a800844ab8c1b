package org.urgentaction.actions;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.urgentaction.AtOnce;
import org.urgentaction.IntegrationTest;
import org.urgentaction.TestFixtures;
import org.urgentaction.appeals.ActionTotals;
import org.urgentaction.appeals.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ReportPagesTests {

    private static final RequestPostProcessor ORGANISER =
            user("org@example.org").roles("ORGANISER");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    ActionTotals totals;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SubmissionTokens tokens;

    private MockHttpServletRequestBuilder report(String slug) throws Exception {
        return ReportForms.report(mvc, slug);
    }

    private long reportsOn(long appealId) {
        return jdbc.sql("select count(*) from action_report where appeal_id = ?")
                .param(appealId)
                .query(Long.class)
                .single();
    }

    @Test
    void theFormOffersOnlyTheAppealsWaysToActAndRefusesAnyOtherKind() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Only e-mail", "CN", null);
        fixtures.offer(appeal, "EMAIL", "FAX");

        mvc.perform(get("/appeals/{slug}/report", appeal.slug()).param("kind", "LETTER"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("value=\"EMAIL\""),
                                containsString("value=\"FAX\""),
                                not(containsString("value=\"LETTER\"")),
                                not(containsString("value=\"SIGNATURE\"")),
                                // Two ways offered: the supporter chooses; a kind the appeal lacks is not preselected.
                                not(containsString("checked=\"checked\"")))));

        mvc.perform(report(appeal.slug()).param("kind", "LETTER").param("quantity", "1"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("This appeal does not ask for that.")));
        assertThat(reportsOn(appeal.id())).isZero();

        mvc.perform(report(appeal.slug()).param("kind", "FAX").param("quantity", "1"))
                .andExpect(status().isFound());
        assertThat(reportsOn(appeal.id())).isEqualTo(1);
    }

    @Test
    void formIssuesATokenAndPreselectsWhatTheComposerPassed() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Form", "CN", null);

        String html = mvc.perform(get("/appeals/{slug}/report", appeal.slug())
                        .param("kind", "SOLIDARITY_MESSAGE")
                        .param("targets", String.valueOf(appeal.primaryTargetId())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(html)
                .containsPattern("name=\"submissionToken\" value=\"[A-Za-z0-9_-]{64}\"")
                .containsPattern("value=\"SOLIDARITY_MESSAGE\"[^>]*checked")
                .containsPattern("value=\"" + appeal.primaryTargetId() + "\"[^>]*checked")
                .doesNotContainPattern("value=\"" + appeal.copyTargetId() + "\"[^>]*checked");
    }

    @Test
    void formNamesTheAppealItsOfficialsInOrderAndTheCountriesInTheVisitorsLanguage() throws Exception {
        TestFixtures.Created appeal = fixtures.published(
                "Officials and countries", "CN", LocalDate.now().plusDays(3));

        String english = mvc.perform(get("/appeals/{slug}/report", appeal.slug()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(english)
                .contains(
                        "Officials and countries",
                        appeal.reference(),
                        "<option value=\"\">Prefer not to say</option>",
                        "<option value=\"FR\">France</option>",
                        "<option value=\"DE\">Germany</option>")
                .doesNotContain("selected=\"selected\"")
                .containsPattern("(?s)Official " + appeal.reference() + ".*Ambassador " + appeal.reference());
        mvc.perform(get("/appeals/{slug}/report", appeal.slug()).header("Accept-Language", "de"))
                .andExpect(content()
                        .string(allOf(
                                containsString("<option value=\"FR\">Frankreich</option>"),
                                containsString("<option value=\"DE\">Deutschland</option>"))));
    }

    @Test
    void aRefusedReportKeepsTheChosenCountrySelected() throws Exception {
        TestFixtures.Created appeal =
                fixtures.published("Chosen country", "CN", LocalDate.now().plusDays(3));

        mvc.perform(report(appeal.slug())
                        .param("kind", "LETTER")
                        .param("quantity", "0")
                        .param("country", "FR"))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(allOf(
                                containsString("<option value=\"FR\" selected=\"selected\">France</option>"),
                                containsString("<option value=\"DE\">Germany</option>"))));
        // A fresh form afterwards has nothing chosen (the kept options are per choice).
        mvc.perform(get("/appeals/{slug}/report", appeal.slug()))
                .andExpect(content()
                        .string(allOf(
                                containsString("<option value=\"FR\">France</option>"),
                                not(containsString("selected=\"selected\"")))));
    }

    @Test
    void aGroupReportCountsItsQuantityAndTheThankYouPageShowsTheNewTotal() throws Exception {
        TestFixtures.Created appeal =
                fixtures.published("Group report", "CN", LocalDate.now().plusDays(3));

        mvc.perform(report(appeal.slug())
                        .param("kind", "LETTER")
                        .param("quantity", "25")
                        .param(
                                "targetIds",
                                String.valueOf(appeal.primaryTargetId()),
                                String.valueOf(appeal.copyTargetId()))
                        .param("country", "GB"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/appeals/" + appeal.slug() + "/report/thanks"));

        assertThat(totals.actionsFor(appeal.id())).isEqualTo(25);
        Long targets = jdbc.sql(
                        "select count(*) from action_report_target t join action_report r on r.id = t.report_id where r.appeal_id = ?")
                .param(appeal.id())
                .query(Long.class)
                .single();
        assertThat(targets).isEqualTo(2);
        mvc.perform(get("/appeals/{slug}/report/thanks", appeal.slug()))
                .andExpect(content()
                        .string(allOf(
                                containsString("<strong>25</strong>"), containsString("your action is counted"))));
        mvc.perform(get("/appeals/{slug}", appeal.slug()))
                .andExpect(content().string(containsString("<strong>25</strong>")));
    }

    @Test
    void aResubmissionOfTheSameFormIsCountedOnce() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Double click", "CN", null);
        String token = ReportForms.token(mvc, appeal.slug());

        mvc.perform(ReportForms.report(appeal.slug(), token)
                        .param("kind", "EMAIL")
                        .param("quantity", "2"))
                .andExpect(status().isFound());
        for (int i = 0; i < 2; i++) {
            mvc.perform(ReportForms.report(appeal.slug(), token)
                            .param("kind", "EMAIL")
                            .param("quantity", "2"))
                    .andExpect(status().isConflict())
                    .andExpect(content()
                            .string(allOf(
                                    containsString("This report was already counted"),
                                    containsString("it was not counted again"))));
        }

        assertThat(reportsOn(appeal.id())).isEqualTo(1);
        assertThat(totals.actionsFor(appeal.id())).isEqualTo(2);
    }

    @Test
    void aTokenTheServerDidNotIssueIsRefusedWithAMessageAndTheFormKeepsWhatWasTyped() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Forged token", "CN", null);
        TestFixtures.Created other = fixtures.published("Other appeal", "CN", null);
        String valid = ReportForms.token(mvc, appeal.slug());
        // One character of the signature changed.
        String tampered = valid.substring(0, 60) + (valid.charAt(60) == 'A' ? 'B' : 'A') + valid.substring(61);
        SubmissionTokens yesterdays = new SubmissionTokens(
                jdbc, Clock.offset(Clock.systemUTC(), Duration.ofHours(-25)), "", Duration.ofHours(24));

        Map<String, String> refused = Map.of(
                UUID.randomUUID().toString(),
                "This form was not issued by this site",
                tampered,
                "This form was not issued by this site",
                "",
                "This form has expired",
                yesterdays.issue(appeal.id()),
                "This form has expired",
                ReportForms.token(mvc, other.slug()),
                "This form belongs to another appeal");
        for (Map.Entry<String, String> token : refused.entrySet()) {
            String html = mvc.perform(ReportForms.report(appeal.slug(), token.getKey())
                            .param("kind", "FAX")
                            .param("quantity", "7")
                            .param("country", "FR")
                            .param("name", "Ann Lee")
                            .param("consent", "true"))
                    .andExpect(status().isBadRequest())
                    .andExpect(
                            content().string(allOf(containsString(token.getValue()), not(containsString("Exception")))))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(html)
                    .as("what they typed is still there")
                    .contains(
                            "value=\"Ann Lee\"",
                            "value=\"7\"",
                            "<option value=\"FR\" selected=\"selected\">France</option>")
                    .containsPattern("value=\"FAX\"[^>]*checked");
            // A fresh token of this appeal, so sending the form again counts.
            String fresh = ReportForms.tokenIn(html);
            assertThat(fresh).isNotEqualTo(token.getKey());
            assertThat(tokens.check(fresh, appeal.id()).valid()).isTrue();
        }
        assertThat(reportsOn(appeal.id())).isZero();
        assertThat(totals.actionsFor(appeal.id())).isZero();
    }

    @Test
    void aLargeReportIsHeldOutOfThePublicCountUntilStaffApproveIt() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Held report", "CN", null);

        mvc.perform(report(appeal.slug()).param("kind", "LETTER").param("quantity", "200"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/appeals/" + appeal.slug() + "/report/thanks?held=true"));
        mvc.perform(report(appeal.slug()).param("kind", "LETTER").param("quantity", "50"))
                .andExpect(redirectedUrl("/appeals/" + appeal.slug() + "/report/thanks"));
        mvc.perform(get("/appeals/{slug}/report/thanks?held=true", appeal.slug()))
                .andExpect(content()
                        .string(allOf(
                                containsString("your report is waiting for review"),
                                containsString("our staff check it before it is added"),
                                not(containsString("your action is counted")))));

        assertThat(totals.actionsFor(appeal.id()))
                .as("only the report at the threshold counts")
                .isEqualTo(50);
        long held = jdbc.sql("select id from action_report where appeal_id = ? and status = 'HELD'")
                .param(appeal.id())
                .query(Long.class)
                .single();
        mvc.perform(get("/admin/appeals/{id}/reports", appeal.id()).with(ORGANISER))
                .andExpect(content().string(containsString("id=\"report-" + held + "\"")));

        mvc.perform(post("/admin/appeals/{id}/reports/{report}/approve", appeal.id(), held)
                        .with(ORGANISER)
                        .with(csrf()))
                .andExpect(status().isFound());
        assertThat(totals.actionsFor(appeal.id())).isEqualTo(250);
    }

    @Test
    void staffSetAnAppealsOwnReviewThreshold() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Own threshold", "CN", null);
        mvc.perform(post("/admin/appeals/{id}/reports/threshold", appeal.id())
                        .with(ORGANISER)
                        .with(csrf())
                        .param("reviewThreshold", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Enter at least 1.")));
        mvc.perform(post("/admin/appeals/{id}/reports/threshold", appeal.id())
                        .with(ORGANISER)
                        .with(csrf())
                        .param("reviewThreshold", "10"))
                .andExpect(status().isFound());

        mvc.perform(report(appeal.slug()).param("kind", "LETTER").param("quantity", "11"))
                .andExpect(redirectedUrl("/appeals/" + appeal.slug() + "/report/thanks?held=true"));
        mvc.perform(report(appeal.slug()).param("kind", "LETTER").param("quantity", "10"))
                .andExpect(redirectedUrl("/appeals/" + appeal.slug() + "/report/thanks"));
        assertThat(totals.actionsFor(appeal.id())).isEqualTo(10);

        // Back to the default (50).
        mvc.perform(post("/admin/appeals/{id}/reports/threshold", appeal.id())
                        .with(ORGANISER)
                        .with(csrf())
                        .param("reviewThreshold", ""))
                .andExpect(status().isFound());
        mvc.perform(report(appeal.slug()).param("kind", "LETTER").param("quantity", "11"))
                .andExpect(redirectedUrl("/appeals/" + appeal.slug() + "/report/thanks"));
        assertThat(totals.actionsFor(appeal.id())).isEqualTo(21);
    }

    @Test
    void simultaneousCopiesOfOneSubmissionAreCountedOnceAndManySupportersAreAllCounted() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Concurrent", "CN", null);
        String shared = ReportForms.token(mvc, appeal.slug());
        List<Callable<Integer>> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            requests.add(() -> mvc.perform(ReportForms.report(appeal.slug(), shared)
                            .param("kind", "LETTER")
                            .param("quantity", "1"))
                    .andReturn()
                    .getResponse()
                    .getStatus());
        }
        for (int i = 0; i < 40; i++) {
            requests.add(
                    () -> mvc.perform(report(appeal.slug()).param("kind", "FAX").param("quantity", "3"))
                            .andReturn()
                            .getResponse()
                            .getStatus());
        }
        List<Integer> statuses = AtOnce.run(8, requests);
        // The shared form's copies: one counted, the others told it already was.
        assertThat(statuses.subList(0, 8)).containsOnly(302, 409).containsOnlyOnce(302);
        assertThat(statuses.subList(8, 48)).containsOnly(302);

        assertThat(reportsOn(appeal.id())).isEqualTo(41);
        assertThat(totals.actionsFor(appeal.id())).isEqualTo(1 + 40 * 3);
        Long shards = jdbc.sql("select count(*) from action_tally where appeal_id = ?")
                .param(appeal.id())
                .query(Long.class)
                .single();
        assertThat(shards).as("reports spread over several counter rows").isGreaterThan(1);
    }

    @Test
    void badInputGetsFieldMessagesA400AndSavesNothing() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Bad input", "CN", null);

        mvc.perform(report(appeal.slug()).param("kind", "TELEPATHY").param("quantity", "many"))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(allOf(
                                containsString("Choose what you did."),
                                containsString("Enter a whole number"),
                                not(containsString("Exception")))));
        mvc.perform(report(appeal.slug()).param("kind", "LETTER").param("quantity", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Enter at least 1.")));
        mvc.perform(report(appeal.slug()).param("kind", "LETTER").param("quantity", "1001"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("more than one report can hold")));
        mvc.perform(report(appeal.slug())
                        .param("kind", "LETTER")
                        .param("quantity", "1")
                        .param("targetIds", "999999")
                        .param("country", "XX"))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(allOf(
                                containsString("Choose officials from the list."),
                                containsString("Choose a country from the list."))));
        mvc.perform(report(appeal.slug())
                        .param("kind", "LETTER")
                        .param("quantity", "1")
                        .param("email", "not-an-address")
                        .param("consent", "true"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Enter a valid e-mail")));
        mvc.perform(post("/appeals/{slug}/report", appeal.slug())
                        .with(csrf())
                        .param("kind", "LETTER")
                        .param("quantity", "1"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("This form has expired")));

        assertThat(reportsOn(appeal.id())).isZero();
        assertThat(totals.actionsFor(appeal.id())).isZero();
    }

    @Test
    void nameAndEmailAreKeptOnlyWithExplicitConsent() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Consent", "CN", null);

        mvc.perform(report(appeal.slug())
                        .param("kind", "LETTER")
                        .param("quantity", "1")
                        .param("name", "Ann Lee")
                        .param("email", "ann@example.org"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Tick the consent box")));
        assertThat(reportsOn(appeal.id())).isZero();

        mvc.perform(report(appeal.slug())
                        .param("kind", "LETTER")
                        .param("quantity", "1")
                        .param("name", "Ann Lee")
                        .param("email", "ann@example.org")
                        .param("consent", "true"))
                .andExpect(status().isFound());
        mvc.perform(report(appeal.slug()).param("kind", "LETTER").param("quantity", "1"))
                .andExpect(status().isFound());

        List<String> kept = jdbc.sql(
                        "select coalesce(supporter_name, '-') || '/' || consent_given from action_report where appeal_id = ? order by id")
                .param(appeal.id())
                .query(String.class)
                .list();
        assertThat(kept).containsExactly("Ann Lee/true", "-/false");
    }

    @Test
    void aClosedAppealOrOnePastItsDeadlineRefusesWithAClearMessageAndSavesNothing() throws Exception {
        TestFixtures.Created closed = fixtures.closed("Closed", Outcome.CHARGES_DROPPED);
        TestFixtures.Created passed =
                fixtures.published("Passed", "CN", LocalDate.now().minusDays(1));

        // Tokens as a form opened before the appeal closed (or its deadline passed) would carry.
        mvc.perform(ReportForms.report(closed.slug(), tokens.issue(closed.id()))
                        .param("kind", "LETTER")
                        .param("quantity", "1"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("This case is closed and no longer takes reports")));
        mvc.perform(ReportForms.report(passed.slug(), tokens.issue(passed.id()))
                        .param("kind", "LETTER")
                        .param("quantity", "1"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("The deadline for this action has passed")));
        mvc.perform(get("/appeals/{slug}/report", passed.slug()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("The deadline for this action has passed"),
                                not(containsString("name=\"submissionToken\"")))));

        assertThat(reportsOn(closed.id()) + reportsOn(passed.id())).isZero();
    }

    @Test
    void reportingOnAnUnknownAppealIsNotFound() throws Exception {
        mvc.perform(ReportForms.report("no-such-appeal", tokens.issue(Long.MAX_VALUE))
                        .param("kind", "LETTER")
                        .param("quantity", "1"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/appeals/no-such-appeal/report")).andExpect(status().isNotFound());
        mvc.perform(get("/appeals/no-such-appeal/report/thanks")).andExpect(status().isNotFound());
    }
}
