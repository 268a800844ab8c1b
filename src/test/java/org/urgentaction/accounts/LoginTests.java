package org.urgentaction.accounts;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.urgentaction.IntegrationTest;
import org.urgentaction.audit.AuditEntry;
import org.urgentaction.audit.AuditLog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Logging in for real: passwords, throttling, session fixation, headers, the audit trail. */
@IntegrationTest
class LoginTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffAccounts staff;

    @Autowired
    AuditLog audit;

    @Autowired
    StaffAccountRepository accounts;

    private MvcResult login(String email, String password, String address) throws Exception {
        return mvc.perform(post("/login").with(csrf()).param("email", email).param("password", password)
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                })).andReturn();
    }

    @Test
    void theRightPasswordLogsInAndChangesTheSessionId() throws Exception {
        String email = staff.create(Role.EDITOR);
        Cookie before = mvc.perform(get("/login")).andReturn().getResponse().getCookie("SESSION");
        assertThat(before).as("the login page starts a staff session (kept in PostgreSQL)").isNotNull();

        MvcResult result = mvc.perform(post("/login").cookie(before).with(csrf())
                        .param("email", email.toUpperCase()).param("password", StaffAccounts.PASSWORD))
                .andExpect(redirectedUrl("/admin")).andReturn();

        Cookie after = result.getResponse().getCookie("SESSION");
        assertThat(after).isNotNull();
        assertThat(after.getValue()).as("a new session id at login").isNotEqualTo(before.getValue());
        mvc.perform(get("/admin/appeals").cookie(after)).andExpect(status().isOk());
        mvc.perform(get("/admin/appeals").cookie(before)).andExpect(status().isFound());
        assertThat(audit.recent("login.succeeded", 5)).extracting(AuditEntry::getActor).contains(email);
    }

    @Test
    void aWrongPasswordIsRefusedAndRecordedWithoutThePassword() throws Exception {
        String email = staff.create(Role.EDITOR);

        assertThat(login(email, "not the password", "192.0.2.10").getResponse().getRedirectedUrl()).isEqualTo("/login?error");

        AuditEntry failure = audit.recent("login.failed", 5).stream().filter(e -> e.getActor().equals(email)).findFirst().orElseThrow();
        assertThat(failure.getDetails()).doesNotContain("not the password").contains("192.0.2.10");
        mvc.perform(get("/login").param("error", "")).andExpect(content().string(containsString("do not match an active account")));
    }

    @Test
    void repeatedFailuresForOneAccountAreSlowedThenLocked() throws Exception {
        String email = staff.create(Role.EDITOR);
        for (int i = 0; i < LoginThrottle.SLOW_AFTER; i++) {
            assertThat(login(email, "wrong " + i, "192.0.2.20").getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        }

        String slowed = login(email, StaffAccounts.PASSWORD, "192.0.2.21").getResponse().getRedirectedUrl();
        assertThat(slowed).as("even the right password waits while slowed").startsWith("/login?slow=");
        mvc.perform(get(slowed)).andExpect(content().string(containsString("Please wait")));
    }

    @Test
    void anAccountIsLockedAfterFiveFailuresEvenFromManyAddresses() throws Exception {
        String email = staff.create(Role.EDITOR);
        LoginThrottle throttle = throttle();
        for (int i = 0; i < LoginThrottle.ACCOUNT_LOCK_AFTER; i++) {
            throttle.failed(email, "198.51.100." + i);
        }

        String locked = login(email, StaffAccounts.PASSWORD, "198.51.100.99").getResponse().getRedirectedUrl();
        assertThat(locked).startsWith("/login?locked=");
        mvc.perform(get(locked)).andExpect(content().string(containsString("locked for 15 minutes")));
    }

    @Test
    void oneAddressTryingManyAccountsIsLocked() throws Exception {
        LoginThrottle throttle = throttle();
        for (int i = 0; i < LoginThrottle.ADDRESS_LOCK_AFTER; i++) {
            throttle.failed("nobody" + i + "@example.org", "203.0.113.66");
        }
        String email = staff.create(Role.EDITOR);

        assertThat(login(email, StaffAccounts.PASSWORD, "203.0.113.66").getResponse().getRedirectedUrl()).startsWith("/login?locked=");
        assertThat(login(email, StaffAccounts.PASSWORD, "203.0.113.67").getResponse().getRedirectedUrl()).isEqualTo("/admin");
    }

    @Test
    void aDisabledAccountCannotLogIn() throws Exception {
        String email = staff.create(Role.ADMIN);
        StaffAccount account = accounts.findByEmail(email).orElseThrow();
        account.enable(false);
        accounts.save(account);

        assertThat(login(email, StaffAccounts.PASSWORD, "192.0.2.30").getResponse().getRedirectedUrl()).isEqualTo("/login?error");
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        for (String path : new String[] {"/appeals", "/login"}) {
            mvc.perform(get(path))
                    .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                    .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"));
        }
        mvc.perform(get("/appeals")).andExpect(header().doesNotExist("Set-Cookie"));
    }

    @Test
    void staffPagesSendAnonymousVisitorsToLogIn() throws Exception {
        mvc.perform(get("/admin/appeals")).andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    private LoginThrottle throttle() {
        return context.getBean(LoginThrottle.class);
    }
}
