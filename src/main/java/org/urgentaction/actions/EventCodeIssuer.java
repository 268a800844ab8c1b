package org.urgentaction.actions;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Event codes for another module's events (the events module's letter-writing evenings): a code on
 * one appeal for a window the caller chooses, and the codes it was given, read back with the actions
 * each brought. The appeal's reports page lists and revokes them like any other.
 */
@NamedInterface("api")
@Component
public class EventCodeIssuer {

    /** A code as staff read it out: {@code display} is "K7QM-3XHT". */
    public record IssuedCode(
            long id,
            long appealId,
            String display,
            Instant validFrom,
            Instant validUntil,
            Instant revokedAt,
            long actions) {

        public boolean validAt(Instant now) {
            return revokedAt == null && !now.isBefore(validFrom) && now.isBefore(validUntil);
        }
    }

    private final EventCodes codes;
    private final JdbcClient jdbc;

    EventCodeIssuer(EventCodes codes, JdbcClient jdbc) {
        this.codes = codes;
        this.jdbc = jdbc;
    }

    /** Audited on the appeal, as the reports page's own codes are. */
    @Transactional
    public IssuedCode issue(long appealId, Instant validFrom, Instant validUntil, String staff) {
        EventCodes.EventCode code = codes.generate(appealId, validFrom, validUntil, staff);
        return new IssuedCode(code.id(), appealId, code.display(), validFrom, validUntil, null, 0);
    }

    /** The codes with these ids, the newest first. */
    public List<IssuedCode> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select c.id, c.appeal_id, c.code, c.valid_from, c.valid_until, c.revoked_at,
                               coalesce((select sum(r.quantity) from action_report r where r.event_code_id = c.id), 0) as actions
                        from report_event_code c where c.id in (:ids) order by c.id desc
                        """)
                .param("ids", ids)
                .query((rs, n) -> {
                    String code = rs.getString("code");
                    return new IssuedCode(
                            rs.getLong("id"),
                            rs.getLong("appeal_id"),
                            code.substring(0, 4) + "-" + code.substring(4),
                            rs.getTimestamp("valid_from").toInstant(),
                            rs.getTimestamp("valid_until").toInstant(),
                            rs.getTimestamp("revoked_at") == null
                                    ? null
                                    : rs.getTimestamp("revoked_at").toInstant(),
                            rs.getLong("actions"));
                })
                .list();
    }
}
