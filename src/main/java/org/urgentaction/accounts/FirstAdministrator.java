package org.urgentaction.accounts;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.urgentaction.database.EmbeddedDatabase;

/**
 * No default password ships. When no account exists, the first administrator comes from
 * URGENT_ACTION_ADMIN_EMAIL and URGENT_ACTION_ADMIN_PASSWORD; on the embedded default without them,
 * a one-time password is generated and printed to the console, once; it must be replaced at the
 * first login and lapses after 72 hours. A configured password must pass the password policy.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final StaffAccountRepository accounts;
    private final PasswordEncoder encoder;
    private final ObjectProvider<EmbeddedDatabase> embedded;
    private final String email;
    private final String password;
    private final PasswordPolicy passwordPolicy;
    private final Clock clock;

    FirstAdministrator(
            StaffAccountRepository accounts,
            PasswordEncoder encoder,
            ObjectProvider<EmbeddedDatabase> embedded,
            @Value("${urgent-action.admin.email:}") String email,
            @Value("${urgent-action.admin.password:}") String password,
            PasswordPolicy passwordPolicy,
            Clock clock) {
        this.passwordPolicy = passwordPolicy;
        this.clock = clock;
        this.accounts = accounts;
        this.encoder = encoder;
        this.embedded = embedded;
        this.email = email;
        this.password = password;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (accounts.count() > 0) {
            return;
        }
        String adminEmail = email.isBlank() ? "admin@localhost" : email;
        if (!password.isBlank()) {
            passwordPolicy.problems(password, adminEmail).stream().findFirst().ifPresent(problem -> {
                throw new IllegalStateException("URGENT_ACTION_ADMIN_PASSWORD is refused: " + problem.englishText());
            });
            accounts.save(new StaffAccount(adminEmail, "Administrator", Role.ADMIN, encoder.encode(password)));
            log.info("Created the first administrator, {}, from configuration", adminEmail);
        } else if (embedded.getIfAvailable() != null) {
            String oneTime = Passwords.generate();
            accounts.save(StaffAccount.withOneTimePassword(
                    adminEmail, "Administrator", Role.ADMIN, encoder.encode(oneTime), clock.instant()));
            log.warn("""

                    ==================================================================
                      First administrator created. Shown once, not stored anywhere:
                        e-mail:   {}
                        password: {}
                      Log in at /login within 72 hours: you will choose your own
                      password and set up an authenticator app, then create your
                      colleagues' accounts.
                    ==================================================================""", adminEmail, oneTime);
        } else {
            log.warn("No staff account exists. Set URGENT_ACTION_ADMIN_EMAIL and URGENT_ACTION_ADMIN_PASSWORD "
                    + "and restart to create the first administrator.");
        }
    }
}
