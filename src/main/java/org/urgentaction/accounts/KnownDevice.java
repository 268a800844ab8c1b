package org.urgentaction.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * A browser that completed a full login gets a signed cookie naming the account (HMAC-SHA256 of
 * the account id and an expiry, under a key kept in app_secret). A login sent with a valid one for
 * its own account skips the account-wide throttle counter, so someone sending one wrong password
 * per allowed try cannot keep the owner slowed; the per-address counters still apply.
 */
@Component
class KnownDevice {

    static final String COOKIE = "UA_KNOWN_DEVICE";
    static final Duration LIFETIME = Duration.ofDays(90);
    /** Set by the throttle filter on a login request that carried a valid cookie for its account. */
    static final String RECOGNISED = KnownDevice.class.getName() + ".recognised";

    private static final String SECRET_NAME = "known-device-hmac";

    private final AppSecrets secrets;
    private final StaffAccountRepository accounts;
    private final Clock clock;

    KnownDevice(AppSecrets secrets, StaffAccountRepository accounts, Clock clock) {
        this.secrets = secrets;
        this.accounts = accounts;
        this.clock = clock;
    }

    void remember(HttpServletRequest request, HttpServletResponse response, long accountId) {
        String payload = accountId + "." + clock.instant().plus(LIFETIME).getEpochSecond();
        ResponseCookie cookie = ResponseCookie.from(COOKIE, payload + "." + sign(payload))
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Lax")
                .path("/login")
                .maxAge(LIFETIME)
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    /** True when the request carries an unexpired cookie, signed by us, for the account with this e-mail. */
    boolean recognises(HttpServletRequest request, String email) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && valid(cookie.getValue(), email)) {
                return true;
            }
        }
        return false;
    }

    private boolean valid(String value, String email) {
        String[] parts = value == null ? new String[0] : value.split("\\.");
        if (parts.length != 3 || !parts[0].matches("\\d{1,18}") || !parts[1].matches("\\d{1,18}")) {
            return false;
        }
        String payload = parts[0] + "." + parts[1];
        if (!MessageDigest.isEqual(
                        sign(payload).getBytes(StandardCharsets.US_ASCII), parts[2].getBytes(StandardCharsets.US_ASCII))
                || Long.parseLong(parts[1]) < clock.instant().getEpochSecond()) {
            return false;
        }
        long accountId = Long.parseLong(parts[0]);
        return accounts.findByEmail(email)
                .map(account -> account.getId() == accountId)
                .orElse(false);
    }

    private String sign(String payload) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(secrets.hmac(SECRET_NAME, payload.getBytes(StandardCharsets.US_ASCII)));
    }
}
