package org.urgentaction.accounts;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

/** TOTP: who must enrol, a code at each login, good once; recovery codes; the policy for editors. */
@IntegrationTest
class SecondFactorTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffAccounts staff;

    @Autowired
    SecondFactor secondFactor;

    @Autowired
    SecurityPolicies policies;

    @Autowired
    JdbcClient jdbc;

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private MvcResult password(String email, String address) throws Exception {
        return mvc.perform(post("/login")
                        .with(csrf())
                        .with(from(address))
                        .param("email", email)
                        .param("password", StaffAccounts.PASSWORD))
                .andReturn();
    }

    private MvcResult code(Cookie session, String code, String address) throws Exception {
        return mvc.perform(post("/login/code")
                        .cookie(session)
                        .with(csrf())
                        .with(from(address))
                        .param("code", code))
                .andReturn();
    }

    private static String find(String html, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(html);
        assertThat(matcher.find()).as(regex).isTrue();
        return matcher.group(1);
    }

    @Test
    void anOrganiserMustEnrolBeforeAnyAdminPageAndGetsRecoveryCodesOnce() throws Exception {
        String email = staff.create(Role.ORGANISER);
        MvcResult login = password(email, "192.0.2.170");
        assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/admin/account/second-factor");
        Cookie session = login.getResponse().getCookie("SESSION");
        mvc.perform(get("/admin/dashboard").cookie(session)).andExpect(redirectedUrl("/admin/account/second-factor"));
        mvc.perform(get("/admin/exports/counts.csv").cookie(session))
                .andExpect(redirectedUrl("/admin/account/second-factor"));

        String page = mvc.perform(get("/admin/account/second-factor").cookie(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String secret = find(page, "class=\"totp-secret\">([A-Z2-7 ]+)<").replace(" ", "");
        String sealed = find(page, "name=\"sealedSecret\" value=\"([^\"]+)\"");
        assertThat(page).contains("otpauth://totp/");

        MvcResult wrong = mvc.perform(post("/admin/account/second-factor")
                        .cookie(session)
                        .with(csrf())
                        .param("sealedSecret", sealed)
                        .param("code", "000000"))
                .andReturn();
        assertThat(wrong.getResponse().getStatus()).isEqualTo(400);

        MvcResult enrolled = mvc.perform(post("/admin/account/second-factor")
                        .cookie(session)
                        .with(csrf())
                        .param("sealedSecret", sealed)
                        .param("code", staff.codeNow(secret)))
                .andExpect(status().isOk())
                .andReturn();
        List<String> recoveryCodes = Pattern.compile("<code>([a-z0-9-]{19})</code>")
                .matcher(enrolled.getResponse().getContentAsString())
                .results()
                .map(m -> m.group(1))
                .toList();
        assertThat(recoveryCodes).hasSize(SecondFactor.RECOVERY_CODES);
        Cookie renewed = enrolled.getResponse().getCookie("SESSION");
        mvc.perform(get("/admin/dashboard").cookie(renewed != null ? renewed : session))
                .andExpect(status().isOk());

        byte[] stored = jdbc.sql("select totp_secret from staff_account where email = ?")
                .param(email)
                .query(byte[].class)
                .single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
        List<byte[]> hashes = jdbc.sql(
                        "select c.code_hash from staff_recovery_code c join staff_account a on a.id = c.account_id "
                                + "where a.email = ?")
                .param(email)
                .query(byte[].class)
                .list();
        assertThat(hashes).hasSize(SecondFactor.RECOVERY_CODES).allSatisfy(hash -> {
            assertThat(hash).hasSize(32);
            assertThat(new String(hash, StandardCharsets.ISO_8859_1)).doesNotContain(recoveryCodes.getFirst());
        });
    }

    @Test
    void aLoginWithASecondFactorNeedsTheCodeBeforeAnything() throws Exception {
        String email = staff.create(Role.ADMIN);
        String secret = staff.enrolSecondFactor(email);

        MvcResult login = password(email, "192.0.2.171");
        assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/login/code");
        Cookie session = login.getResponse().getCookie("SESSION");
        for (String page :
                new String[] {"/admin", "/admin/accounts", "/admin/account/password", "/admin/account/second-factor"}) {
            mvc.perform(get(page).cookie(session)).andExpect(redirectedUrl("/login/code"));
        }
        assertThat(code(session, "123", "192.0.2.171").getResponse().getStatus())
                .isEqualTo(400);
        assertThat(code(session, "x".repeat(5000), "192.0.2.171").getResponse().getStatus())
                .isEqualTo(400);

        MvcResult done = code(session, staff.nextCode(secret), "192.0.2.171");
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/admin");
        mvc.perform(get("/admin/accounts").cookie(done.getResponse().getCookie("SESSION")))
                .andExpect(status().isOk());
    }

    @Test
    void aCodeIsGoodOnceReplayedInTheSameStepItIsRefused() throws Exception {
        String email = staff.create(Role.ADMIN);
        String secret = staff.enrolSecondFactor(email);
        String sameCode = staff.nextCode(secret);

        Cookie first = password(email, "192.0.2.172").getResponse().getCookie("SESSION");
        assertThat(code(first, sameCode, "192.0.2.172").getResponse().getRedirectedUrl())
                .isEqualTo("/admin");

        Cookie second = password(email, "192.0.2.173").getResponse().getCookie("SESSION");
        MvcResult replay = code(second, sameCode, "192.0.2.173");
        assertThat(replay.getResponse().getStatus()).isEqualTo(400);
        assertThat(replay.getResponse().getContentAsString()).contains("already used");
    }

    @Test
    void aRecoveryCodeLogsInOnce() throws Exception {
        String email = staff.create(Role.ORGANISER);
        staff.enrolSecondFactor(email);
        String recovery = secondFactor.newRecoveryCodes(staff.idOf(email)).getFirst();

        Cookie first = password(email, "192.0.2.174").getResponse().getCookie("SESSION");
        assertThat(code(first, recovery.toUpperCase(), "192.0.2.174")
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/admin");
        assertThat(secondFactor.unusedRecoveryCodes(staff.idOf(email))).isEqualTo(SecondFactor.RECOVERY_CODES - 1);

        Cookie second = password(email, "192.0.2.175").getResponse().getCookie("SESSION");
        assertThat(code(second, recovery, "192.0.2.175").getResponse().getStatus())
                .isEqualTo(400);
    }

    @Test
    void wrongCodesAreThrottledLikeWrongPasswords() throws Exception {
        String email = staff.create(Role.ADMIN);
        String secret = staff.enrolSecondFactor(email);
        Cookie session = password(email, "192.0.2.176").getResponse().getCookie("SESSION");
        for (int i = 0; i < LoginThrottle.Kind.PAIR.slowAfter; i++) {
            code(session, String.format("%06d", i), "192.0.2.176");
        }

        MvcResult refused = code(session, staff.nextCode(secret), "192.0.2.176");
        assertThat(refused.getResponse().getStatus()).isEqualTo(429);
    }

    @Test
    void editorsEnrolOnlyWhenThePolicySaysSo() throws Exception {
        String email = staff.create(Role.EDITOR);
        assertThat(password(email, "192.0.2.177").getResponse().getRedirectedUrl())
                .isEqualTo("/admin");

        RequestPostProcessor admin = user("root@example.org").roles("ADMIN");
        long version = policies.current().version();
        try {
            mvc.perform(post("/admin/security")
                            .with(admin)
                            .with(csrf())
                            .param("editorsNeedSecondFactor", "true")
                            .param("version", String.valueOf(version)))
                    .andExpect(redirectedUrl("/admin/security"));
            assertThat(password(email, "192.0.2.177").getResponse().getRedirectedUrl())
                    .isEqualTo("/admin/account/second-factor");
            mvc.perform(post("/admin/security")
                            .with(admin)
                            .with(csrf())
                            .param("editorsNeedSecondFactor", "false")
                            .param("version", String.valueOf(version)))
                    .andExpect(status().isConflict());
        } finally {
            policies.change(false, policies.current().version());
        }
    }

    @Test
    void anAdministratorRemovesALostSecondFactorAndTheSessionsEnd() throws Exception {
        String email = staff.create(Role.ORGANISER);
        String secret = staff.enrolSecondFactor(email);
        secondFactor.newRecoveryCodes(staff.idOf(email));
        Cookie session = password(email, "192.0.2.179").getResponse().getCookie("SESSION");
        Cookie full = code(session, staff.nextCode(secret), "192.0.2.179")
                .getResponse()
                .getCookie("SESSION");
        mvc.perform(get("/admin/dashboard").cookie(full)).andExpect(status().isOk());

        mvc.perform(post("/admin/accounts/{id}/reset-second-factor", staff.idOf(email))
                        .with(user("root@example.org").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/accounts/" + staff.idOf(email) + "/edit"));

        mvc.perform(get("/admin/dashboard").cookie(full)).andExpect(redirectedUrl("/login"));
        assertThat(secondFactor.unusedRecoveryCodes(staff.idOf(email))).isZero();
    }

    @Test
    void aSecondFactorResetAlsoHandsOutAOneTimePasswordSoAPhishedPasswordCannotEnrol() throws Exception {
        String email = staff.create(Role.ORGANISER);
        staff.enrolSecondFactor(email);

        MvcResult reset = mvc.perform(post("/admin/accounts/{id}/reset-second-factor", staff.idOf(email))
                        .with(user("root@example.org").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/accounts/" + staff.idOf(email) + "/edit"))
                .andReturn();
        String oneTime = (String) reset.getFlashMap().get("oneTimePassword");
        assertThat(oneTime).isNotBlank();

        // The old (perhaps phished) password no longer gets anywhere near the enrolment page.
        assertThat(password(email, "192.0.2.169").getResponse().getRedirectedUrl())
                .isEqualTo("/login?error");
        MvcResult handedOver = mvc.perform(post("/login")
                        .with(csrf())
                        .with(from("192.0.2.169"))
                        .param("email", email)
                        .param("password", oneTime))
                .andReturn();
        assertThat(handedOver.getResponse().getRedirectedUrl()).isEqualTo("/admin/account/password");
    }

    @Autowired
    LoginThrottle throttle;

    @Test
    void newRecoveryCodesNeedACurrentCodeAndWrongOnesAreThrottled() throws Exception {
        String email = staff.create(Role.ORGANISER);
        String secret = staff.enrolSecondFactor(email);
        List<String> old = secondFactor.newRecoveryCodes(staff.idOf(email));
        Cookie half = password(email, "192.0.2.168").getResponse().getCookie("SESSION");
        Cookie full = code(half, old.getFirst(), "192.0.2.168").getResponse().getCookie("SESSION");
        mvc.perform(get("/admin/dashboard").cookie(full)).andExpect(status().isOk());

        // The session alone is not enough, nor is a wrong code; each wrong code is counted.
        for (String wrong : new String[] {"", "000000"}) {
            mvc.perform(post("/admin/account/second-factor/recovery-codes")
                            .cookie(full)
                            .with(csrf())
                            .with(from("192.0.2.168"))
                            .param("code", wrong))
                    .andExpect(status().isBadRequest());
        }
        assertThat(secondFactor.unusedRecoveryCodes(staff.idOf(email))).isEqualTo(old.size() - 1);
        int counted = jdbc.sql("select failures from login_throttle where throttle_key = ?")
                .param(throttle.key(LoginThrottle.Kind.PAIR, email, "192.0.2.168"))
                .query(Integer.class)
                .single();
        assertThat(counted).isEqualTo(2);

        String page = mvc.perform(post("/admin/account/second-factor/recovery-codes")
                        .cookie(full)
                        .with(csrf())
                        .with(from("192.0.2.168"))
                        .param("code", staff.nextCode(secret)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("recovery-codes");
        assertThat(secondFactor.verify(staff.idOf(email), old.get(1))).isFalse();
    }

    @Test
    void fiveWrongCodesEndTheHalfLoggedInSession() throws Exception {
        String email = staff.create(Role.ADMIN);
        String secret = staff.enrolSecondFactor(email);
        Cookie session = password(email, "192.0.2.160").getResponse().getCookie("SESSION");
        // From five addresses, so that the throttle (per account and address) does not step in first.
        for (int i = 1; i < LoginCodeController.WRONG_CODES_PER_SESSION; i++) {
            assertThat(code(session, String.format("%06d", i), "192.0.2." + (160 + i))
                            .getResponse()
                            .getStatus())
                    .isEqualTo(400);
        }
        MvcResult fifth = code(session, "000000", "192.0.2.165");
        assertThat(fifth.getResponse().getRedirectedUrl()).isEqualTo("/login?error");

        MvcResult right = code(session, staff.nextCode(secret), "192.0.2.166");
        assertThat(right.getResponse().getRedirectedUrl())
                .as("the password is needed again")
                .isEqualTo("/login");
    }

    @Test
    void aForgedSecretInTheEnrolmentFormIsRefused() throws Exception {
        String email = staff.create(Role.ORGANISER);
        Cookie session = password(email, "192.0.2.178").getResponse().getCookie("SESSION");
        String forged = secondFactor.seal(secondFactor.newSecret(), staff.idOf(email) + 1);

        for (String sealed : new String[] {"not-base64!", forged, ""}) {
            assertThat(mvc.perform(post("/admin/account/second-factor")
                                    .cookie(session)
                                    .with(csrf())
                                    .param("sealedSecret", sealed)
                                    .param("code", "123456"))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .isEqualTo(400);
        }
    }
}
