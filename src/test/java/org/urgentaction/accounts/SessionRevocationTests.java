package org.urgentaction.accounts;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.urgentaction.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Taking something away from a staff member ends their open sessions at once. */
@IntegrationTest
class SessionRevocationTests {

    private static final RequestPostProcessor OTHER_ADMIN =
            user("root@example.org").roles("ADMIN");

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffAccounts staff;

    @Autowired
    StaffAccountRepository accounts;

    @Autowired
    JdbcClient jdbc;

    /** A real login (password, then the code when there is a second factor); returns its session cookie. */
    private Cookie logIn(String email, String secret) throws Exception {
        MvcResult password = mvc.perform(post("/login")
                        .with(csrf())
                        .param("email", email)
                        .param("password", StaffAccounts.PASSWORD)
                        .with(from("192.0.2.150")))
                .andReturn();
        Cookie session = password.getResponse().getCookie("SESSION");
        if (secret == null) {
            assertThat(password.getResponse().getRedirectedUrl()).isEqualTo("/admin");
            return session;
        }
        assertThat(password.getResponse().getRedirectedUrl()).isEqualTo("/login/code");
        MvcResult code = mvc.perform(
                        post("/login/code").cookie(session).with(csrf()).param("code", staff.nextCode(secret)))
                .andExpect(redirectedUrl("/admin"))
                .andReturn();
        return code.getResponse().getCookie("SESSION");
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private void update(long id, String email, String role, boolean enabled) throws Exception {
        mvc.perform(post("/admin/accounts/{id}", id)
                        .with(OTHER_ADMIN)
                        .with(csrf())
                        .param(
                                "version",
                                String.valueOf(
                                        accounts.findById(id).orElseThrow().getVersion()))
                        .param("email", email)
                        .param("displayName", "Changed")
                        .param("role", role)
                        .param("enabled", String.valueOf(enabled)))
                .andExpect(status().isFound());
    }

    private int sessionsOf(String email) {
        return jdbc.sql("select count(*) from spring_session where principal_name = ?")
                .param(email)
                .query(Integer.class)
                .single();
    }

    @Test
    void aDemotedAdministratorsOpenSessionCanNoLongerManageAccounts() throws Exception {
        String email = staff.create(Role.ADMIN);
        String secret = staff.enrolSecondFactor(email);
        Cookie session = logIn(email, secret);
        mvc.perform(get("/admin/accounts").cookie(session)).andExpect(status().isOk());
        assertThat(sessionsOf(email)).isEqualTo(1);

        update(staff.idOf(email), email, "EDITOR", true);

        assertThat(sessionsOf(email)).as("its sessions are deleted").isZero();
        mvc.perform(get("/admin/accounts").cookie(session)).andExpect(redirectedUrl("/login"));
        String newAdmin = "made-by-demoted-" + System.nanoTime() + "@example.org";
        mvc.perform(post("/admin/accounts")
                .cookie(session)
                .with(csrf())
                .param("email", newAdmin)
                .param("displayName", "Sneaky")
                .param("role", "ADMIN"));
        assertThat(accounts.findByEmail(newAdmin)).isEmpty();
    }

    @Test
    void aRoleChangedBehindTheSessionsBackAppliesOnTheNextRequest() throws Exception {
        String email = staff.create(Role.ADMIN);
        Cookie session = logIn(email, staff.enrolSecondFactor(email));
        mvc.perform(get("/admin/accounts").cookie(session)).andExpect(status().isOk());

        // As if the sessions could not be found (another store, a race): the role is re-read anyway.
        jdbc.sql("update staff_account set role = 'EDITOR' where lower(email) = ?")
                .param(email)
                .update();

        mvc.perform(get("/admin/accounts").cookie(session)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/appeals/new").cookie(session)).andExpect(status().isOk());
    }

    @Test
    void aDisabledEditorsSessionIsLoggedOut() throws Exception {
        String email = staff.create(Role.EDITOR);
        Cookie session = logIn(email, null);
        mvc.perform(get("/admin/appeals/new").cookie(session)).andExpect(status().isOk());

        update(staff.idOf(email), email, "EDITOR", false);

        mvc.perform(get("/admin/appeals/new").cookie(session)).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/admin/appeals").cookie(session).with(csrf()).param("title", "Defaced"))
                .andExpect(status().isFound());
        assertThat(sessionsOf(email)).isZero();
    }

    @Test
    void aSessionOlderThanARevocationEndsEvenIfItsRowSurvived() throws Exception {
        String email = staff.create(Role.EDITOR);
        Cookie session = logIn(email, null);

        jdbc.sql("update staff_account set sessions_valid_from = now() where lower(email) = ?")
                .param(email)
                .update();

        mvc.perform(get("/admin/appeals/new").cookie(session)).andExpect(redirectedUrl("/login?ended"));
    }

    @Test
    void afterAPasswordResetTheOldSessionIsGone() throws Exception {
        String email = staff.create(Role.EDITOR);
        Cookie session = logIn(email, null);

        mvc.perform(post("/admin/accounts/{id}/reset-password", staff.idOf(email))
                        .with(OTHER_ADMIN)
                        .with(csrf()))
                .andExpect(status().isFound());

        assertThat(sessionsOf(email)).isZero();
        mvc.perform(get("/admin/appeals").cookie(session)).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/login")
                        .with(csrf())
                        .param("email", email)
                        .param("password", StaffAccounts.PASSWORD)
                        .with(from("192.0.2.151")))
                .andExpect(redirectedUrl("/login?error"));
    }
}
