package org.urgentaction.actions;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.urgentaction.audit.AuditLog;

/**
 * What staff do with a petition: set its goal, add the signatures gathered on paper as one counted
 * batch, and record when it was handed in. Every change is in the audit trail; the demo uses the
 * same calls.
 */
@Service
@NamedInterface("api")
public class PetitionAdmin {

    /** A signature whose name is shown on the public page, with its report to void it by. */
    public record ShownSignature(long reportId, String name, String country, Instant signedAt) {}

    /** A batch of paper signatures as staff see it. */
    public record PaperBatch(long id, int signatures, String gathered, String recordedBy, Instant recordedAt) {}

    private final JdbcClient jdbc;
    private final ActionTally actions;
    private final PetitionTally signatures;
    private final AuditLog audit;
    private final Clock clock;

    PetitionAdmin(JdbcClient jdbc, ActionTally actions, PetitionTally signatures, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.actions = actions;
        this.signatures = signatures;
        this.audit = audit;
        this.clock = clock;
    }

    /** @param goal null for none */
    @Transactional
    public void setGoal(long appealId, Integer goal) {
        jdbc.sql("""
                        insert into petition (appeal_id, goal) values (:appeal, :goal)
                        on conflict (appeal_id) do update set goal = excluded.goal, version = petition.version + 1
                        """)
                .param("appeal", appealId)
                .param("goal", goal, java.sql.Types.INTEGER)
                .update();
        audit.record("petition.goal", "appeal", appealId, goal == null ? "no goal" : "goal " + goal);
    }

    /** The batch is one SIGNATURE report, counted at once: staff counted the sheets themselves. */
    @Transactional
    public void addPaperBatch(long appealId, int count, String gathered, String staff) {
        Instant now = clock.instant();
        jdbc.sql("""
                        with report as (
                            insert into action_report (appeal_id, kind, quantity, submission_token, reported_at, status)
                            values (:appeal, 'SIGNATURE', :count, :token, :at, 'COUNTED') returning id)
                        insert into petition_paper_batch (appeal_id, signatures, gathered, report_id, recorded_by, recorded_at)
                        select :appeal, :count, :gathered, id, :staff, :at from report
                        """)
                .param("appeal", appealId)
                .param("count", count)
                .param("token", UUID.randomUUID())
                .param("at", Timestamp.from(now))
                .param("gathered", gathered)
                .param("staff", staff)
                .update();
        actions.add(appealId, count);
        signatures.add(appealId, count);
        audit.record("petition.paper-batch", "appeal", appealId, count + " signatures on paper: " + gathered);
    }

    @Transactional
    public void recordHandIn(long appealId, LocalDate on, String handedTo, int count, String note, String staff) {
        jdbc.sql("""
                        insert into petition_hand_in (appeal_id, handed_in_on, handed_to, signatures, note, recorded_by, recorded_at)
                        values (:appeal, :on, :to, :count, :note, :staff, :at)
                        """)
                .param("appeal", appealId)
                .param("on", on)
                .param("to", handedTo)
                .param("count", count)
                .param("note", note, java.sql.Types.VARCHAR)
                .param("staff", staff)
                .param("at", Timestamp.from(clock.instant()))
                .update();
        audit.record(
                "petition.hand-in", "appeal", appealId, count + " signatures handed in on " + on + " to " + handedTo);
    }

    Integer goal(long appealId) {
        return jdbc.sql("select goal from petition where appeal_id = :appeal")
                .param("appeal", appealId)
                .query(Integer.class)
                .optional()
                .orElse(null);
    }

    List<PaperBatch> paperBatches(long appealId) {
        return jdbc.sql("""
                        select id, signatures, gathered, recorded_by, recorded_at from petition_paper_batch
                        where appeal_id = :appeal order by recorded_at desc, id desc
                        """)
                .param("appeal", appealId)
                .query((rs, n) -> new PaperBatch(
                        rs.getLong("id"),
                        rs.getInt("signatures"),
                        rs.getString("gathered"),
                        rs.getString("recorded_by"),
                        rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    /** The names the public page shows now (the most recent counted ones that asked to be shown). */
    List<ShownSignature> shownSignatures(long appealId) {
        return jdbc.sql("""
                        select r.id, s.name, s.country, s.signed_at from petition_signature s
                        join action_report r on r.submission_token = s.submission_token and r.status = 'COUNTED'
                        where s.appeal_id = :appeal and s.show_name order by s.signed_at desc limit :shown
                        """)
                .param("appeal", appealId)
                .param("shown", PetitionSignatures.SHOWN)
                .query((rs, n) -> new ShownSignature(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("country"),
                        rs.getTimestamp("signed_at").toInstant()))
                .list();
    }

    /**
     * The signers still counted, oldest first, for the hand-in: name, country, when, whether the name
     * is shown, and the e-mail of those who agreed to keep it. Values a spreadsheet would run as a
     * formula are neutralised (csv_text, as in every export). Recorded as an export of personal data.
     */
    @Transactional
    public void writeSigners(long appealId, String staff, Appendable out) {
        audit.record("export.personalData", "appeal", appealId, "petition signers, by " + staff);
        try (CSVPrinter csv = CSVFormat.RFC4180
                .builder()
                .setHeader("signed_at", "name", "country", "name_shown", "email")
                .get()
                .print(out)) {
            jdbc.sql("""
                            select s.signed_at, csv_text(s.name) as name, s.country, s.show_name,
                                   case when s.consent_given then csv_text(s.email) end as email
                            from petition_signature s
                            join action_report r on r.submission_token = s.submission_token and r.status = 'COUNTED'
                            where s.appeal_id = :appeal order by s.signed_at, s.id
                            """).param("appeal", appealId).query(rs -> {
                try {
                    csv.printRecord(
                            rs.getTimestamp("signed_at").toInstant(),
                            rs.getString("name"),
                            rs.getString("country"),
                            rs.getBoolean("show_name"),
                            rs.getString("email"));
                } catch (java.io.IOException failed) {
                    throw new java.io.UncheckedIOException(failed);
                }
            });
        } catch (java.io.IOException failed) {
            throw new java.io.UncheckedIOException(failed);
        }
    }
}
