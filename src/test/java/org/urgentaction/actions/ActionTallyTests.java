package org.urgentaction.actions;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.urgentaction.IntegrationTest;
import org.urgentaction.TestFixtures;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ActionTallyTests {

    @Autowired
    ActionTally tally;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aVoidWaitsForAReportAddedToTheSameShardMeanwhileAndKeepsBoth() throws Exception {
        long appeal = fixtures.published("Voided while reported", "CN", null).id();
        jdbc.sql("insert into action_tally (appeal_id, shard, actions, reports) values (?, 5, 10, 2)")
                .param(appeal)
                .update();

        try (Connection supporter = dataSource.getConnection()) {
            // A report's first row in shard 0, not yet committed, when staff void another report.
            supporter.setAutoCommit(false);
            try (var insert = supporter.prepareStatement(
                    "insert into action_tally (appeal_id, shard, actions, reports) values (?, 0, 3, 1)")) {
                insert.setLong(1, appeal);
                insert.executeUpdate();
            }
            CompletableFuture<Void> voiding = CompletableFuture.runAsync(() -> tally.take(appeal, 4));
            waitUntilAStatementWaitsForALock();
            supporter.commit();
            voiding.get(30, TimeUnit.SECONDS);
        }

        assertThat(jdbc.sql("select sum(actions) from action_tally where appeal_id = ?")
                        .param(appeal)
                        .query(Long.class)
                        .single())
                .isEqualTo(10 - 4 + 3);
        assertThat(jdbc.sql("select sum(reports) from action_tally where appeal_id = ?")
                        .param(appeal)
                        .query(Long.class)
                        .single())
                .isEqualTo(2 - 1 + 1);
    }

    private void waitUntilAStatementWaitsForALock() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            long waiting = jdbc.sql(
                            "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like '%action_tally%'")
                    .query(Long.class)
                    .single();
            if (waiting > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the void never waited for the supporter's report");
    }
}
