package org.urgentaction.actions;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.urgentaction.appeals.ActionKind;
import org.urgentaction.audit.AuditLog;
import org.urgentaction.web.NotFoundException;

/**
 * What staff do with reports: approve or reject held ones, void a counted one with a reason, undo a
 * void. A report entering or leaving the count changes the public count and the organisers' per-day
 * totals in the same transaction, so every figure agrees; each change is in the appeal's audit trail.
 */
@Service
class ReportReview {

    /** One report as staff see it: no name or e-mail, only whether the supporter gave them. */
    public record Report(
            long id,
            Instant reportedAt,
            ActionKind kind,
            int quantity,
            String supporterCountry,
            boolean contactGiven,
            String targets,
            ReportStatus status,
            String statusReason,
            boolean withEventCode) {}

    static final int RECENT = 100;

    private final JdbcClient jdbc;
    private final ActionTally tally;
    private final PetitionTally signatures;
    private final AuditLog audit;

    ReportReview(JdbcClient jdbc, ActionTally tally, PetitionTally signatures, AuditLog audit) {
        this.jdbc = jdbc;
        this.tally = tally;
        this.signatures = signatures;
        this.audit = audit;
    }

    @Transactional
    void approve(long appealId, long reportId) {
        change(appealId, reportId, ReportStatus::approved, null, "report.approved");
    }

    @Transactional
    void reject(long appealId, long reportId, String reason) {
        change(appealId, reportId, ReportStatus::rejected, reason, "report.rejected");
    }

    @Transactional
    void voidReport(long appealId, long reportId, String reason) {
        change(appealId, reportId, ReportStatus::voided, reason, "report.voided");
    }

    @Transactional
    void restore(long appealId, long reportId) {
        change(appealId, reportId, ReportStatus::restored, null, "report.restored");
    }

    private void change(
            long appealId, long reportId, UnaryOperator<ReportStatus> transition, String reason, String action) {
        record Current(ReportStatus status, int quantity, ActionKind kind) {}
        Current current = jdbc.sql(
                        "select status, quantity, kind from action_report where id = :id and appeal_id = :appeal for update")
                .param("id", reportId)
                .param("appeal", appealId)
                .query((rs, n) -> new Current(
                        ReportStatus.valueOf(rs.getString("status")),
                        rs.getInt("quantity"),
                        ActionKind.valueOf(rs.getString("kind"))))
                .optional()
                .orElseThrow(() -> new NotFoundException("report", reportId));
        ReportStatus next = transition.apply(current.status());
        jdbc.sql("update action_report set status = :status, status_reason = :reason where id = :id")
                .param("status", next.name())
                .param("reason", reason, java.sql.Types.VARCHAR)
                .param("id", reportId)
                .update();
        if (current.status().counts() != next.counts()) {
            if (next.counts()) {
                tally.add(appealId, current.quantity());
            } else {
                tally.take(appealId, current.quantity());
            }
            if (current.kind() == ActionKind.SIGNATURE) {
                if (next.counts()) {
                    signatures.add(appealId, current.quantity());
                } else {
                    signatures.take(appealId, current.quantity());
                }
            }
            jdbc.sql("select count_report_change(:id, :sign)")
                    .param("id", reportId)
                    .param("sign", next.counts() ? 1 : -1)
                    .query()
                    .singleRow();
        }
        audit.record(
                action,
                "appeal",
                appealId,
                "report %d (%d actions): %s → %s%s"
                        .formatted(
                                reportId,
                                current.quantity(),
                                current.status(),
                                next,
                                reason == null ? "" : ": " + reason));
    }

    /** The appeal's held reports (oldest first: the queue) and its most recent others. */
    @Transactional(readOnly = true)
    List<Report> held(long appealId) {
        return reports("r.appeal_id = :appeal and r.status = 'HELD' order by r.reported_at, r.id", appealId);
    }

    @Transactional(readOnly = true)
    List<Report> recent(long appealId) {
        return reports(
                "r.appeal_id = :appeal and r.status <> 'HELD' order by r.reported_at desc, r.id desc limit " + RECENT,
                appealId);
    }

    private List<Report> reports(String where, long appealId) {
        return jdbc.sql("""
                        select r.id, r.reported_at, r.kind, r.quantity, r.supporter_country, r.consent_given, r.status,
                               r.status_reason, r.event_code_id is not null as with_code,
                               (select string_agg(t.name, ', ' order by t.name) from action_report_target rt
                                join target t on t.id = rt.target_id where rt.report_id = r.id) as targets
                        from action_report r where\s""" + where)
                .param("appeal", appealId)
                .query((rs, n) -> new Report(
                        rs.getLong("id"),
                        rs.getTimestamp("reported_at").toInstant(),
                        ActionKind.valueOf(rs.getString("kind")),
                        rs.getInt("quantity"),
                        rs.getString("supporter_country"),
                        rs.getBoolean("consent_given"),
                        rs.getString("targets"),
                        ReportStatus.valueOf(rs.getString("status")),
                        rs.getString("status_reason"),
                        rs.getBoolean("with_code")))
                .list();
    }

    /** The appeal's own review threshold, or null for the default. */
    @Transactional(readOnly = true)
    Integer reviewThreshold(long appealId) {
        return jdbc.sql("select review_threshold from appeal_report_setting where appeal_id = ?")
                .param(appealId)
                .query(Integer.class)
                .optional()
                .orElse(null);
    }

    /** @param threshold null: back to the default */
    @Transactional
    void setReviewThreshold(long appealId, Integer threshold) {
        if (threshold == null) {
            jdbc.sql("delete from appeal_report_setting where appeal_id = ?")
                    .param(appealId)
                    .update();
        } else {
            jdbc.sql("""
                            insert into appeal_report_setting (appeal_id, review_threshold) values (:appeal, :threshold)
                            on conflict (appeal_id) do update set review_threshold = excluded.review_threshold
                            """)
                    .param("appeal", appealId)
                    .param("threshold", threshold)
                    .update();
        }
        audit.record(
                "report.review-threshold",
                "appeal",
                appealId,
                threshold == null ? "default" : String.valueOf(threshold));
    }
}
