package org.urgentaction.accounts;

import java.io.Serial;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A staff login as its session keeps it. While a step is pending (a code, a new password, enrolling
 * a second factor) it holds only that step's authority, never the role, so nothing but that step's
 * page will serve it.
 */
final class StaffAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final StaffPrincipal principal;
    private final Role role;
    private final LoginStep pending;
    private final boolean secondFactorDone;

    StaffAuthentication(StaffPrincipal principal, Role role, LoginStep pending, boolean secondFactorDone) {
        super(List.of(new SimpleGrantedAuthority(pending == null ? role.authority() : pending.authority())));
        this.principal = principal;
        this.role = role;
        this.pending = pending;
        this.secondFactorDone = secondFactorDone;
        setAuthenticated(true);
    }

    /** The same login with the account's present role (re-read on every request). */
    StaffAuthentication withRole(Role current) {
        return new StaffAuthentication(principal, current, pending, secondFactorDone);
    }

    @Override
    public StaffPrincipal getPrincipal() {
        return principal;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    Role role() {
        return role;
    }

    LoginStep pending() {
        return pending;
    }

    boolean secondFactorDone() {
        return secondFactorDone;
    }
}
