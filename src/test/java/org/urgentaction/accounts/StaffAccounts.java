package org.urgentaction.accounts;

import java.util.UUID;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts with known passwords, for tests that log in for real. */
@TestComponent
public class StaffAccounts {

    public static final String PASSWORD = "correct horse battery staple";

    private final StaffAccountRepository accounts;
    private final PasswordEncoder encoder;
    private final SecretBox box;
    private final SecondFactor secondFactor;

    StaffAccounts(StaffAccountRepository accounts, PasswordEncoder encoder, SecretBox box, SecondFactor secondFactor) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.box = box;
        this.secondFactor = secondFactor;
    }

    /** An account with an authenticator app set up (its last code a few minutes ago); returns the secret. */
    @Transactional
    public String enrolSecondFactor(String email) {
        StaffAccount account = accounts.findByEmail(email).orElseThrow();
        String secret = secondFactor.newSecret();
        account.enrolSecondFactor(box.encrypt(secret, "totp:" + account.getId()), secondFactor.currentStep() - 10);
        return secret;
    }

    /** The code an authenticator app with this secret shows now. */
    public String codeNow(String secret) {
        return secondFactor.codeAt(secret, secondFactor.currentStep());
    }

    /** The code it will show in the next 30 seconds (accepted too: clocks drift). */
    public String nextCode(String secret) {
        return secondFactor.codeAt(secret, secondFactor.currentStep() + 1);
    }

    /** A new account with a unique e-mail; returns the e-mail. */
    @Transactional
    public String create(Role role) {
        String email =
                role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        accounts.save(new StaffAccount(email, role.name() + " tester", role, encoder.encode(PASSWORD)));
        return email;
    }

    @Transactional(readOnly = true)
    public long idOf(String email) {
        return accounts.findByEmail(email).orElseThrow().getId();
    }
}
