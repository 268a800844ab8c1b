package org.urgentaction.accounts;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

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

    /** The staff pages, as servlet URL patterns. */
    private static final String[] STAFF_PATHS = {"/admin", "/admin/*", "/login", "/logout"};

    /** Staff are logged out after 30 minutes without a request. */
    static final int IDLE_TIMEOUT_SECONDS = 30 * 60;

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /**
     * No metrics per security filter: they recorded a dozen filters' start and stop on every request
     * (8 % of a report's CPU in the benchmark's profile) for figures no one reads. The request
     * itself is still observed ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings noSecurityFilterObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt only: a stored hash of any other kind (plain text, MD5) never matches.
        return new BCryptPasswordEncoder(12);
    }

    @Bean
    @Order(1)
    SecurityFilterChain staff(HttpSecurity http, LoginThrottle throttle, AuditLog audit) throws Exception {
        SavedRequestAwareAuthenticationSuccessHandler toAdmin = new SavedRequestAwareAuthenticationSuccessHandler();
        toAdmin.setDefaultTargetUrl("/admin");
        http.securityMatcher("/admin", "/admin/**", "/login", "/logout")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login").permitAll()
                        .requestMatchers("/admin/accounts", "/admin/accounts/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .formLogin(login -> login
                        .loginPage("/login")
                        .usernameParameter("email")
                        .successHandler((request, response, authentication) -> {
                            throttle.succeeded(authentication.getName());
                            audit.recordLogin(authentication.getName(), true, request.getRemoteAddr());
                            toAdmin.onAuthenticationSuccess(request, response, authentication);
                        })
                        .failureHandler((request, response, exception) -> {
                            String email = request.getParameter("email");
                            throttle.failed(email, request.getRemoteAddr());
                            audit.recordLogin(email == null ? "" : email, false, request.getRemoteAddr());
                            response.sendRedirect(request.getContextPath() + "/login?error");
                        }))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .addFilterBefore(new ThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
        return headers(http).build();
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
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
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
        return http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
    }

    /** Refuses a login attempt while its account or address is slowed down or locked. */
    static final class ThrottleFilter extends OncePerRequestFilter {

        private static final RequestMatcher LOGIN = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");

        private final LoginThrottle throttle;

        ThrottleFilter(LoginThrottle throttle) {
            this.throttle = throttle;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !LOGIN.matches(request);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Optional<LoginThrottle.Refusal> refusal = throttle.check(request.getParameter("email"), request.getRemoteAddr());
            if (refusal.isPresent()) {
                long seconds = Math.max(1, refusal.get().retryAfter().toSeconds());
                String kind = refusal.get().locked() ? "locked" : "slow";
                response.sendRedirect(request.getContextPath() + "/login?" + kind + "=" + seconds);
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
