package org.urgentaction.actions;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

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

    private final PostgreSQLadvisoryLockBasedProxyManager<String> buckets;
    private final BucketConfiguration perAddress;

    ReportRateLimit(DataSource dataSource, @Value("${urgent-action.rate-limit.reports-per-minute:6}") int perMinute) {
        // Advisory-lock based: an address seen for the first time (most supporters) costs two short
        // transactions (a look that finds none, then the insert); the row-locking variant took three
        // (insert, re-read, update), and the benchmark's report rate showed it.
        this.buckets = Bucket4jPostgreSQL.advisoryLockBasedBuilder(dataSource)
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
