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

    StaffAccounts(StaffAccountRepository accounts, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.encoder = encoder;
    }

    /** A new account with a unique e-mail; returns the e-mail. */
    @Transactional
    public String create(Role role) {
        String email = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        accounts.save(new StaffAccount(email, role.name() + " tester", role, encoder.encode(PASSWORD)));
        return email;
    }

    @Transactional(readOnly = true)
    public long idOf(String email) {
        return accounts.findByEmail(email).orElseThrow().getId();
    }
}
