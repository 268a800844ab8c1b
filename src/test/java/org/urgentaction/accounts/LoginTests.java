package org.urgentaction.accounts;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.support.WebTestUtils;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.urgentaction.AtOnce;
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

/** Logging in for real: passwords, throttling, sessions, CSRF, headers, the audit trail. */
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

    /**
     * The CSRF token store the app configures (a cookie). spring-security-test's csrf() swaps a
     * session-backed store into the filter for the rest of the shared context; this puts the real
     * one back for tests about sessions.
     */
    private static final RequestPostProcessor PRODUCTION_CSRF = request -> {
        WebTestUtils.setCsrfTokenRepository(request, new CookieCsrfTokenRepository());
        return request;
    };

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private MvcResult login(String email, String password, String address) throws Exception {
        return mvc.perform(post("/login")
                        .with(csrf())
                        .param("email", email)
                        .param("password", password)
                        .with(request -> {
                            request.setRemoteAddr(address);
                            return request;
                        }))
                .andReturn();
    }

    @Test
    void theRightPasswordLogsInAndChangesTheSessionId() throws Exception {
        String email = staff.create(Role.EDITOR);
        MvcResult first = mvc.perform(post("/login")
                        .with(csrf())
                        .param("email", email.toUpperCase())
                        .param("password", StaffAccounts.PASSWORD))
                .andExpect(redirectedUrl("/admin"))
                .andReturn();
        Cookie before = first.getResponse().getCookie("SESSION");
        assertThat(before)
                .as("a login starts a staff session (kept in PostgreSQL)")
                .isNotNull();

        MvcResult result = mvc.perform(post("/login")
                        .cookie(before)
                        .with(csrf())
                        .param("email", email)
                        .param("password", StaffAccounts.PASSWORD))
                .andExpect(redirectedUrl("/admin"))
                .andReturn();

        Cookie after = result.getResponse().getCookie("SESSION");
        assertThat(after).isNotNull();
        assertThat(after.getValue()).as("a new session id at login").isNotEqualTo(before.getValue());
        mvc.perform(get("/admin/appeals").cookie(after)).andExpect(status().isOk());
        mvc.perform(get("/admin/appeals").cookie(before)).andExpect(status().isFound());
        assertThat(audit.recent("login.succeeded", 5))
                .extracting(AuditEntry::getActor)
                .contains(email);
    }

    @Test
    void aWrongPasswordIsRefusedAndRecordedWithoutThePassword() throws Exception {
        String email = staff.create(Role.EDITOR);

        assertThat(login(email, "not the password", "192.0.2.10").getResponse().getRedirectedUrl())
                .isEqualTo("/login?error");

        AuditEntry failure = audit.recent("login.failed", 5).stream()
                .filter(e -> e.getActor().equals(email))
                .findFirst()
                .orElseThrow();
        assertThat(failure.getDetails()).doesNotContain("not the password").contains("192.0.2.10");
        mvc.perform(get("/login").param("error", ""))
                .andExpect(content().string(containsString("do not match an active account")));
    }

    @Test
    void repeatedFailuresForOneAccountFromOneAddressAreSlowedThenLocked() throws Exception {
        String email = staff.create(Role.EDITOR);
        for (int i = 0; i < LoginThrottle.Kind.PAIR.slowAfter; i++) {
            assertThat(login(email, "wrong " + i, "192.0.2.20").getResponse().getRedirectedUrl())
                    .isEqualTo("/login?error");
        }

        String slowed =
                login(email, StaffAccounts.PASSWORD, "192.0.2.20").getResponse().getRedirectedUrl();
        assertThat(slowed).as("even the right password waits while slowed").startsWith("/login?slow=");
        mvc.perform(get(slowed)).andExpect(content().string(containsString("Please wait")));
    }

    @Test
    void eightWrongPasswordsThenTheRightOneWhileLockedIsRefused() throws Exception {
        String email = staff.create(Role.EDITOR);
        for (int i = 0; i < 8; i++) {
            throttle().failed(email, "192.0.2.25");
        }

        String locked =
                login(email, StaffAccounts.PASSWORD, "192.0.2.25").getResponse().getRedirectedUrl();
        assertThat(locked).startsWith("/login?locked=");
        mvc.perform(get(locked)).andExpect(content().string(containsString("locked for 15 minutes")));
    }

    @Test
    void aControlCharacterAfterTheEmailMeetsTheSameLock() throws Exception {
        String email = staff.create(Role.EDITOR);
        for (int i = 0; i < LoginThrottle.Kind.PAIR.lockAfter; i++) {
            throttle().failed(email, "192.0.2.26");
        }

        for (String spelling :
                new String[] {email + "\u0001", "\u0001" + email, email.toUpperCase() + "\u001F", " " + email + "\t"}) {
            assertThat(login(spelling, StaffAccounts.PASSWORD, "192.0.2.26")
                            .getResponse()
                            .getRedirectedUrl())
                    .as(
                            "%s while %s is locked",
                            spelling.codePoints().mapToObj(Integer::toHexString).toList(), email)
                    .startsWith("/login?locked=");
        }
    }

    @Test
    void aControlCharacterInTheEmailIsAFailedLoginCountedAgainstTheAccount() throws Exception {
        String email = staff.create(Role.EDITOR);

        assertThat(login(email + "\u0001", StaffAccounts.PASSWORD, "192.0.2.27")
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/login?invalid");
        assertThat(failures(LoginThrottle.Kind.PAIR, email, "192.0.2.27")).isEqualTo(1);
        MvcResult nul = login(email + "\u0000", StaffAccounts.PASSWORD, "192.0.2.27");
        assertThat(nul.getResponse().getStatus()).isLessThan(500);
        assertThat(nul.getResponse().getRedirectedUrl()).isNotEqualTo("/admin");
    }

    @Test
    void aTwelveKilobyteEmailIsAFailedLoginWithAMessageAndIsCounted() throws Exception {
        String huge = "a".repeat(12 * 1024) + "@example.org";

        MvcResult result = login(huge, "whatever it is", "192.0.2.28");
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login?invalid");
        mvc.perform(get("/login").param("invalid", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("at most 254 characters")));
        assertThat(failures(LoginThrottle.Kind.ADDRESS, "", "192.0.2.28")).isEqualTo(1);
        assertThat(failures(LoginThrottle.Kind.PAIR, huge, "192.0.2.28")).isEqualTo(1);
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsAFailedLoginNotAnError() throws Exception {
        String email = staff.create(Role.EDITOR);

        assertThat(login(email, StaffAccounts.PASSWORD + "x".repeat(5000), "192.0.2.29")
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/login?error");
        assertThat(failures(LoginThrottle.Kind.PAIR, email, "192.0.2.29")).isEqualTo(1);
    }

    @Test
    void wrongPasswordsFromOneAddressDoNotLockTheOwnerOutElsewhere() throws Exception {
        String email = staff.create(Role.EDITOR);
        for (int i = 0; i < 8; i++) {
            login(email, "attacker guess " + i, "203.0.113.50");
        }
        assertThat(login(email, StaffAccounts.PASSWORD, "203.0.113.50")
                        .getResponse()
                        .getRedirectedUrl())
                .as("the attacker's address is refused for this account")
                .matches("/login\\?(slow|locked)=\\d+");

        assertThat(login(email, StaffAccounts.PASSWORD, "198.51.100.7")
                        .getResponse()
                        .getRedirectedUrl())
                .as("the owner, at another address, gets in")
                .isEqualTo("/admin");
    }

    @Test
    void anAccountTriedFromManyAddressesIsSlowedButNeverLocked() throws Exception {
        String email = staff.create(Role.EDITOR);
        for (int i = 0; i < 30; i++) {
            throttle().failed(email, "198.51.100." + (100 + i));
        }

        String refused = login(email, StaffAccounts.PASSWORD, "198.51.100.99")
                .getResponse()
                .getRedirectedUrl();
        assertThat(refused).as("slowed, not locked").startsWith("/login?slow=");
        long seconds = Long.parseLong(refused.substring("/login?slow=".length()));
        assertThat(seconds).isLessThanOrEqualTo(LoginThrottle.LONGEST_WAIT.toSeconds());
    }

    @Test
    void oneAddressTryingManyAccountsIsLocked() throws Exception {
        LoginThrottle throttle = throttle();
        for (int i = 0; i < LoginThrottle.Kind.ADDRESS.lockAfter; i++) {
            throttle.failed("nobody" + i + "@example.org", "203.0.113.66");
        }
        String email = staff.create(Role.EDITOR);

        assertThat(login(email, StaffAccounts.PASSWORD, "203.0.113.66")
                        .getResponse()
                        .getRedirectedUrl())
                .startsWith("/login?locked=");
        assertThat(login(email, StaffAccounts.PASSWORD, "203.0.113.67")
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/admin");
    }

    @Test
    void theThrottleTableNamesNoOne() throws Exception {
        String email = staff.create(Role.EDITOR);
        login(email, "wrong", "192.0.2.31");

        assertThat(jdbc.sql(
                                "select count(*) from login_throttle where throttle_key like '%example.org%' or throttle_key like '%192.0.2%'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void anonymousVisitorsWriteNoSessionRows() throws Exception {
        int before = sessionRows();
        for (int i = 0; i < 20; i++) {
            assertThat(mvc.perform(get("/login").with(PRODUCTION_CSRF))
                            .andReturn()
                            .getResponse()
                            .getCookie("SESSION"))
                    .isNull();
            mvc.perform(get("/admin/appeals").with(PRODUCTION_CSRF))
                    .andExpect(status().isFound())
                    .andExpect(redirectedUrl("/login"));
            mvc.perform(get("/admin").with(PRODUCTION_CSRF)).andExpect(status().isFound());
            mvc.perform(post("/login")
                    .with(PRODUCTION_CSRF)
                    .param("email", "nobody-" + i + "@example.org")
                    .param("password", "x")
                    .with(from("192.0.2.40")));
        }
        assertThat(sessionRows()).isEqualTo(before);
    }

    @Test
    void theLoginFormWorksWithItsCookieCsrfTokenAndNoSession() throws Exception {
        String email = staff.create(Role.EDITOR);
        MvcResult page = mvc.perform(get("/login").with(PRODUCTION_CSRF)).andReturn();
        Cookie csrfCookie = page.getResponse().getCookie("XSRF-TOKEN");
        assertThat(csrfCookie).isNotNull();
        String token =
                page.getResponse().getContentAsString().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");

        mvc.perform(post("/login")
                        .with(PRODUCTION_CSRF)
                        .cookie(csrfCookie)
                        .param("_csrf", token)
                        .param("email", email)
                        .param("password", StaffAccounts.PASSWORD))
                .andExpect(redirectedUrl("/admin"));
        mvc.perform(post("/login")
                        .with(PRODUCTION_CSRF)
                        .param("_csrf", token)
                        .param("email", email)
                        .param("password", StaffAccounts.PASSWORD))
                .andExpect(status().isForbidden());
    }

    @Test
    void aDisabledAccountCannotLogIn() throws Exception {
        String email = staff.create(Role.ADMIN);
        StaffAccount account = accounts.findByEmail(email).orElseThrow();
        account.enable(false, java.time.Instant.now());
        accounts.save(account);

        assertThat(login(email, StaffAccounts.PASSWORD, "192.0.2.30")
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/login?error");
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
        mvc.perform(get("/admin/appeals")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    private int failures(LoginThrottle.Kind kind, String email, String address) {
        return jdbc.sql("select coalesce(max(failures), 0) from login_throttle where throttle_key = ?")
                .param(throttle().key(kind, email, address))
                .query(Integer.class)
                .single();
    }

    private int sessionRows() {
        return jdbc.sql("select count(*) from spring_session")
                .query(Integer.class)
                .single();
    }

    @Test
    void parallelWrongPasswordsGetNoMoreTriesThanTheThrottleAllows() throws Exception {
        String email = staff.create(Role.EDITOR);
        String address = "203.0.113.88";
        int attempts = 25;
        java.util.List<java.util.concurrent.Callable<String>> guesses = new java.util.ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            String guess = "wrong guess " + i;
            guesses.add(() -> login(email, guess, address).getResponse().getRedirectedUrl());
        }
        int tried = 0;
        for (String url : AtOnce.run(attempts, guesses)) {
            if (url.equals("/login?error")) {
                tried++;
            } else {
                assertThat(url).matches("/login\\?(slow|locked)=\\d+");
            }
        }
        assertThat(tried).as("passwords checked").isBetween(1, LoginThrottle.Kind.PAIR.slowAfter);
        assertThat(failures(LoginThrottle.Kind.PAIR, email, address))
                .as("failures counted")
                .isEqualTo(tried);
        assertThat(login(email, StaffAccounts.PASSWORD, address).getResponse().getRedirectedUrl())
                .as("this account is slowed from this address")
                .matches("/login\\?(slow|locked)=\\d+");
    }

    @Test
    void ipv6AddressesInOneSlash64ShareTheirCounters() throws Exception {
        String email = staff.create(Role.EDITOR);
        for (int i = 1; i <= LoginThrottle.Kind.PAIR.slowAfter; i++) {
            assertThat(login(email, "wrong", "2001:db8:77:1::" + i)
                            .getResponse()
                            .getRedirectedUrl())
                    .isEqualTo("/login?error");
        }
        assertThat(failures(LoginThrottle.Kind.PAIR, email, "2001:db8:77:1:ffff::99"))
                .isEqualTo(LoginThrottle.Kind.PAIR.slowAfter);

        assertThat(login(email, StaffAccounts.PASSWORD, "2001:db8:77:1:ffff::99")
                        .getResponse()
                        .getRedirectedUrl())
                .as("another address in the same /64")
                .startsWith("/login?slow=");
        assertThat(login(email, StaffAccounts.PASSWORD, "2001:db8:77:2::1")
                        .getResponse()
                        .getRedirectedUrl())
                .as("another /64")
                .isEqualTo("/admin");
    }

    @Test
    void anAttackerKeepsTheAccountSlowedButTheOwnerWithAKnownDeviceGetsIn() throws Exception {
        String email = staff.create(Role.EDITOR);
        Cookie device = login(email, StaffAccounts.PASSWORD, "198.51.100.60")
                .getResponse()
                .getCookie(KnownDevice.COOKIE);
        assertThat(device).isNotNull();
        assertThat(device.isHttpOnly()).isTrue();
        String other = staff.create(Role.EDITOR);
        Cookie othersDevice = login(other, StaffAccounts.PASSWORD, "198.51.100.61")
                .getResponse()
                .getCookie(KnownDevice.COOKIE);

        for (int i = 0; i < 30; i++) {
            throttle().failed(email, "198.51.100." + (150 + i));
        }
        assertThat(login(email, StaffAccounts.PASSWORD, "198.51.100.62")
                        .getResponse()
                        .getRedirectedUrl())
                .as("without the cookie the account is slowed")
                .startsWith("/login?slow=");
        assertThat(loginWith(othersDevice, email, "198.51.100.62").getResponse().getRedirectedUrl())
                .as("another account's cookie does not count")
                .startsWith("/login?slow=");
        Cookie forged = new Cookie(
                KnownDevice.COOKIE,
                device.getValue().substring(0, device.getValue().length() - 2) + "AA");
        assertThat(loginWith(forged, email, "198.51.100.62").getResponse().getRedirectedUrl())
                .startsWith("/login?slow=");

        assertThat(loginWith(device, email, "198.51.100.62").getResponse().getRedirectedUrl())
                .as("the owner's browser gets in")
                .isEqualTo("/admin");
    }

    private MvcResult loginWith(Cookie device, String email, String address) throws Exception {
        return mvc.perform(post("/login")
                        .with(csrf())
                        .cookie(device)
                        .param("email", email)
                        .param("password", StaffAccounts.PASSWORD)
                        .with(from(address)))
                .andReturn();
    }

    private LoginThrottle throttle() {
        return context.getBean(LoginThrottle.class);
    }
}
