package org.urgentaction.accounts;

import java.io.Serializable;
import java.time.Instant;

import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * Who a staff session belongs to, as the session keeps it: the account, and when the login began
 * (a session older than the account's last revocation is ended). Its name, the e-mail, is what
 * Spring Session indexes sessions by.
 */
record StaffPrincipal(long accountId, String email, Instant loggedInAt)
        implements AuthenticatedPrincipal, Serializable {

    @Override
    public String getName() {
        return email;
    }
}
