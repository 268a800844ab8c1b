package org.urgentaction.letters;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.urgentaction.audit.AuditLog;

/**
 * Typical international post times by destination, for the composer's advice: staff set the
 * countries they know; every other country takes the default ({@code urgent-action.letters.default-post-days}).
 */
@Service
class PostTimes {

    record PostTime(String country, int days) {}

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final int defaultDays;

    PostTimes(
            JdbcClient jdbc, AuditLog audit, @Value("${urgent-action.letters.default-post-days:10}") int defaultDays) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.defaultDays = defaultDays;
    }

    int defaultDays() {
        return defaultDays;
    }

    /** Days a letter typically takes to reach this country. */
    int to(String country) {
        if (country == null) {
            return defaultDays;
        }
        return jdbc.sql("select days from post_time where country = :country")
                .param("country", country)
                .query(Integer.class)
                .optional()
                .orElse(defaultDays);
    }

    List<PostTime> all() {
        return jdbc.sql("select country, days from post_time order by country")
                .query(PostTime.class)
                .list();
    }

    @Transactional
    void set(String country, int days) {
        jdbc.sql("""
                        insert into post_time (country, days) values (:country, :days)
                        on conflict (country) do update set days = excluded.days, version = post_time.version + 1
                        """).param("country", country).param("days", days).update();
        audit.record("post-time.set", "post_time", null, country + ": " + days + " days");
    }

    @Transactional
    void remove(String country) {
        if (jdbc.sql("delete from post_time where country = :country")
                        .param("country", country)
                        .update()
                > 0) {
            audit.record("post-time.removed", "post_time", null, country + ": the default again");
        }
    }
}
