package org.urgentaction.accounts;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import org.urgentaction.audit.AuditLog;

/**
 * Before a login is tried: the e-mail is normalised once ({@link LoginName}) and the rest of the
 * login sees only that; an attempt is refused while its account or address is slowed down or
 * locked; an e-mail no account can have (control characters, over 254 characters) is a failed
 * login, counted, without trying the password.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottleFilter.class);

    private static final RequestMatcher LOGIN =
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");

    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final KnownDevice knownDevice;

    LoginThrottleFilter(LoginThrottle throttle, AuditLog audit, KnownDevice knownDevice) {
        this.throttle = throttle;
        this.audit = audit;
        this.knownDevice = knownDevice;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !LOGIN.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String raw = request.getParameter("email");
        Optional<String> email = LoginName.normalise(raw);
        String counted = email.orElseGet(() -> LoginName.throttleName(raw));
        String address = request.getRemoteAddr();
        Optional<LoginThrottle.Refusal> refusal;
        try {
            // Counted now, before the password is checked: parallel attempts cannot all pass.
            boolean known = email.isPresent() && knownDevice.recognises(request, email.get());
            request.setAttribute(KnownDevice.RECOGNISED, known);
            refusal = throttle.reserve(counted, address, known);
        } catch (RuntimeException failure) {
            log.error("Could not check the login throttle; refusing the login", failure);
            response.sendRedirect(request.getContextPath() + "/login?unavailable");
            return;
        }
        if (refusal.isPresent()) {
            long seconds = Math.max(1, refusal.get().retryAfter().toSeconds());
            String kind = refusal.get().locked() ? "locked" : "slow";
            response.sendRedirect(request.getContextPath() + "/login?" + kind + "=" + seconds);
            return;
        }
        if (email.isEmpty()) {
            String shown = counted.length() > 80
                    ? counted.substring(0, 80) + "… (" + counted.length() + " characters)"
                    : counted;
            SecurityConfiguration.quietly("audit a failed login", () -> audit.recordLogin(shown, false, address));
            response.sendRedirect(request.getContextPath() + "/login?invalid");
            return;
        }
        chain.doFilter(new NormalisedLogin(request, email.get()), response);
    }

    /** The login request as the rest of the chain sees it: with the normalised e-mail. */
    static final class NormalisedLogin extends HttpServletRequestWrapper {

        private final String email;

        NormalisedLogin(HttpServletRequest request, String email) {
            super(request);
            this.email = email;
        }

        @Override
        public String getParameter(String name) {
            return "email".equals(name) ? email : super.getParameter(name);
        }

        @Override
        public String[] getParameterValues(String name) {
            return "email".equals(name) ? new String[] {email} : super.getParameterValues(name);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> parameters = new LinkedHashMap<>(super.getParameterMap());
            parameters.put("email", new String[] {email});
            return Collections.unmodifiableMap(parameters);
        }
    }
}
