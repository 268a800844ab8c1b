package org.urgentaction.actions;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Submission tokens, issued by the server with each report form: the appeal's id, an expiry and a
 * random id, signed with HMAC-SHA256. A client cannot invent one, take one from another appeal, or
 * keep one forever; the random id is stored with the report, so a token counts once.
 * <p>
 * The key comes from {@code urgent-action.reports.token-secret} (base64, 32 bytes or more) or is
 * generated once and kept in the database, so every instance checks every other's tokens.
 */
@Component
class SubmissionTokens {

    /** Why a token was refused. */
    enum Problem {
        FORGED,
        EXPIRED,
        OTHER_APPEAL
    }

    /** A checked token: the report's submission id, or why it is refused. */
    record Checked(UUID submissionId, long appealId, Problem problem) {

        boolean valid() {
            return problem == null;
        }
    }

    private static final String ALGORITHM = "HmacSHA256";
    private static final int PAYLOAD = 8 + 8 + 16; // appeal id, expiry (epoch seconds), random id
    private static final int SIGNATURE = 16; // the first 128 bits of the HMAC
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Duration validity;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    // A Mac is not thread-safe; one per thread saves building one for every report.
    private final ThreadLocal<Mac> macs;

    SubmissionTokens(
            JdbcClient jdbc,
            Clock clock,
            @Value("${urgent-action.reports.token-secret:}") String configuredSecret,
            @Value("${urgent-action.reports.token-validity:24h}") Duration validity) {
        this.key = new SecretKeySpec(secret(jdbc, configuredSecret), ALGORITHM);
        this.validity = validity;
        this.clock = clock;
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    private static byte[] secret(JdbcClient jdbc, String configured) {
        if (!configured.isBlank()) {
            byte[] secret = Base64.getDecoder().decode(configured.strip());
            if (secret.length < 32) {
                throw new IllegalStateException(
                        "urgent-action.reports.token-secret must be at least 32 bytes (base64)");
            }
            return secret;
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        // The first instance's key wins; the others read it.
        jdbc.sql("insert into report_token_key (secret) values (:secret) on conflict do nothing")
                .param("secret", fresh)
                .update();
        return jdbc.sql("select secret from report_token_key")
                .query(byte[].class)
                .single();
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** A fresh token for one report form on this appeal. */
    String issue(long appealId) {
        UUID id = UUID.randomUUID();
        ByteBuffer token = ByteBuffer.allocate(PAYLOAD + SIGNATURE)
                .putLong(appealId)
                .putLong(clock.instant().plus(validity).getEpochSecond())
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits());
        token.put(sign(token.array()));
        return ENCODER.encodeToString(token.array());
    }

    /** Checks the signature and expiry of a token sent with a report on this appeal. */
    Checked check(String token, long appealId) {
        Checked checked = check(token);
        if (checked.valid() && checked.appealId() != appealId) {
            return new Checked(null, checked.appealId(), Problem.OTHER_APPEAL);
        }
        return checked;
    }

    /** Checks the signature and expiry; which appeal it is bound to is in the result. */
    Checked check(String token) {
        byte[] bytes;
        try {
            bytes = token == null || token.length() > 100 ? null : DECODER.decode(token);
        } catch (IllegalArgumentException notBase64) {
            bytes = null;
        }
        if (bytes == null
                || bytes.length != PAYLOAD + SIGNATURE
                || !MessageDigest.isEqual(sign(bytes), Arrays.copyOfRange(bytes, PAYLOAD, PAYLOAD + SIGNATURE))) {
            return new Checked(null, 0, Problem.FORGED);
        }
        ByteBuffer payload = ByteBuffer.wrap(bytes);
        long appealId = payload.getLong();
        Instant expires = Instant.ofEpochSecond(payload.getLong());
        UUID id = new UUID(payload.getLong(), payload.getLong());
        if (!clock.instant().isBefore(expires)) {
            return new Checked(null, appealId, Problem.EXPIRED);
        }
        return new Checked(id, appealId, null);
    }

    /**
     * A keyed hash of an e-mail address within one appeal, with the tokens' key: equal addresses
     * match, and the stored hash tells no one without the key which address it was.
     */
    byte[] fingerprint(long appealId, String normalisedEmail) {
        Mac mac = macs.get();
        mac.update(ByteBuffer.allocate(8).putLong(appealId).array());
        return mac.doFinal(("petition-email:" + normalisedEmail).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private byte[] sign(byte[] token) {
        Mac mac = macs.get();
        mac.update(token, 0, PAYLOAD);
        return Arrays.copyOf(mac.doFinal(), SIGNATURE);
    }
}
