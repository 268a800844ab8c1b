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
        return jdbc.sql("select count(*) from rate_limit_bucket where id = ?").param("report:" + address)
                .query(Long.class).single() == 1;
    }

    @Test
    void bucketsOfAddressesNotSeenForFiveMinutesAreRemovedAndLiveOnesKept() {
        rateLimit.allows("198.51.100.7");
        rateLimit.allows("198.51.100.8");
        assertThat(stored("198.51.100.7")).isTrue();
        // As if the first address had last reported six minutes ago.
        jdbc.sql("update rate_limit_bucket set expires_at = ? where id = 'report:198.51.100.7'")
                .param(System.currentTimeMillis() - 60_000).update();

        rateLimit.removeExpired();

        assertThat(stored("198.51.100.7")).isFalse();
        assertThat(stored("198.51.100.8")).isTrue();
    }
}
