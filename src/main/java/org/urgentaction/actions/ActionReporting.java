package org.urgentaction.actions;

import java.sql.Timestamp;
import java.sql.Types;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.urgentaction.appeals.ReportableAppeal;
import org.urgentaction.targets.WrongNumberReported;

/**
 * Records what supporters did, each submission exactly once. Plain SQL: this is the write every
 * supporter makes, and JPA's work per insert showed in its cost (docs/decisions/performance.md).
 * <p>
 * A report of more actions than its appeal's review threshold (staff set it per appeal; else
 * {@code urgent-action.reports.review-threshold}) is held: stored, but in no count until staff
 * approve it. So is one larger than a client's per-minute budget, unless it carries an event code.
 */
@Service
class ActionReporting {

    enum Result {
        RECORDED,
        HELD,
        ALREADY_RECORDED,
        /** A call that reached no one: nothing stored; a wrong number is passed on to staff. */
        NOT_COUNTED
    }

    private record Stored(long id, ReportStatus status) {}

    private final ActionTally tally;
    private final JdbcClient jdbc;
    private final int defaultReviewThreshold;
    private final ApplicationEventPublisher events;

    ActionReporting(
            ActionTally tally,
            JdbcClient jdbc,
            @Value("${urgent-action.reports.review-threshold:50}") int defaultReviewThreshold,
            ApplicationEventPublisher events) {
        this.tally = tally;
        this.jdbc = jdbc;
        this.defaultReviewThreshold = defaultReviewThreshold;
        this.events = events;
    }

    int defaultReviewThreshold() {
        return defaultReviewThreshold;
    }

    /**
     * @param submissionId the random id of the form's checked token
     * @param eventCodeId  the event code the report carried, valid for its appeal; or null
     * @param countedUpTo  the most actions a report may have counted without review besides the
     *                     appeal's threshold (the client's per-minute budget; no bound with an event code)
     * @throws org.urgentaction.appeals.AppealNotAcceptingReportsException when the appeal is closed
     *                                                                     or past its deadline
     */
    // Bounded well inside the grace the per-day totals give a report to commit (ActionDayRollup).
    @Transactional(timeout = 60)
    Result record(
            ReportableAppeal appeal, ActionReportForm form, UUID submissionId, Long eventCodeId, int countedUpTo) {
        CallOutcome call = form.callOutcome();
        if (call != null && !call.counts()) {
            return notCounted(appeal, form, call, submissionId);
        }
        // Two copies of one submission (a double click) wait here for each other; the second then
        // sees the first's committed row and is not counted again. (The check must be a statement
        // of its own, after the lock: a statement sees the rows committed before it began.)
        jdbc.sql("select pg_advisory_xact_lock(:key)")
                .param("key", submissionId.getMostSignificantBits() ^ submissionId.getLeastSignificantBits())
                .query()
                .singleRow();
        boolean seen = jdbc.sql("select exists (select from action_report where submission_token = :token)")
                .param("token", submissionId)
                .query(Boolean.class)
                .single();
        if (seen) {
            return Result.ALREADY_RECORDED;
        }
        ActionReport report = ActionReport.on(
                appeal,
                form.getKind(),
                form.getQuantity(),
                form.getTargetIds(),
                form.getCountry(),
                form.contact(),
                submissionId,
                eventCodeId,
                call);
        Stored stored = insert(report, countedUpTo);
        if (!report.targetIds().isEmpty()) {
            jdbc.sql("insert into action_report_target (report_id, target_id) select :report, unnest(:targets)")
                    .param("report", stored.id())
                    .param("targets", report.targetIds().toArray(Long[]::new))
                    .update();
        }
        if (!stored.status().counts()) {
            return Result.HELD;
        }
        tally.add(appeal.id(), report.quantity());
        return Result.RECORDED;
    }

    /**
     * No answer or a wrong number: no call was made that officials heard. Staff hear of a wrong number,
     * once per form: a replay, or a token already used for a report, adds nothing.
     */
    private Result notCounted(ReportableAppeal appeal, ActionReportForm form, CallOutcome call, UUID submissionId) {
        appeal.ensureAcceptsReports();
        int first = jdbc.sql("""
                        insert into uncounted_call (submission_token, appeal_id, outcome)
                        select :token, :appeal, :outcome
                        where not exists (select from action_report where submission_token = :token)
                        on conflict do nothing
                        """)
                .param("token", submissionId)
                .param("appeal", appeal.id())
                .param("outcome", call.name())
                .update();
        if (first == 0) {
            return Result.ALREADY_RECORDED;
        }
        if (call == CallOutcome.WRONG_NUMBER) {
            form.getTargetIds().forEach(target -> events.publishEvent(new WrongNumberReported(target, appeal.id())));
        }
        return Result.NOT_COUNTED;
    }

    /** The appeal's threshold is read in the insert itself: no round trip of its own per report. */
    private Stored insert(ActionReport report, int countedUpTo) {
        return jdbc.sql("""
                        insert into action_report (appeal_id, kind, quantity, supporter_country, supporter_name,
                                                   supporter_email, consent_given, submission_token, reported_at,
                                                   event_code_id, call_outcome, status)
                        values (:appeal, :kind, :quantity, :country, :name, :email, :consent, :token, :at, :eventCode,
                                :outcome,
                                case when :quantity > least(:cap, coalesce((select s.review_threshold from appeal_report_setting s
                                                                             where s.appeal_id = :appeal), :threshold))
                                     then 'HELD' else 'COUNTED' end)
                        returning id, status
                        """)
                .param("appeal", report.appealId())
                .param("kind", report.kind().name())
                .param("quantity", report.quantity())
                // Typed, as they may be null: an untyped null makes the driver ask the server for the type.
                .param("country", report.supporterCountry(), Types.VARCHAR)
                .param("name", report.supporterName(), Types.VARCHAR)
                .param("email", report.supporterEmail(), Types.VARCHAR)
                .param("consent", report.consentGiven())
                .param("token", report.submissionToken())
                .param("at", Timestamp.from(report.reportedAt()))
                .param("eventCode", report.eventCodeId(), Types.BIGINT)
                .param(
                        "outcome",
                        report.callOutcome() == null
                                ? null
                                : report.callOutcome().name(),
                        Types.VARCHAR)
                .param("cap", countedUpTo)
                .param("threshold", defaultReviewThreshold)
                .query((rs, n) -> new Stored(rs.getLong("id"), ReportStatus.valueOf(rs.getString("status"))))
                .single();
    }
}
