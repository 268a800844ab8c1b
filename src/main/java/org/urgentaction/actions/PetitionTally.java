package org.urgentaction.actions;

import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The public count of a petition's signatures, sharded as {@link ActionTally} is: when a petition
 * goes viral, thousands sign one appeal a minute. Paper batches and staff's voids change it too.
 */
@Repository
class PetitionTally {

    private final JdbcClient jdbc;

    PetitionTally(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static int randomShard() {
        return ThreadLocalRandom.current().nextInt(ActionTally.SHARDS);
    }

    /** Must run in the transaction that saves the signatures. */
    void add(long appealId, long signatures) {
        jdbc.sql("""
                        insert into petition_tally (appeal_id, shard, signatures) values (:appeal, :shard, :signatures)
                        on conflict (appeal_id, shard) do update set signatures = petition_tally.signatures + excluded.signatures
                        """)
                .param("appeal", appealId)
                .param("shard", randomShard())
                .param("signatures", signatures)
                .update();
    }

    /** As {@link ActionTally#take}: the shards become one row holding the rest. */
    void take(long appealId, long signatures) {
        jdbc.sql("""
                        with taken as (delete from petition_tally where appeal_id = :appeal returning signatures)
                        insert into petition_tally (appeal_id, shard, signatures)
                        select :appeal, 0, sum(signatures) - :signatures from taken
                        on conflict (appeal_id, shard) do update set signatures = petition_tally.signatures + excluded.signatures
                        """).param("appeal", appealId).param("signatures", signatures).update();
    }

    long of(long appealId) {
        return jdbc.sql("select coalesce(sum(signatures), 0) from petition_tally where appeal_id = :appeal")
                .param("appeal", appealId)
                .query(Long.class)
                .single();
    }
}
