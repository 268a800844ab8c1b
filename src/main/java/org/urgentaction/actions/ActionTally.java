package org.urgentaction.actions;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.urgentaction.appeals.ActionTotals;

/**
 * The public count of actions per appeal, kept in {@value #SHARDS} rows per appeal. Each report
 * adds to a random one, so concurrent reports on one appeal rarely wait for the same row lock;
 * reading sums the rows. With 16 reports in flight on one appeal, 64 rows leave about one in five
 * waiting on another (16 rows: three in five).
 */
@Repository
class ActionTally implements ActionTotals {

    static final int SHARDS = 64; // the table allows 0-63

    private final JdbcClient jdbc;

    ActionTally(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Must run in the transaction that saves the report, so both land or neither. */
    void add(long appealId, int actions) {
        jdbc.sql("""
                        insert into action_tally (appeal_id, shard, actions, reports) values (:appeal, :shard, :actions, 1)
                        on conflict (appeal_id, shard)
                        do update set actions = action_tally.actions + excluded.actions,
                                      reports = action_tally.reports + 1
                        """)
                .param("appeal", appealId)
                .param("shard", ThreadLocalRandom.current().nextInt(SHARDS))
                .param("actions", actions)
                .update();
    }

    /**
     * Takes a report's actions out of the public count (staff voided it). The shard it was added to
     * is not known, and any one shard may hold less, so the appeal's shards become one row holding
     * the rest. Rare (staff do it by hand), and the next reports spread over the shards again.
     * Must run in the transaction that changes the report. A report added meanwhile may have made
     * shard 0 anew: the rest joins it rather than failing on its key.
     */
    void take(long appealId, int actions) {
        jdbc.sql("""
                        with taken as (delete from action_tally where appeal_id = :appeal returning actions, reports)
                        insert into action_tally (appeal_id, shard, actions, reports)
                        select :appeal, 0, sum(actions) - :actions, sum(reports) - 1 from taken
                        on conflict (appeal_id, shard)
                        do update set actions = action_tally.actions + excluded.actions,
                                      reports = action_tally.reports + excluded.reports
                        """).param("appeal", appealId).param("actions", actions).update();
    }

    @Override
    public Map<Long, Long> actionsByAppeal(Collection<Long> appealIds) {
        Map<Long, Long> totals = new HashMap<>();
        if (appealIds.isEmpty()) {
            return totals;
        }
        jdbc.sql(
                        "select appeal_id, sum(actions) as actions from action_tally where appeal_id in (:ids) group by appeal_id")
                .param("ids", appealIds)
                .query(rs -> {
                    totals.put(rs.getLong("appeal_id"), rs.getLong("actions"));
                });
        return totals;
    }
}
