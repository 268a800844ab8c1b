package org.urgentaction.actions;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLadvisoryLockBasedProxyManager;
import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How many actions one client may report: a report of 25 letters takes 25 from its budget, so
 * raising the quantity buys an attacker nothing. A person reports a handful at most (a school group
 * reports its 25 letters in one go). IPv4 clients are keyed by address, IPv6 clients by their /64
 * (one household or phone gets a whole /64 and can change the rest at will). Buckets live in
 * PostgreSQL, so the limit holds across every instance behind the load balancer. Reports made with
 * an event code take from that code's budget instead.
 */
@Component
class ReportRateLimit {

    private static final int REMOVE_AT_ONCE = 1_000;

    // Each report holds one for two short transactions. Measured against 10 under the benchmark's
    // report load: the same rate (medians 900 and 894 reports/s).
    private static final int CONNECTIONS = 4;

    private final HikariDataSource connections;
    private final PostgreSQLadvisoryLockBasedProxyManager<String> buckets;
    private final BucketConfiguration perClient;
    private final BucketConfiguration perEventCode;
    private final int burst;

    ReportRateLimit(
            DataSource dataSource,
            @Value("${urgent-action.rate-limit.actions-per-hour:60}") int perHour,
            @Value("${urgent-action.rate-limit.actions-per-minute:50}") int perMinute,
            @Value("${urgent-action.rate-limit.event-code-actions-per-hour:2000}") int perEventCodeHour)
            throws SQLException {
        this.connections = indexOnlyConnections(dataSource);
        // Advisory-lock based: an address seen for the first time (most supporters) costs two short
        // transactions (a look that finds none, then the insert); the row-locking variant took three
        // (insert, re-read, update), and the benchmark's report rate showed it.
        this.buckets = Bucket4jPostgreSQL.advisoryLockBasedBuilder(connections)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                // 64 bits of a hash of the key, so two addresses rarely share a lock.
                .lockIdSupplier(key -> UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8))
                        .getMostSignificantBits())
                .table("rate_limit_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(5)))
                .build();
        this.perClient = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)))
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build();
        this.perEventCode = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(perEventCodeHour).refillGreedy(perEventCodeHour, Duration.ofHours(1)))
                .build();
        this.burst = Math.min(perHour, perMinute);
    }

    /**
     * A bucket is kept until it would be full again, and five minutes more (a minute and five for an
     * address that reported one action; an hour and five at most): the table holds supporters'
     * addresses and must not grow with every address ever seen.
     */
    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    void removeExpired() {
        while (buckets.removeExpired(REMOVE_AT_ONCE) == REMOVE_AT_ONCE) {
            // more to remove
        }
    }

    /**
     * Connections of the rate limiter's own, on which the planner never takes a sequential scan of
     * the bucket table while its index will do: the table empties in quiet hours and fills by
     * thousands a minute, and a plan the driver kept from the empty table stayed a sequential scan as
     * it grew (figures in docs/decisions/performance.md).
     */
    private static HikariDataSource indexOnlyConnections(DataSource pool) throws SQLException {
        HikariConfig config = new HikariConfig();
        pool.unwrap(HikariDataSource.class).copyStateTo(config); // the same server, timeouts and credentials
        config.setPoolName("rate-limit");
        config.setMaximumPoolSize(CONNECTIONS);
        config.setConnectionInitSql("set enable_seqscan = off");
        return new HikariDataSource(config);
    }

    @PreDestroy
    void close() {
        connections.close();
    }

    /**
     * The most one report can take from a client's budget, and so the most one client can have
     * counted at once: a larger report is held for review (ActionReporting), and takes this much.
     */
    int burst() {
        return burst;
    }

    /**
     * @param clientAddress the supporter's address (behind a trusted proxy, from X-Forwarded-For)
     * @param actions       what the report would add to the count (at most {@link #burst()} is taken)
     */
    boolean allows(String clientAddress, int actions) {
        return consume("report:" + clientKey(clientAddress), perClient, Math.min(actions, burst));
    }

    /**
     * Reports made with an event code share the code's budget, whatever their address. A report above
     * the burst is held for review and counts nothing yet, so it takes no more than the burst: one
     * attendee's made-up 1,000 cannot use up the evening's budget for the rest of the room.
     */
    boolean allowsEventCode(long eventCodeId, int actions) {
        return consume("event:" + eventCodeId, perEventCode, Math.min(actions, burst));
    }

    private boolean consume(String key, BucketConfiguration configuration, int tokens) {
        try {
            return buckets.builder().build(key, () -> configuration).tryConsume(Math.max(tokens, 1));
        } catch (BucketExceptions.BucketExecutionException unreachable) {
            // Bucket4j talks to PostgreSQL itself; in Spring's terms this is the database being away (a 503).
            throw new DataAccessResourceFailureException("Rate-limit store unavailable", unreachable);
        }
    }

    /** An IPv4 address as it is; an IPv6 address as its /64 ("2001:db8:1:2::/64"). */
    static String clientKey(String address) {
        return org.urgentaction.web.ClientAddresses.key(address);
    }
}
