package org.urgentaction.actions;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.urgentaction.audit.AuditLog;

/**
 * Event codes: staff generate one for an appeal before a letter-writing evening; for a day, reports
 * on that appeal that carry it are not limited per address (30 people on one Wi-Fi all get through),
 * only by the code's own budget, and still go through the review threshold.
 */
@Component
class EventCodes {

    /** A code as staff see it. */
    public record EventCode(
            long id,
            String code,
            Instant validFrom,
            Instant validUntil,
            String createdBy,
            Instant revokedAt,
            long actions) {

        public String display() {
            return code.substring(0, 4) + "-" + code.substring(4);
        }

        public boolean validAt(Instant now) {
            return revokedAt == null && !now.isBefore(validFrom) && now.isBefore(validUntil);
        }
    }

    static final Duration VALIDITY = Duration.ofDays(1);
    static final int LENGTH = 8;
    // No 0/O, 1/I/L: read aloud in a church hall or copied from a whiteboard, they are confused.
    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    EventCodes(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a supporter typed ("abcd efgh", "ABCD-EFGH"), as stored; null when nothing was typed. */
    static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        return code.isEmpty() ? null : code;
    }

    /** The id of the code valid now on this appeal, if that is one. */
    Optional<Long> validNow(long appealId, String typed) {
        String code = normalise(typed);
        if (code == null || code.length() != LENGTH) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select id from report_event_code
                        where appeal_id = :appeal and code = :code and revoked_at is null
                          and valid_from <= :now and valid_until > :now
                        """)
                .param("appeal", appealId)
                .param("code", code)
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class)
                .optional();
    }

    @Transactional
    EventCode generate(long appealId, String staff) {
        Instant from = clock.instant();
        return generate(appealId, from, from.plus(VALIDITY), staff);
    }

    /** A code valid from {@code from} until {@code until} (an event's day, say). */
    @Transactional
    EventCode generate(long appealId, Instant from, Instant until, String staff) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        // 31^8 codes per appeal: a clash with one of its few codes is astronomically rare, and refused by the index.
        long id = jdbc.sql("""
                        insert into report_event_code (appeal_id, code, valid_from, valid_until, created_by)
                        values (:appeal, :code, :from, :until, :by) returning id
                        """)
                .param("appeal", appealId)
                .param("code", code.toString())
                .param("from", Timestamp.from(from))
                .param("until", Timestamp.from(until))
                .param("by", staff)
                .query(Long.class)
                .single();
        audit.record("report.event-code.created", "appeal", appealId, "event code " + id + " valid until " + until);
        return new EventCode(id, code.toString(), from, until, staff, null, 0);
    }

    @Transactional
    boolean revoke(long appealId, long codeId) {
        int changed = jdbc.sql(
                        "update report_event_code set revoked_at = now() where id = :id and appeal_id = :appeal and revoked_at is null")
                .param("id", codeId)
                .param("appeal", appealId)
                .update();
        if (changed == 1) {
            audit.record("report.event-code.revoked", "appeal", appealId, "event code " + codeId);
        }
        return changed == 1;
    }

    /** The appeal's codes, newest first, with the actions reported with each. */
    List<EventCode> of(long appealId) {
        return jdbc.sql("""
                        select c.id, c.code, c.valid_from, c.valid_until, c.created_by, c.revoked_at,
                               coalesce((select sum(r.quantity) from action_report r where r.event_code_id = c.id), 0) as actions
                        from report_event_code c where c.appeal_id = :appeal order by c.id desc limit 20
                        """)
                .param("appeal", appealId)
                .query((rs, n) -> new EventCode(
                        rs.getLong("id"),
                        rs.getString("code"),
                        rs.getTimestamp("valid_from").toInstant(),
                        rs.getTimestamp("valid_until").toInstant(),
                        rs.getString("created_by"),
                        rs.getTimestamp("revoked_at") == null
                                ? null
                                : rs.getTimestamp("revoked_at").toInstant(),
                        rs.getLong("actions")))
                .list();
    }
}
