package org.urgentaction.accounts;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Component;

/**
 * Moves a login from one step to the next (password, code, new password, enrolment) and, after
 * the last, on to the page that was asked for or /admin. The login is kept in the session only;
 * before it there is no session at all: the page asked for waits in a cookie.
 */
@Component
class LoginSteps {

    private final StaffAccountRepository accounts;
    private final SecurityPolicies policies;
    private final Clock clock;
    private final KnownDevice knownDevice;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final RequestCache requestCache = new CookieRequestCache();
    private final SavedRequestAwareAuthenticationSuccessHandler toAdmin =
            new SavedRequestAwareAuthenticationSuccessHandler();

    LoginSteps(StaffAccountRepository accounts, SecurityPolicies policies, Clock clock, KnownDevice knownDevice) {
        this.knownDevice = knownDevice;
        this.accounts = accounts;
        this.policies = policies;
        this.clock = clock;
        toAdmin.setDefaultTargetUrl("/admin");
        toAdmin.setRequestCache(requestCache);
    }

    SecurityContextRepository contexts() {
        return contexts;
    }

    RequestCache requestCache() {
        return requestCache;
    }

    /** Where a login goes once its password was right. */
    void afterPassword(HttpServletRequest request, HttpServletResponse response, StaffAuthentication login)
            throws IOException, ServletException {
        go(request, response, login);
    }

    /**
     * A step is done: the login is renewed from the account as it is now (its begin time too, as a
     * new password ends the sessions before it) under a new session id.
     */
    void stepDone(
            HttpServletRequest request,
            HttpServletResponse response,
            StaffAuthentication login,
            boolean secondFactorDone)
            throws IOException, ServletException {
        go(request, response, renew(request, response, login, secondFactorDone));
    }

    /** As {@link #stepDone}, without going anywhere: for a page that shows something first. */
    StaffAuthentication renew(
            HttpServletRequest request,
            HttpServletResponse response,
            StaffAuthentication login,
            boolean secondFactorDone) {
        StaffAccount account =
                accounts.findById(login.getPrincipal().accountId()).orElseThrow();
        StaffPrincipal renewed = new StaffPrincipal(account.getId(), account.getEmail(), clock.instant());
        StaffAuthentication next = new StaffAuthentication(
                renewed,
                account.getRole(),
                LoginStep.next(account, policies.current(), secondFactorDone),
                secondFactorDone);
        request.changeSessionId();
        SecurityContext context =
                SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
        context.setAuthentication(next);
        SecurityContextHolder.getContextHolderStrategy().setContext(context);
        contexts.saveContext(context, request, response);
        return next;
    }

    private void go(HttpServletRequest request, HttpServletResponse response, StaffAuthentication login)
            throws IOException, ServletException {
        if (login.pending() != null) {
            response.sendRedirect(request.getContextPath() + login.pending().path);
        } else {
            // A full login: this browser is known for the account from now on (see KnownDevice).
            knownDevice.remember(request, response, login.getPrincipal().accountId());
            toAdmin.onAuthenticationSuccess(request, response, login);
        }
    }
}
