package org.urgentaction.actions;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLadvisoryLockBasedProxyManager;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How many reports one client address may send per minute. A person reports a handful at most (a
 * school group reports its 25 letters in one go); a flood from one address is refused. Buckets
 * live in PostgreSQL, so the limit holds across every instance behind the load balancer.
 */
@Component
class ReportRateLimit {

    private static final int REMOVE_AT_ONCE = 1_000;

    // Each report holds one for two short transactions. Measured against 10 under the benchmark's
    // report load: the same rate (medians 900 and 894 reports/s).
    private static final int CONNECTIONS = 4;

    private final HikariDataSource connections;
    private final PostgreSQLadvisoryLockBasedProxyManager<String> buckets;
    private final BucketConfiguration perAddress;

    ReportRateLimit(DataSource dataSource, @Value("${urgent-action.rate-limit.reports-per-minute:6}") int perMinute)
            throws SQLException {
        this.connections = indexOnlyConnections(dataSource);
        // Advisory-lock based: an address seen for the first time (most supporters) costs two short
        // transactions (a look that finds none, then the insert); the row-locking variant took three
        // (insert, re-read, update), and the benchmark's report rate showed it.
        this.buckets = Bucket4jPostgreSQL.advisoryLockBasedBuilder(connections)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                // 64 bits of a hash of the key, so two addresses rarely share a lock.
                .lockIdSupplier(key -> UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits())
                .table("rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(5)))
                .build();
        this.perAddress = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build();
    }

    /**
     * A bucket is kept five minutes after its last use at most: the table holds supporters' addresses
     * and must not grow with every address ever seen.
     */
    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    void removeExpired() {
        while (buckets.removeExpired(REMOVE_AT_ONCE) == REMOVE_AT_ONCE) {
            // more to remove
        }
    }

    /**
     * Connections of the rate limiter's own, on which the planner never takes a sequential scan of
     * the bucket table while its index will do. The table empties in quiet hours (buckets expire) and
     * fills by thousands a minute when an appeal goes out; the driver keeps a statement's plan after
     * five uses, and a plan kept from the empty table was a sequential scan that stayed one as the
     * table grew: the benchmark's reports fell from 1,234/s to 139-226/s, every lookup reading the
     * whole table. Planning each statement afresh avoided it too, but cost a quarter of a millisecond
     * of the database's CPU per report; here the kept plans stay, and are always index scans.
     */
    private static HikariDataSource indexOnlyConnections(DataSource pool) throws SQLException {
        HikariConfig config = new HikariConfig();
        pool.unwrap(HikariDataSource.class).copyStateTo(config);   // the same server, timeouts and credentials
        config.setPoolName("rate-limit");
        config.setMaximumPoolSize(CONNECTIONS);
        config.setConnectionInitSql("set enable_seqscan = off");
        return new HikariDataSource(config);
    }

    @PreDestroy
    void close() {
        connections.close();
    }

    /** @param clientAddress the supporter's address (behind a trusted proxy, from X-Forwarded-For) */
    boolean allows(String clientAddress) {
        try {
            return buckets.builder().build("report:" + clientAddress, () -> perAddress).tryConsume(1);
        } catch (BucketExceptions.BucketExecutionException unreachable) {
            // Bucket4j talks to PostgreSQL itself; in Spring's terms this is the database being away (a 503).
            throw new DataAccessResourceFailureException("Rate-limit store unavailable", unreachable);
        }
    }
}
