package org.urgentaction.actions;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.urgentaction.IntegrationTest;
import org.urgentaction.TestFixtures;
import org.urgentaction.appeals.ActionTotals;
import org.urgentaction.audit.AuditEntry;
import org.urgentaction.audit.AuditLog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The staff page of an appeal's reports: review, voids with a reason, undo, event codes. */
@IntegrationTest
class ReportAdminTests {

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
    AuditLog audit;

    @Autowired
    EventCodes eventCodes;

    private long lastReportOn(long appealId) {
        return jdbc.sql("select max(id) from action_report where appeal_id = ?")
                .param(appealId)
                .query(Long.class)
                .single();
    }

    private String statusOf(long reportId) {
        return jdbc.sql("select status from action_report where id = ?")
                .param(reportId)
                .query(String.class)
                .single();
    }

    @Test
    void staffVoidWithAReasonUndoAndReviewHeldReportsAndEveryChangeIsAudited() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Reviewed", "CN", null);
        mvc.perform(ReportForms.report(mvc, appeal.slug())
                        .param("kind", "EMAIL")
                        .param("quantity", "12")
                        .param("name", "Ann Lee")
                        .param("email", "ann@example.org")
                        .param("consent", "true"))
                .andExpect(status().isFound());
        long counted = lastReportOn(appeal.id());
        mvc.perform(ReportForms.report(mvc, appeal.slug())
                        .param("kind", "LETTER")
                        .param("quantity", "300"))
                .andExpect(status().isFound());
        long held = lastReportOn(appeal.id());

        mvc.perform(get("/admin/appeals/{id}/reports", appeal.id()).with(ORGANISER))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"report-" + counted + "\""),
                                containsString("id=\"report-" + held + "\""),
                                containsString("name or e-mail given"),
                                not(containsString("Ann Lee")),
                                not(containsString("ann@example.org")))));

        // No reason: refused with a message, nothing changed.
        mvc.perform(post("/admin/appeals/{id}/reports/{r}/void", appeal.id(), counted)
                        .with(ORGANISER)
                        .with(csrf())
                        .param("reason", "  "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Say why, for the audit trail.")));
        assertThat(statusOf(counted)).isEqualTo("COUNTED");
        assertThat(totals.actionsFor(appeal.id())).isEqualTo(12);

        mvc.perform(post("/admin/appeals/{id}/reports/{r}/void", appeal.id(), counted)
                        .with(ORGANISER)
                        .with(csrf())
                        .param("reason", "Sent by a script"))
                .andExpect(status().isFound());
        assertThat(statusOf(counted)).isEqualTo("VOIDED");
        assertThat(totals.actionsFor(appeal.id())).isZero();
        // A second void (another tab, a colleague) changes nothing, and says why.
        mvc.perform(post("/admin/appeals/{id}/reports/{r}/void", appeal.id(), counted)
                        .with(ORGANISER)
                        .with(csrf())
                        .param("reason", "Again"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Someone changed this report first")));
        assertThat(totals.actionsFor(appeal.id())).isZero();
        mvc.perform(post("/admin/appeals/{id}/reports/{r}/restore", appeal.id(), counted)
                        .with(ORGANISER)
                        .with(csrf()))
                .andExpect(status().isFound());
        assertThat(totals.actionsFor(appeal.id())).isEqualTo(12);

        mvc.perform(post("/admin/appeals/{id}/reports/{r}/reject", appeal.id(), held)
                        .with(ORGANISER)
                        .with(csrf())
                        .param("reason", "Not plausible"))
                .andExpect(status().isFound());
        assertThat(statusOf(held)).isEqualTo("REJECTED");
        assertThat(totals.actionsFor(appeal.id())).isEqualTo(12);
        mvc.perform(post("/admin/appeals/{id}/reports/{r}/approve", appeal.id(), held)
                        .with(ORGANISER)
                        .with(csrf()))
                .andExpect(status().isFound());
        assertThat(totals.actionsFor(appeal.id()))
                .as("a rejection can be reconsidered")
                .isEqualTo(312);

        assertThat(audit.trailOf("appeal", appeal.id()))
                .extracting(AuditEntry::getAction)
                .containsSubsequence("report.approved", "report.rejected", "report.restored", "report.voided");
        assertThat(audit.trailOf("appeal", appeal.id()))
                .extracting(AuditEntry::getActor)
                .contains("org@example.org");
    }

    @Test
    void aReportOfAnotherAppealOrNoneIsNotFound() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Mine", "CN", null);
        TestFixtures.Created other = fixtures.published("Theirs", "CN", null);
        mvc.perform(ReportForms.report(mvc, other.slug()).param("kind", "EMAIL").param("quantity", "3"))
                .andExpect(status().isFound());
        long theirs = lastReportOn(other.id());

        mvc.perform(post("/admin/appeals/{id}/reports/{r}/void", appeal.id(), theirs)
                        .with(ORGANISER)
                        .with(csrf())
                        .param("reason", "x"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/appeals/{id}/reports/{r}/approve", appeal.id(), Long.MAX_VALUE)
                        .with(ORGANISER)
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/appeals/{id}/reports", Long.MAX_VALUE).with(ORGANISER))
                .andExpect(status().isNotFound());
        assertThat(totals.actionsFor(other.id())).isEqualTo(3);
    }

    @Test
    void staffGenerateAnEventCodeAndRevokeIt() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Evening", "CN", null);

        mvc.perform(post("/admin/appeals/{id}/event-codes", appeal.id())
                        .with(ORGANISER)
                        .with(csrf()))
                .andExpect(status().isFound());
        String page = mvc.perform(
                        get("/admin/appeals/{id}/reports", appeal.id()).with(ORGANISER))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher shown = Pattern.compile("<code class=\"event-code\">([A-Z2-9]{4}-[A-Z2-9]{4})</code>")
                .matcher(page);
        assertThat(shown.find()).as("the code is on the page").isTrue();
        String code = shown.group(1);
        assertThat(eventCodes.validNow(appeal.id(), code.toLowerCase().replace("-", " ")))
                .isPresent();
        assertThat(eventCodes.validNow(appeal.id() + 1, code))
                .as("bound to its appeal")
                .isEmpty();

        long id = eventCodes.validNow(appeal.id(), code).orElseThrow();
        mvc.perform(post("/admin/appeals/{id}/event-codes/{c}/revoke", appeal.id(), id)
                        .with(ORGANISER)
                        .with(csrf()))
                .andExpect(status().isFound());
        assertThat(eventCodes.validNow(appeal.id(), code)).isEmpty();
        mvc.perform(get("/admin/appeals/{id}/reports", appeal.id()).with(ORGANISER))
                .andExpect(content().string(containsString("(revoked)")));
        assertThat(audit.trailOf("appeal", appeal.id()))
                .extracting(AuditEntry::getAction)
                .contains("report.event-code.created", "report.event-code.revoked");
    }
}
