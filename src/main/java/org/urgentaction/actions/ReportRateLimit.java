package org.urgentaction.actions;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
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

import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DelegatingDataSource;
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
        this.buckets = Bucket4jPostgreSQL.advisoryLockBasedBuilder(plannedEachTime(dataSource))
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
     * The pool's connections, made to plan each of Bucket4j's statements when it runs. The bucket
     * table empties in quiet hours (buckets expire) and fills by thousands a minute when an appeal
     * goes out; a plan the driver kept from an empty table is a sequential scan, and it stayed one
     * as the table grew: the benchmark's reports fell from 1,234/s to 139-226/s, every lookup
     * reading the whole table. Planning afresh costs a fraction of a millisecond.
     */
    private static DataSource plannedEachTime(DataSource pool) {
        return new DelegatingDataSource(pool) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection connection = super.getConnection();
                PGConnection postgres = connection.unwrap(PGConnection.class);
                int kept = postgres.getPrepareThreshold();
                postgres.setPrepareThreshold(0);   // never a server-side prepared statement, so never a kept plan
                return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                        (proxy, method, arguments) -> {
                            if (method.getName().equals("close")) {
                                postgres.setPrepareThreshold(kept);   // back in the pool as it came out
                            }
                            try {
                                return method.invoke(connection, arguments);
                            } catch (InvocationTargetException failed) {
                                throw failed.getCause();
                            }
                        });
            }
        };
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
