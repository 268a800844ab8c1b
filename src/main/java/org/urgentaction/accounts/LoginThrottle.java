package org.urgentaction.accounts;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import org.urgentaction.web.ClientAddresses;

/**
 * Failed logins are counted three ways, each first slowed (every further try waits a little longer)
 * and then, for the first two, locked for a while:
 * <ul>
 * <li>one account from one address: slowed after 3, locked after 5;</li>
 * <li>one address, whatever the accounts: slowed after 10, locked after 20;</li>
 * <li>one account from every address: slowed after 10, never locked, so that someone who knows a
 * staff e-mail cannot lock its owner out; guessing from many addresses is still held to about
 * one try a minute.</li>
 * </ul>
 * Counters are keyed on an HMAC of the e-mail and address (key kept in the database), so the table
 * names no one and a key of any input fits. Kept in PostgreSQL so every instance applies the same limits.
 */
@Component
class LoginThrottle {

    /** How one kind of counter slows and locks. */
    enum Kind {
        PAIR(3, 5),
        ADDRESS(10, 20),
        ACCOUNT(10, Integer.MAX_VALUE);

        final int slowAfter;
        final int lockAfter;

        Kind(int slowAfter, int lockAfter) {
            this.slowAfter = slowAfter;
            this.lockAfter = lockAfter;
        }
    }

    static final Duration SLOW_STEP = Duration.ofSeconds(5);
    /** However many failures, a slowed login never waits longer than this. */
    static final Duration LONGEST_WAIT = Duration.ofMinutes(1);

    static final Duration LOCK = Duration.ofMinutes(15);
    /** Failures older than this are forgotten. */
    static final Duration WINDOW = Duration.ofMinutes(15);

    private static final String SECRET_NAME = "login-throttle-hmac";

    /** Why a login may not be tried now, and for how long. */
    record Refusal(boolean locked, Duration retryAfter) {}

    private final JdbcClient jdbc;
    private final AppSecrets secrets;
    private final Clock clock;
    private final TransactionTemplate transaction;

    LoginThrottle(JdbcClient jdbc, AppSecrets secrets, Clock clock, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.clock = clock;
        // Its own transaction: a reservation is committed (and its row locks let go) before the
        // slow bcrypt check, whatever transaction the caller is in.
        this.transaction = new TransactionTemplate(transaction.getTransactionManager());
        this.transaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Reserves an attempt before the password or code is verified: one statement per counter both
     * tests and counts it, so parallel attempts cannot all pass a check made before any of them is
     * counted. Empty when the attempt may go ahead, and it is then already counted as a failure;
     * {@link #succeeded} gives it back. A refused attempt counts nowhere. The three counters are
     * always taken in the same order, in one transaction, so reservations cannot deadlock.
     */
    Optional<Refusal> reserve(String email, String address) {
        return reserve(email, address, false);
    }

    /** As {@link #reserve(String, String)}; from a {@link KnownDevice} the account-wide counter is left out. */
    Optional<Refusal> reserve(String email, String address, boolean knownDevice) {
        Instant now = clock.instant();
        Boolean reserved = transaction.execute(status -> {
            for (Kind kind : Kind.values()) {
                if (knownDevice && kind == Kind.ACCOUNT) {
                    continue;
                }
                if (!reserve(key(kind, email, address), kind, now)) {
                    status.setRollbackOnly();
                    return false;
                }
            }
            return true;
        });
        if (Boolean.TRUE.equals(reserved)) {
            return Optional.empty();
        }
        return Optional.of(check(email, address, knownDevice).orElse(new Refusal(false, Duration.ofSeconds(1))));
    }

    /** {@code email} is the normalised login name ({@link LoginName}); {@code address} the client's. */
    Optional<Refusal> check(String email, String address) {
        return check(email, address, false);
    }

    private Optional<Refusal> check(String email, String address, boolean knownDevice) {
        Instant now = clock.instant();
        return Stream.of(Kind.values())
                .filter(kind -> !(knownDevice && kind == Kind.ACCOUNT))
                .map(kind -> refusal(key(kind, email, address), kind, now))
                .flatMap(Optional::stream)
                .max(Comparator.comparing(Refusal::retryAfter));
    }

    /** Its own transaction: a failure is counted even when what follows it fails. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void failed(String email, String address) {
        Instant now = clock.instant();
        for (Kind kind : Kind.values()) {
            record(key(kind, email, address), kind, now);
        }
    }

    /**
     * The owner got in from this address: its pair count goes; the attempt {@link #reserve}d on the
     * address and account counts is given back, and earlier failures there stand.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void succeeded(String email, String address) {
        succeeded(email, address, false);
    }

    /** As {@link #succeeded(String, String)} for an attempt reserved with {@code knownDevice}. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void succeeded(String email, String address, boolean knownDevice) {
        jdbc.sql("delete from login_throttle where throttle_key = ?")
                .param(key(Kind.PAIR, email, address))
                .update();
        for (Kind kind : knownDevice ? new Kind[] {Kind.ADDRESS} : new Kind[] {Kind.ADDRESS, Kind.ACCOUNT}) {
            jdbc.sql("""
                            update login_throttle set failures = greatest(failures - 1, 0),
                              locked_until = case when failures - 1 >= :limit then locked_until end
                            where throttle_key = :key
                            """)
                    .param("key", key(kind, email, address))
                    .param("limit", kind.lockAfter)
                    .update();
        }
    }

    /** Counts an attempt on one counter unless it is locked or slowed now; false when refused. */
    private boolean reserve(String key, Kind kind, Instant now) {
        Timestamp at = Timestamp.from(now);
        Timestamp windowStart = Timestamp.from(now.minus(WINDOW));
        // The row lock taken by the upsert holds parallel attempts on this key until this one is counted.
        return jdbc.sql("""
                        insert into login_throttle (throttle_key, failures, last_failure_at, locked_until)
                        values (:key, 1, :now, case when 1 >= :lockAfter then cast(:until as timestamptz) end)
                        on conflict (throttle_key) do update set
                          failures = case when login_throttle.last_failure_at < :windowStart then 1
                                          else login_throttle.failures + 1 end,
                          last_failure_at = :now,
                          locked_until = case
                            when (case when login_throttle.last_failure_at < :windowStart then 1
                                       else login_throttle.failures + 1 end) >= :lockAfter then cast(:until as timestamptz)
                            else login_throttle.locked_until end
                        where not (login_throttle.locked_until is not null and login_throttle.locked_until > :now)
                          and not (login_throttle.failures >= :slowAfter and login_throttle.last_failure_at > :windowStart
                                   and login_throttle.last_failure_at
                                       + make_interval(secs => least(:slowStep * (login_throttle.failures - :slowAfter + 1), :longestWait)) > :now)
                        returning failures
                        """)
                .param("key", key)
                .param("now", at)
                .param("windowStart", windowStart)
                .param("until", Timestamp.from(now.plus(LOCK)))
                .param("lockAfter", kind.lockAfter)
                .param("slowAfter", kind.slowAfter)
                .param("slowStep", (double) SLOW_STEP.toSeconds())
                .param("longestWait", (double) LONGEST_WAIT.toSeconds())
                .query(Integer.class)
                .optional()
                .isPresent();
    }

    private Optional<Refusal> refusal(String key, Kind kind, Instant now) {
        return jdbc.sql("select failures, last_failure_at, locked_until from login_throttle where throttle_key = ?")
                .param(key)
                .query((rs, n) -> {
                    Timestamp lockedUntil = rs.getTimestamp("locked_until");
                    if (lockedUntil != null && lockedUntil.toInstant().isAfter(now)) {
                        return new Refusal(true, Duration.between(now, lockedUntil.toInstant()));
                    }
                    int failures = rs.getInt("failures");
                    Instant last = rs.getTimestamp("last_failure_at").toInstant();
                    if (failures >= kind.slowAfter && last.isAfter(now.minus(WINDOW))) {
                        Duration wait = SLOW_STEP.multipliedBy(failures - kind.slowAfter + 1L);
                        Instant nextTry = last.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
                        if (nextTry.isAfter(now)) {
                            return new Refusal(false, Duration.between(now, nextTry));
                        }
                    }
                    return null;
                })
                .optional();
    }

    private void record(String key, Kind kind, Instant now) {
        Timestamp at = Timestamp.from(now);
        jdbc.sql("""
                        insert into login_throttle (throttle_key, failures, last_failure_at) values (:key, 1, :now)
                        on conflict (throttle_key) do update set
                          failures = case when login_throttle.last_failure_at < :windowStart then 1
                                          else login_throttle.failures + 1 end,
                          last_failure_at = :now
                        """)
                .param("key", key)
                .param("now", at)
                .param("windowStart", Timestamp.from(now.minus(WINDOW)))
                .update();
        if (kind.lockAfter != Integer.MAX_VALUE) {
            jdbc.sql("update login_throttle set locked_until = :until where throttle_key = :key and failures >= :limit")
                    .param("until", Timestamp.from(now.plus(LOCK)))
                    .param("key", key)
                    .param("limit", kind.lockAfter)
                    .update();
        }
    }

    String key(Kind kind, String email, String address) {
        String name = switch (kind) {
            case PAIR -> "pair:" + email + " " + ClientAddresses.key(address);
            case ADDRESS -> "address:" + ClientAddresses.key(address);
            case ACCOUNT -> "account:" + email;
        };
        return Base64.getEncoder()
                .withoutPadding()
                .encodeToString(secrets.hmac(SECRET_NAME, name.getBytes(StandardCharsets.UTF_8)));
    }
}
