package org.urgentaction.accounts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The second factor: TOTP (RFC 6238, 30-second steps, 6 digits; codes from dev.samstevens.totp),
 * its secret encrypted ({@link SecretBox}), a code accepted once (a replay in the same step is
 * refused), and ten single-use recovery codes stored as SHA-256 (80 random bits each).
 */
@Component
class SecondFactor {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SecondFactor.class);

    static final int PERIOD_SECONDS = 30;
    static final int RECOVERY_CODES = 10;
    private static final String ISSUER = "Urgent Action";

    private final StaffAccountRepository accounts;
    private final SecretBox box;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final CodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);

    SecondFactor(
            StaffAccountRepository accounts,
            SecretBox box,
            JdbcClient jdbc,
            TransactionTemplate transaction,
            Clock clock) {
        this.accounts = accounts;
        this.box = box;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    String newSecret() {
        return new DefaultSecretGenerator(32).generate();
    }

    String otpauthUri(String email, String secret) {
        return new QrData.Builder()
                .label(email)
                .secret(secret)
                .issuer(ISSUER)
                .algorithm(HashingAlgorithm.SHA1)
                .digits(6)
                .period(PERIOD_SECONDS)
                .build()
                .getUri();
    }

    /** A secret being set up travels in the form, sealed to the account, never in clear. */
    String seal(String secret, long accountId) {
        return java.util.Base64.getUrlEncoder().encodeToString(box.encrypt(secret, "enrol:" + accountId));
    }

    String unseal(String sealed, long accountId) throws GeneralSecurityException {
        try {
            return box.decrypt(java.util.Base64.getUrlDecoder().decode(sealed), "enrol:" + accountId);
        } catch (IllegalArgumentException notBase64) {
            throw new GeneralSecurityException("Not a sealed secret", notBase64);
        }
    }

    /**
     * Stores the secret once a code from it proves the app has it; returns the recovery codes, to
     * be shown once. Empty when the code is wrong.
     */
    List<String> enrol(long accountId, String secret, String code) {
        OptionalLong step = matchingStep(secret, code);
        if (step.isEmpty()) {
            return List.of();
        }
        return transaction.execute(status -> {
            StaffAccount account = accounts.findById(accountId).orElseThrow();
            account.enrolSecondFactor(box.encrypt(secret, "totp:" + accountId), step.getAsLong());
            return replaceRecoveryCodes(accountId);
        });
    }

    /** A code from the app (each good once) or an unused recovery code (then used up). */
    boolean verify(long accountId, String code) {
        String entered = code == null ? "" : code.strip();
        if (entered.matches("\\d{6}")) {
            try {
                return Boolean.TRUE.equals(transaction.execute(status -> {
                    StaffAccount account = accounts.findById(accountId).orElseThrow();
                    if (!account.hasSecondFactor()) {
                        return false;
                    }
                    String secret;
                    try {
                        secret = box.decrypt(account.getTotpSecret(), "totp:" + accountId);
                    } catch (GeneralSecurityException wrongKey) {
                        // The key file was lost or replaced: only a recovery code gets this account in.
                        log.error("The second-factor secret of account {} does not open with this key", accountId);
                        return false;
                    }
                    OptionalLong step = matchingStep(secret, entered);
                    boolean fresh = step.isPresent() && account.useTotpStep(step.getAsLong());
                    accounts.flush();
                    return fresh;
                }));
            } catch (ObjectOptimisticLockingFailureException sameCodeTwiceAtOnce) {
                return false;
            }
        }
        return jdbc.sql(
                                "update staff_recovery_code set used_at = now() where account_id = ? and code_hash = ? and used_at is null")
                        .params(accountId, sha256(entered.toLowerCase(java.util.Locale.ROOT)))
                        .update()
                == 1;
    }

    /** An administrator's reset for a lost phone: app and recovery codes go, the sessions end. */
    String remove(long accountId) {
        return transaction.execute(status -> {
            StaffAccount account = accounts.findById(accountId).orElseThrow();
            account.removeSecondFactor(clock.instant());
            jdbc.sql("delete from staff_recovery_code where account_id = ?")
                    .param(accountId)
                    .update();
            return account.getEmail();
        });
    }

    List<String> newRecoveryCodes(long accountId) {
        return transaction.execute(status -> replaceRecoveryCodes(accountId));
    }

    int unusedRecoveryCodes(long accountId) {
        return jdbc.sql("select count(*) from staff_recovery_code where account_id = ? and used_at is null")
                .param(accountId)
                .query(Integer.class)
                .single();
    }

    /** The code for a time step, as an authenticator app shows it (tests use it too). */
    String codeAt(String secret, long step) {
        try {
            return codes.generate(secret, step);
        } catch (CodeGenerationException broken) {
            throw new IllegalStateException(broken);
        }
    }

    long currentStep() {
        return clock.instant().getEpochSecond() / PERIOD_SECONDS;
    }

    /** The step, of the current one and one either side (clock drift), whose code this is. */
    private OptionalLong matchingStep(String secret, String code) {
        if (code == null || !code.strip().matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        byte[] entered = code.strip().getBytes(StandardCharsets.US_ASCII);
        long now = currentStep();
        for (long step = now - 1; step <= now + 1; step++) {
            if (MessageDigest.isEqual(codeAt(secret, step).getBytes(StandardCharsets.US_ASCII), entered)) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    private List<String> replaceRecoveryCodes(long accountId) {
        List<String> fresh = List.of(new RecoveryCodeGenerator().generateCodes(RECOVERY_CODES));
        jdbc.sql("delete from staff_recovery_code where account_id = ?")
                .param(accountId)
                .update();
        for (String code : fresh) {
            jdbc.sql("insert into staff_recovery_code (account_id, code_hash) values (?, ?)")
                    .params(accountId, sha256(code.toLowerCase(java.util.Locale.ROOT)))
                    .update();
        }
        return fresh;
    }

    private static byte[] sha256(String code) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException unavailable) {
            throw new IllegalStateException("SHA-256 is part of every JDK", unavailable);
        }
    }
}
