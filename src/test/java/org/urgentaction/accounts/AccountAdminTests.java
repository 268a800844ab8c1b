package org.urgentaction.accounts;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import org.urgentaction.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class AccountAdminTests {

    private static final RequestPostProcessor ADMIN = user("root@example.org").roles("ADMIN");

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffAccountRepository accounts;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    StaffAccounts staff;

    @Test
    void aNewAccountGetsAOneTimePasswordShownOnceAndStoredAsBcrypt() throws Exception {
        String email = "new-" + System.nanoTime() + "@example.org";
        MvcResult created = mvc.perform(post("/admin/accounts")
                        .with(ADMIN)
                        .with(csrf())
                        .param("email", email)
                        .param("displayName", "New Colleague")
                        .param("role", "ORGANISER"))
                .andExpect(status().isFound())
                .andReturn();
        String oneTime = (String) created.getFlashMap().get("oneTimePassword");

        StaffAccount account = accounts.findByEmail(email).orElseThrow();
        assertThat(oneTime).hasSize(20);
        assertThat(account.getPasswordHash()).startsWith("$2").doesNotContain(oneTime);
        assertThat(encoder.matches(oneTime, account.getPasswordHash())).isTrue();
        assertThat(account.getRole()).isEqualTo(Role.ORGANISER);
        mvc.perform(get(created.getResponse().getRedirectedUrl()).with(ADMIN))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(oneTime))));
    }

    @Test
    void plainOrMd5HashesNeverMatch() {
        assertThat(encoder.matches("secret", "secret")).isFalse();
        assertThat(encoder.matches("secret", "5ebe2294ecd0e0f08eab7690d2a6ee69"))
                .isFalse();
        assertThat(encoder.matches("secret", "{noop}secret")).isFalse();
    }

    @Test
    void anAdministratorChangesRolesDisablesAndResetsPasswords() throws Exception {
        String email = staff.create(Role.EDITOR);
        long id = staff.idOf(email);
        long version = accounts.findById(id).orElseThrow().getVersion();

        mvc.perform(post("/admin/accounts/{id}", id)
                        .with(ADMIN)
                        .with(csrf())
                        .param("version", String.valueOf(version))
                        .param("email", email)
                        .param("displayName", "Renamed")
                        .param("role", "ORGANISER")
                        .param("enabled", "false"))
                .andExpect(status().isFound());
        StaffAccount changed = accounts.findById(id).orElseThrow();
        assertThat(changed.getRole()).isEqualTo(Role.ORGANISER);
        assertThat(changed.isEnabled()).isFalse();

        MvcResult reset = mvc.perform(post("/admin/accounts/{id}/reset-password", id)
                        .with(ADMIN)
                        .with(csrf()))
                .andExpect(status().isFound())
                .andReturn();
        String oneTime = (String) reset.getFlashMap().get("oneTimePassword");
        assertThat(encoder.matches(oneTime, accounts.findById(id).orElseThrow().getPasswordHash()))
                .isTrue();
    }

    @Autowired
    AccountEditing editing;

    @Autowired
    TransactionTemplate transaction;

    /** Two administrators demoting each other at once: the second waits for the first, then counts. */
    @Test
    void concurrentDemotionsOfAdministratorsAreCountedOneAfterTheOther() throws Exception {
        long first = staff.idOf(staff.create(Role.ADMIN));
        long second = staff.idOf(staff.create(Role.ADMIN));
        CompletableFuture<Void> secondDemotion = new CompletableFuture<>();
        transaction.executeWithoutResult(status -> {
            editing.update(first, demoted(first));
            CompletableFuture.runAsync(() -> editing.update(second, demoted(second)))
                    .whenComplete((done, failed) -> secondDemotion.complete(null));
            // Without the lock the other demotion counts now, before this one commits, and is done.
            assertThatThrownBy(() -> secondDemotion.get(1, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);
        });
        secondDemotion.get(10, TimeUnit.SECONDS);
        assertThat(accounts.findById(second).orElseThrow().getRole()).isEqualTo(Role.EDITOR);
    }

    private AccountForm demoted(long id) {
        StaffAccount account = accounts.findById(id).orElseThrow();
        return new AccountForm(account.getVersion(), account.getEmail(), account.getDisplayName(), Role.EDITOR, true);
    }

    @Test
    void theLastActiveAdministratorCannotBeDemoted() throws Exception {
        accounts.findAll().stream()
                .filter(a -> a.getRole() == Role.ADMIN && a.isEnabled())
                .forEach(a -> {
                    a.enable(false, java.time.Instant.now());
                    accounts.save(a);
                });
        String email = staff.create(Role.ADMIN);
        long id = staff.idOf(email);

        mvc.perform(post("/admin/accounts/{id}", id)
                        .with(ADMIN)
                        .with(csrf())
                        .param(
                                "version",
                                String.valueOf(
                                        accounts.findById(id).orElseThrow().getVersion()))
                        .param("email", email)
                        .param("displayName", "Last")
                        .param("role", "EDITOR"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("last active administrator")));
        assertThat(accounts.findById(id).orElseThrow().getRole()).isEqualTo(Role.ADMIN);
    }

    @Test
    void aTakenEmailIsAFormMessage() throws Exception {
        String email = staff.create(Role.EDITOR);

        mvc.perform(post("/admin/accounts")
                        .with(ADMIN)
                        .with(csrf())
                        .param("email", email.toUpperCase())
                        .param("displayName", "Twin")
                        .param("role", "EDITOR"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("already an account with this e-mail")));
    }
}
