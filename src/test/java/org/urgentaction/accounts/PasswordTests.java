package org.urgentaction.accounts;

import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.urgentaction.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** One-time passwords, changing one's own, resets, and what a password must be. */
@IntegrationTest
class PasswordTests {

    private static final RequestPostProcessor ADMIN = user("root@example.org").roles("ADMIN");
    private static final String CHOSEN = "a walk along the quiet canal";

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffAccounts staff;

    @Autowired
    StaffAccountRepository accounts;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    JdbcClient jdbc;

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private MvcResult logIn(String email, String password) throws Exception {
        return mvc.perform(post("/login")
                        .with(csrf())
                        .with(from("192.0.2.160"))
                        .param("email", email)
                        .param("password", password))
                .andReturn();
    }

    private String createWithOneTimePassword(Role role) throws Exception {
        String email = "one-time-" + System.nanoTime() + "@example.org";
        MvcResult created = mvc.perform(post("/admin/accounts")
                        .with(ADMIN)
                        .with(csrf())
                        .param("email", email)
                        .param("displayName", "New")
                        .param("role", role.name()))
                .andReturn();
        return email + " " + created.getFlashMap().get("oneTimePassword");
    }

    private MvcResult change(Cookie session, String current, String next, String repeat) throws Exception {
        return mvc.perform(post("/admin/account/password")
                        .cookie(session)
                        .with(csrf())
                        .param("currentPassword", current)
                        .param("newPassword", next)
                        .param("repeatPassword", repeat))
                .andReturn();
    }

    @Test
    void aOneTimePasswordMustBeReplacedBeforeAnyAdminPage() throws Exception {
        String[] created = createWithOneTimePassword(Role.EDITOR).split(" ");
        String email = created[0];
        String oneTime = created[1];

        MvcResult login = logIn(email, oneTime);
        assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/admin/account/password");
        Cookie session = login.getResponse().getCookie("SESSION");
        for (String page : new String[] {"/admin", "/admin/appeals", "/admin/appeals/new", "/admin/targets"}) {
            mvc.perform(get(page).cookie(session)).andExpect(redirectedUrl("/admin/account/password"));
        }
        mvc.perform(get("/admin/account/password").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("one-time password")));

        MvcResult changed = change(session, oneTime, CHOSEN, CHOSEN);
        assertThat(changed.getResponse().getRedirectedUrl()).isEqualTo("/admin");
        Cookie renewed = changed.getResponse().getCookie("SESSION");
        mvc.perform(get("/admin/appeals").cookie(renewed != null ? renewed : session))
                .andExpect(status().isOk());
        assertThat(logIn(email, oneTime).getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(logIn(email, CHOSEN).getResponse().getRedirectedUrl()).isEqualTo("/admin");
    }

    @Test
    void aOneTimePasswordLapsesAfter72HoursUnused() throws Exception {
        String[] created = createWithOneTimePassword(Role.EDITOR).split(" ");
        StaffAccount account = accounts.findByEmail(created[0]).orElseThrow();
        Instant expires = jdbc.sql("select password_expires_at from staff_account where id = ?")
                .param(account.getId())
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
        assertThat(Duration.between(account.getCreatedAt(), expires))
                .isBetween(
                        Duration.ofHours(72).minusMinutes(1),
                        Duration.ofHours(72).plusMinutes(1));

        jdbc.sql("update staff_account set password_expires_at = now() - interval '1 minute' where id = ?")
                .param(account.getId())
                .update();

        assertThat(logIn(created[0], created[1]).getResponse().getRedirectedUrl())
                .isEqualTo("/login?expired");
        mvc.perform(get("/login").param("expired", "")).andExpect(content().string(containsString("has expired")));
    }

    @Test
    void anAdministratorsResetIsOneTimeToo() throws Exception {
        String email = staff.create(Role.EDITOR);
        MvcResult reset = mvc.perform(post("/admin/accounts/{id}/reset-password", staff.idOf(email))
                        .with(ADMIN)
                        .with(csrf()))
                .andReturn();
        String oneTime = (String) reset.getFlashMap().get("oneTimePassword");

        assertThat(logIn(email, oneTime).getResponse().getRedirectedUrl()).isEqualTo("/admin/account/password");
    }

    @Test
    void thePrintedFirstAdministratorsPasswordIsOneTime() {
        Boolean oneTime = jdbc.sql(
                        "select password_one_time and password_expires_at is not null from staff_account where email = 'admin@localhost'")
                .query(Boolean.class)
                .optional()
                .orElse(null);
        Assumptions.assumeTrue(oneTime != null, "the first administrator is printed only on the embedded database");
        assertThat(oneTime).isTrue();
    }

    @Test
    void changingOnesOwnPasswordNeedsThePresentOne() throws Exception {
        String email = staff.create(Role.EDITOR);
        Cookie session = logIn(email, StaffAccounts.PASSWORD).getResponse().getCookie("SESSION");

        MvcResult wrong = change(session, "not my password", CHOSEN, CHOSEN);
        assertThat(wrong.getResponse().getStatus()).isEqualTo(400);
        assertThat(wrong.getResponse().getContentAsString()).contains("not your present password");

        assertThat(change(session, StaffAccounts.PASSWORD, CHOSEN, CHOSEN)
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/admin");
        assertThat(encoder.matches(
                        CHOSEN, accounts.findByEmail(email).orElseThrow().getPasswordHash()))
                .isTrue();
    }

    @Test
    void shortCommonOrSelfNamedPasswordsAreRefusedWithAMessage() throws Exception {
        String email = staff.create(Role.EDITOR);
        Cookie session = logIn(email, StaffAccounts.PASSWORD).getResponse().getCookie("SESSION");

        String[][] refused = {
            {"short pass", "at least 12 characters"},
            {"qwerty123456", "most commonly used passwords"},
            {"1Qaz2Wsx3Edc", "most commonly used passwords"},
            {"my " + email + " pw", "must not contain your e-mail"},
            {"\u00e9".repeat(40), "too long"},
        };
        for (String[] attempt : refused) {
            MvcResult result = change(session, StaffAccounts.PASSWORD, attempt[0], attempt[0]);
            assertThat(result.getResponse().getStatus()).as(attempt[0]).isEqualTo(400);
            assertThat(result.getResponse().getContentAsString()).as(attempt[0]).contains(attempt[1]);
        }
        MvcResult differs = change(session, StaffAccounts.PASSWORD, CHOSEN, CHOSEN + " ");
        assertThat(differs.getResponse().getContentAsString()).contains("two new passwords differ");
        assertThat(encoder.matches(
                        StaffAccounts.PASSWORD,
                        accounts.findByEmail(email).orElseThrow().getPasswordHash()))
                .isTrue();
    }

    @Test
    void aChangedPasswordEndsTheOtherSessionsButNotThisOne() throws Exception {
        String email = staff.create(Role.EDITOR);
        Cookie other = logIn(email, StaffAccounts.PASSWORD).getResponse().getCookie("SESSION");
        Cookie session = logIn(email, StaffAccounts.PASSWORD).getResponse().getCookie("SESSION");

        MvcResult changed = change(session, StaffAccounts.PASSWORD, CHOSEN, CHOSEN);
        Cookie renewed = changed.getResponse().getCookie("SESSION");

        mvc.perform(get("/admin/appeals").cookie(renewed != null ? renewed : session))
                .andExpect(status().isOk());
        mvc.perform(get("/admin/appeals").cookie(other)).andExpect(redirectedUrl("/login"));
    }
}
