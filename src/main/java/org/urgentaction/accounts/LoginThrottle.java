package org.urgentaction.accounts;

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

/**
 * Repeated failed logins, per account and per client address, are first slowed (each further try
 * must wait a little longer) and then locked for a while. Kept in PostgreSQL so every instance
 * applies the same limits.
 */
@Component
class LoginThrottle {

    static final int SLOW_AFTER = 3;
    static final Duration SLOW_STEP = Duration.ofSeconds(5);
    static final int ACCOUNT_LOCK_AFTER = 5;
    static final int ADDRESS_LOCK_AFTER = 20;
    static final Duration LOCK = Duration.ofMinutes(15);
    /** Failures older than this are forgotten. */
    static final Duration WINDOW = Duration.ofMinutes(15);

    /** Why a login may not be tried now, and for how long. */
    record Refusal(boolean locked, Duration retryAfter) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Refusal> check(String email, String address) {
        Instant now = clock.instant();
        return List.of(accountKey(email), addressKey(address)).stream()
                .map(key -> refusal(key, now))
                .flatMap(Optional::stream)
                .max((a, b) -> a.retryAfter().compareTo(b.retryAfter()));
    }

    @Transactional
    void failed(String email, String address) {
        Instant now = clock.instant();
        record(accountKey(email), ACCOUNT_LOCK_AFTER, now);
        record(addressKey(address), ADDRESS_LOCK_AFTER, now);
    }

    @Transactional
    void succeeded(String email) {
        jdbc.sql("delete from login_throttle where throttle_key = ?").param(accountKey(email)).update();
    }

    private Optional<Refusal> refusal(String key, Instant now) {
        return jdbc.sql("select failures, last_failure_at, locked_until from login_throttle where throttle_key = ?")
                .param(key)
                .query((rs, n) -> {
                    Timestamp lockedUntil = rs.getTimestamp("locked_until");
                    if (lockedUntil != null && lockedUntil.toInstant().isAfter(now)) {
                        return new Refusal(true, Duration.between(now, lockedUntil.toInstant()));
                    }
                    int failures = rs.getInt("failures");
                    Instant last = rs.getTimestamp("last_failure_at").toInstant();
                    if (failures >= SLOW_AFTER && last.isAfter(now.minus(WINDOW))) {
                        Instant nextTry = last.plus(SLOW_STEP.multipliedBy(failures - SLOW_AFTER + 1));
                        if (nextTry.isAfter(now)) {
                            return new Refusal(false, Duration.between(now, nextTry));
                        }
                    }
                    return null;
                })
                .optional();
    }

    private void record(String key, int lockAfter, Instant now) {
        Timestamp at = Timestamp.from(now);
        jdbc.sql("""
                        insert into login_throttle (throttle_key, failures, last_failure_at) values (:key, 1, :now)
                        on conflict (throttle_key) do update set
                          failures = case when login_throttle.last_failure_at < :windowStart then 1
                                          else login_throttle.failures + 1 end,
                          last_failure_at = :now
                        """)
                .param("key", key).param("now", at).param("windowStart", Timestamp.from(now.minus(WINDOW)))
                .update();
        jdbc.sql("update login_throttle set locked_until = :until where throttle_key = :key and failures >= :limit")
                .param("until", Timestamp.from(now.plus(LOCK))).param("key", key).param("limit", lockAfter)
                .update();
    }

    private static String accountKey(String email) {
        return "account:" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
