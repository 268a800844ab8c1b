package org.urgentaction.actions;

import java.sql.Timestamp;
import java.sql.Types;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.urgentaction.appeals.ReportableAppeal;

/**
 * Records what supporters did, each submission exactly once. Plain SQL: this is the write every
 * supporter makes, and the JPA repository's proxies, persist and flush were a fifth of its CPU.
 */
@Service
class ActionReporting {

    enum Result {
        RECORDED, ALREADY_RECORDED
    }

    private final ActionTally tally;
    private final JdbcClient jdbc;

    ActionReporting(ActionTally tally, JdbcClient jdbc) {
        this.tally = tally;
        this.jdbc = jdbc;
    }

    /**
     * @throws org.urgentaction.appeals.AppealNotAcceptingReportsException when the appeal is closed
     *                                                                     or past its deadline
     */
    // Bounded well inside the grace the per-day totals give a report to commit (ActionDayRollup).
    @Transactional(timeout = 60)
    Result record(ReportableAppeal appeal, ActionReportForm form) {
        // Two copies of one submission (a double click) wait here for each other; the second then
        // sees the first's committed row and is not counted again. (The check must be a statement
        // of its own, after the lock: a statement sees the rows committed before it began.)
        jdbc.sql("select pg_advisory_xact_lock(:key)")
                .param("key", form.getSubmissionToken().getMostSignificantBits() ^ form.getSubmissionToken().getLeastSignificantBits())
                .query().singleRow();
        boolean seen = jdbc.sql("select exists (select from action_report where submission_token = :token)")
                .param("token", form.getSubmissionToken())
                .query(Boolean.class).single();
        if (seen) {
            return Result.ALREADY_RECORDED;
        }
        ActionReport report = ActionReport.on(appeal, form.getKind(), form.getQuantity(),
                form.getTargetIds(), form.getCountry(), form.contact(), form.getSubmissionToken());
        long id = jdbc.sql("""
                        insert into action_report (appeal_id, kind, quantity, supporter_country, supporter_name,
                                                   supporter_email, consent_given, submission_token, reported_at)
                        values (:appeal, :kind, :quantity, :country, :name, :email, :consent, :token, :at)
                        returning id
                        """)
                .param("appeal", report.appealId()).param("kind", report.kind().name()).param("quantity", report.quantity())
                // Typed, as they may be null: an untyped null makes the driver ask the server for the type.
                .param("country", report.supporterCountry(), Types.VARCHAR).param("name", report.supporterName(), Types.VARCHAR)
                .param("email", report.supporterEmail(), Types.VARCHAR).param("consent", report.consentGiven())
                .param("token", report.submissionToken()).param("at", Timestamp.from(report.reportedAt()))
                .query(Long.class).single();
        if (!report.targetIds().isEmpty()) {
            jdbc.sql("insert into action_report_target (report_id, target_id) select :report, unnest(:targets)")
                    .param("report", id).param("targets", report.targetIds().toArray(Long[]::new))
                    .update();
        }
        tally.add(appeal.id(), report.quantity());
        return Result.RECORDED;
    }
}
