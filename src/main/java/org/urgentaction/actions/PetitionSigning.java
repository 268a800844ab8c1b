package org.urgentaction.actions;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores one signature: its row, its SIGNATURE report (so it is in every count and tally letter) and
 * both public counts, in one statement: this is the write a viral petition makes thousands of times
 * a minute. A second use of a token, or a second signature with one e-mail, stores nothing.
 */
@Repository
class PetitionSigning {

    enum Result {
        SIGNED,
        ALREADY_SIGNED,
        EMAIL_ALREADY_SIGNED
    }

    private final JdbcClient jdbc;
    private final SubmissionTokens tokens;
    private final Clock clock;

    PetitionSigning(JdbcClient jdbc, SubmissionTokens tokens, Clock clock) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.clock = clock;
    }

    // One statement, so atomic without a transaction of its own; a conflict leaves none to roll back.
    Result sign(long appealId, SignatureForm form, UUID submissionId) {
        String email = form.normalisedEmail();
        int shard = PetitionTally.randomShard();
        boolean signed;
        try {
            // Every part runs only if the one before inserted a row: on a conflict nothing is written.
            signed = jdbc.sql("""
                            with signature as (
                                insert into petition_signature (appeal_id, name, country, email, email_hash, consent_given,
                                                                show_name, submission_token, signed_at)
                                values (:appeal, :name, :country, :email, :hash, :consent, :show, :token, :at)
                                on conflict do nothing
                                returning signed_at),
                            report as (
                                insert into action_report (appeal_id, kind, quantity, supporter_country, submission_token,
                                                           reported_at, status)
                                select :appeal, 'SIGNATURE', 1, :country, :token, signed_at, 'COUNTED' from signature
                                returning id),
                            counted as (
                                insert into action_tally (appeal_id, shard, actions, reports)
                                select :appeal, :shard, 1, 1 from report
                                on conflict (appeal_id, shard)
                                do update set actions = action_tally.actions + 1, reports = action_tally.reports + 1
                                returning 1)
                            insert into petition_tally (appeal_id, shard, signatures)
                            select :appeal, :shard, 1 from counted
                            on conflict (appeal_id, shard) do update set signatures = petition_tally.signatures + 1
                            returning 1
                            """)
                            .param("appeal", appealId)
                            .param("name", form.getName())
                            .param("country", form.getCountry())
                            // Kept only with consent; compared by its keyed hash whenever given.
                            .param("email", form.isConsent() ? email : null, Types.VARCHAR)
                            .param("hash", email == null ? null : tokens.fingerprint(appealId, email), Types.BINARY)
                            .param("consent", form.isConsent())
                            .param("show", form.isShowName())
                            .param("token", submissionId)
                            .param("at", Timestamp.from(clock.instant()))
                            .param("shard", shard)
                            .query()
                            .listOfRows()
                            .size()
                    == 1;
        } catch (DuplicateKeyException tokenUsedByAReport) {
            return Result.ALREADY_SIGNED;
        }
        if (signed) {
            return Result.SIGNED;
        }
        boolean replay = jdbc.sql("select exists (select from petition_signature where submission_token = :token)")
                .param("token", submissionId)
                .query(Boolean.class)
                .single();
        return replay ? Result.ALREADY_SIGNED : Result.EMAIL_ALREADY_SIGNED;
    }
}
