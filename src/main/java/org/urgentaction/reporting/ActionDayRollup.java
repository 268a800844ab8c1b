package org.urgentaction.reporting;

import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Adds each finished UTC day to the per-day totals that organisers' figures are read from
 * (migration V6: the totals of finished days plus the reports since, so figures are always
 * complete; rolling up only makes them fast).
 */
@Component
class ActionDayRollup {

    /** A report made just before midnight may still be committing; a day is closed this long after it ends. */
    static final Duration GRACE = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final Clock clock;

    ActionDayRollup(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Cheap when there is nothing to do (most runs): one locked row read. */
    @Scheduled(fixedDelay = 10, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    void rollUp() {
        jdbc.sql("select roll_up_action_days(:before)").param("before", finishedBefore()).query().singleRow();
    }

    /** Recomputes every day's totals from the reports: after reports were loaded or changed by hand. */
    void rebuild() {
        jdbc.sql("select rebuild_action_days(:before)").param("before", finishedBefore()).query().singleRow();
    }

    private Date finishedBefore() {
        return Date.valueOf(LocalDate.ofInstant(clock.instant().minus(GRACE), ZoneOffset.UTC));
    }
}
