package org.urgentaction.accounts;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On every staff request, the session's login is held against its account as it is now: a
 * deactivated account, or one whose sessions were ended (role change, password reset), is logged
 * out; a changed role applies from this request on; and a login with a step still to do (a code,
 * a new password, enrolling a second factor) is sent to that step's page from every other page.
 */
final class CurrentAccountFilter extends OncePerRequestFilter {

    private final JdbcClient jdbc;
    private final SecurityContextRepository contexts;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    CurrentAccountFilter(JdbcClient jdbc, SecurityContextRepository contexts) {
        this.jdbc = jdbc;
        this.contexts = contexts;
    }

    private record AccountNow(Role role, boolean enabled, java.time.Instant sessionsValidFrom) {}

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Only the staff login makes a StaffAuthentication; anything else is anonymous here.
        if (!(holder.getContext().getAuthentication() instanceof StaffAuthentication login)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<AccountNow> account = jdbc.sql(
                        "select role, enabled, sessions_valid_from from staff_account where id = ?")
                .param(login.getPrincipal().accountId())
                .query((rs, n) -> new AccountNow(
                        Role.valueOf(rs.getString(1)),
                        rs.getBoolean(2),
                        rs.getObject(3, java.time.OffsetDateTime.class).toInstant()))
                .optional();
        if (account.isEmpty()
                || !account.get().enabled()
                || login.getPrincipal().loggedInAt().isBefore(account.get().sessionsValidFrom())) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            holder.clearContext();
            response.sendRedirect(request.getContextPath() + "/login?ended");
            return;
        }
        if (account.get().role() != login.role()) {
            SecurityContext refreshed = holder.createEmptyContext();
            refreshed.setAuthentication(login.withRole(account.get().role()));
            holder.setContext(refreshed);
            contexts.saveContext(refreshed, request, response);
            login = (StaffAuthentication) refreshed.getAuthentication();
        }
        LoginStep pending = login.pending();
        if (pending != null && !allowedDuring(pending, pathOf(request))) {
            response.sendRedirect(request.getContextPath() + pending.path);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean allowedDuring(LoginStep step, String path) {
        return path.equals(step.path) || path.startsWith(step.path + "/") || path.equals("/logout");
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
