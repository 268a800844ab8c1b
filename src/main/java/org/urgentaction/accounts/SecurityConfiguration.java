package org.urgentaction.accounts;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.SessionRepositoryFilter;

import org.urgentaction.audit.AuditLog;

/**
 * Two filter chains. Staff pages (/admin, /login, /logout) use a session kept in PostgreSQL and
 * method-level role checks. Public pages are stateless: their CSRF token lives in a cookie, so an
 * anonymous supporter never creates a server-side session.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableJdbcHttpSession(maxInactiveIntervalInSeconds = SecurityConfiguration.IDLE_TIMEOUT_SECONDS)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** The staff pages, as servlet URL patterns. */
    private static final String[] STAFF_PATHS = {"/admin", "/admin/*", "/login", "/login/*", "/logout"};

    /** Staff are logged out after 30 minutes without a request. */
    static final int IDLE_TIMEOUT_SECONDS = 30 * 60;

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /**
     * No metrics per security filter: they recorded a dozen filters' start and stop on every request
     * for figures no one reads (docs/decisions/performance.md). The request itself is still
     * observed ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings noSecurityFilterObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** @param strength bcrypt's cost; tests lower it, the app keeps 12 */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${urgent-action.accounts.bcrypt-strength:12}") int strength) {
        // bcrypt only: a stored hash of any other kind (plain text, MD5) never matches.
        return new BCryptPasswordEncoder(strength);
    }

    @Bean
    @Order(1)
    SecurityFilterChain staff(
            HttpSecurity http,
            StaffAuthenticationProvider passwords,
            LoginThrottle throttle,
            LoginSteps steps,
            AuditLog audit,
            JdbcClient jdbc,
            KnownDevice knownDevice)
            throws Exception {
        String[] roles = Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new);
        http.securityMatcher("/admin", "/admin/**", "/login", "/login/**", "/logout")
                .authenticationManager(new ProviderManager(passwords))
                // No session before a login: the CSRF token lives in a cookie and so does the page
                // an anonymous visitor asked for (each anonymous request once wrote a session row).
                .csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository()))
                .requestCache(cache -> cache.requestCache(steps.requestCache()))
                .securityContext(context -> context.securityContextRepository(steps.contexts()))
                .authorizeHttpRequests(requests -> requests.requestMatchers("/login")
                        .permitAll()
                        .requestMatchers("/login/code")
                        .hasAuthority(LoginStep.SECOND_FACTOR.authority())
                        .requestMatchers("/admin/account/password")
                        .hasAnyAuthority(authorities(LoginStep.NEW_PASSWORD))
                        .requestMatchers("/admin/account/second-factor", "/admin/account/second-factor/**")
                        .hasAnyAuthority(authorities(LoginStep.ENROL_SECOND_FACTOR))
                        .requestMatchers("/admin/accounts", "/admin/accounts/**", "/admin/security")
                        .hasRole(Role.ADMIN.name())
                        .anyRequest()
                        .hasAnyRole(roles))
                .formLogin(login -> login.loginPage("/login")
                        .usernameParameter("email")
                        .successHandler(loggedIn(throttle, audit, steps))
                        .failureHandler(loginFailed(audit)))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .addFilterBefore(
                        new LoginThrottleFilter(throttle, audit, knownDevice),
                        UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new CurrentAccountFilter(jdbc, steps.contexts()), AuthorizationFilter.class)
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
        return headers(http).build();
    }

    private static AuthenticationSuccessHandler loggedIn(LoginThrottle throttle, AuditLog audit, LoginSteps steps) {
        return (request, response, authentication) -> {
            String address = request.getRemoteAddr();
            boolean known = Boolean.TRUE.equals(request.getAttribute(KnownDevice.RECOGNISED));
            quietly("clear the throttle", () -> throttle.succeeded(authentication.getName(), address, known));
            quietly("audit a login", () -> audit.recordLogin(authentication.getName(), true, address));
            steps.afterPassword(request, response, (StaffAuthentication) authentication);
        };
    }

    private static AuthenticationFailureHandler loginFailed(AuditLog audit) {
        return (request, response, exception) -> {
            // Already normalised by the throttle filter, which also counted the attempt
            // before the password was checked (LoginThrottle.reserve).
            String email = request.getParameter("email");
            String address = request.getRemoteAddr();
            quietly("audit a failed login", () -> audit.recordLogin(email, false, address));
            String reason = exception instanceof CredentialsExpiredException ? "expired" : "error";
            response.sendRedirect(request.getContextPath() + "/login?" + reason);
        };
    }

    /** The roles, and the authority of a login that is at {@code step}. */
    private static String[] authorities(LoginStep step) {
        return Stream.concat(Arrays.stream(Role.values()).map(Role::authority), Stream.of(step.authority()))
                .toArray(String[]::new);
    }

    /** A login is never answered with a 500: what fails around it is logged, and the login goes on. */
    static void quietly(String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException failure) {
            log.error("Could not {}", what, failure);
        }
    }

    /**
     * Everything else is open to anyone and needs only the CSRF check and the security headers. The
     * filters for logging in and out, sessions, saved requests and authorisation are left out: each
     * wrapped or inspected every public request for nothing (these pages take the spikes).
     */
    @Bean
    @Order(2)
    SecurityFilterChain publicSite(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository()))
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(session -> session.disable())
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .servletApi(servletApi -> servletApi.disable())
                .logout(logout -> logout.disable())
                // Public pages may be cached (and restored by the back button); staff pages may not.
                .headers(headers -> headers.cacheControl(cacheControl -> cacheControl.disable()));
        return headers(http).build();
    }

    /**
     * Staff sessions are read and written only on the staff pages. Registered for every path, the
     * session filter wrapped each public request and response (every write of a page went through
     * it) though no public page has a session.
     */
    @Bean
    FilterRegistrationBean<SessionRepositoryFilter<?>> staffSessionsOnly(SessionRepositoryFilter<?> sessions) {
        FilterRegistrationBean<SessionRepositoryFilter<?>> registration = new FilterRegistrationBean<>(sessions);
        registration.setUrlPatterns(List.of(STAFF_PATHS));
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        return registration;
    }

    private static HttpSecurity headers(HttpSecurity http) throws Exception {
        return http.headers(
                headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
    }
}
