package org.urgentaction.actions;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.urgentaction.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ReportRateLimitTests {

    @Autowired
    ReportRateLimit rateLimit;

    @Autowired
    JdbcClient jdbc;

    private boolean stored(String address) {
        return jdbc.sql("select count(*) from rate_limit_bucket where id = ?")
                        .param("report:" + address)
                        .query(Long.class)
                        .single()
                == 1;
    }

    @Test
    void bucketsOfAddressesNotSeenForFiveMinutesAreRemovedAndLiveOnesKept() {
        rateLimit.allows("198.51.100.7", 1);
        rateLimit.allows("198.51.100.8", 1);
        assertThat(stored("198.51.100.7")).isTrue();
        // As if the first address had last reported six minutes ago.
        jdbc.sql("update rate_limit_bucket set expires_at = ? where id = 'report:198.51.100.7'")
                .param(System.currentTimeMillis() - 60_000)
                .update();

        rateLimit.removeExpired();

        assertThat(stored("198.51.100.7")).isFalse();
        assertThat(stored("198.51.100.8")).isTrue();
    }

    @Test
    void lookupsUseTheIndexOnceTheTableFillsAgainAfterBeingEmpty() throws InterruptedException {
        // Quiet hours: every bucket expired and removed, and the empty table analysed.
        jdbc.sql("delete from rate_limit_bucket").update();
        jdbc.sql("vacuum analyze rate_limit_bucket").update();
        for (int i = 0; i < 10; i++) {
            rateLimit.allows("198.51.100." + i, 1); // more than the driver's five uses before it keeps a plan
        }
        // An appeal goes out: tens of thousands of addresses within minutes.
        jdbc.sql("insert into rate_limit_bucket (id, state, expires_at, explicit_lock) "
                        + "select 'filled:' || g, '\\x00', ?, g from generate_series(1, 50000) g")
                .param(System.currentTimeMillis() + 600_000)
                .update();
        long before = sequentialScansOfBuckets();

        for (int i = 0; i < 10; i++) {
            assertThat(rateLimit.allows("203.0.113." + i, 1)).isTrue();
        }

        assertThat(sequentialScansOfBuckets() - before)
                .as("lookups reading the whole bucket table")
                .isZero();
        jdbc.sql("delete from rate_limit_bucket where id like 'filled:%'").update();
    }

    private long sequentialScansOfBuckets() throws InterruptedException {
        Thread.sleep(1_500); // a backend sends its statistics at most once a second
        return jdbc.sql("select seq_scan from pg_stat_user_tables where relname = 'rate_limit_bucket'")
                .query(Long.class)
                .single();
    }
}
