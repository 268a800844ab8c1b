package org.urgentaction.actions;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Appeals whose last hour of reports is several times their usual hourly rate: the shape of an
 * attempt to inflate a count (or of an appeal going viral), for staff to look at. The last hour
 * counts every report made, held and voided ones too; the usual rate is the average hour of the
 * seven days before today, from the per-day totals.
 */
@NamedInterface("api")
@Component
public class UnusualActivity {

    /** @param usualPerHour actions in an average hour of the week before */
    public record Surge(long appealId, long lastHour, double usualPerHour) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final double factor;
    private final long minimum;

    UnusualActivity(
            JdbcClient jdbc,
            Clock clock,
            @Value("${urgent-action.reports.surge-factor:5}") double factor,
            @Value("${urgent-action.reports.surge-minimum:100}") long minimum) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.factor = factor;
        this.minimum = minimum;
    }

    /** Every appeal flagged now, by id. */
    public Map<Long, Surge> now() {
        return surges(null);
    }

    public boolean flagged(long appealId) {
        return surges(appealId).containsKey(appealId);
    }

    private Map<Long, Surge> surges(Long appealId) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Map<Long, Surge> surges = new HashMap<>();
        String oneAppeal = appealId == null ? "" : " and appeal_id = :appeal";
        var query = jdbc.sql("""
                        with last_hour as (
                            select appeal_id, sum(quantity) as actions from action_report
                            where reported_at >= :hourAgo%1$s group by appeal_id),
                        usual as (
                            select appeal_id, sum(actions) / (7 * 24.0) as per_hour from action_day_total
                            where day >= :weekAgo and day < :today%1$s group by appeal_id)
                        select l.appeal_id, l.actions, coalesce(u.per_hour, 0) as per_hour
                        from last_hour l left join usual u on u.appeal_id = l.appeal_id
                        where l.actions >= greatest(:minimum, :factor * coalesce(u.per_hour, 0))
                        """.formatted(oneAppeal))
                .param("hourAgo", Timestamp.from(now.minus(Duration.ofHours(1))))
                .param("weekAgo", java.sql.Date.valueOf(today.minusDays(7)))
                .param("today", java.sql.Date.valueOf(today))
                .param("minimum", minimum)
                .param("factor", factor);
        if (appealId != null) {
            query = query.param("appeal", appealId);
        }
        query.query(rs -> {
            surges.put(
                    rs.getLong("appeal_id"),
                    new Surge(rs.getLong("appeal_id"), rs.getLong("actions"), rs.getDouble("per_hour")));
        });
        return surges;
    }
}
