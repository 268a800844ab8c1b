package org.urgentaction.accounts;

import java.time.Clock;
import java.time.Instant;

import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff log in with their e-mail (already normalised by {@link LoginName}) and password, checked
 * by Spring's {@link DaoAuthenticationProvider}; the result is a {@link StaffAuthentication} that
 * says which login step, if any, is still to do. The only authentication the app has.
 */
@Component
class StaffAuthenticationProvider implements AuthenticationProvider {

    private final StaffAccountRepository accounts;
    private final SecurityPolicies policies;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final DaoAuthenticationProvider passwords;

    StaffAuthenticationProvider(
            StaffAccountRepository accounts,
            SecurityPolicies policies,
            PasswordEncoder encoder,
            Clock clock,
            TransactionTemplate transaction) {
        this.accounts = accounts;
        this.policies = policies;
        this.clock = clock;
        this.transaction = transaction;
        this.passwords = new DaoAuthenticationProvider(this::userDetails);
        this.passwords.setPasswordEncoder(encoder);
    }

    @Override
    public Authentication authenticate(Authentication login) {
        try {
            passwords.authenticate(login);
        } catch (IllegalArgumentException tooLong) {
            // bcrypt refuses passwords over 72 bytes: no account has one, so it is simply wrong.
            throw new BadCredentialsException("Bad credentials");
        }
        try {
            return transaction.execute(status -> {
                StaffAccount account =
                        accounts.findByEmail(login.getName()).orElseThrow(() -> new BadCredentialsException("Gone"));
                StaffPrincipal principal = new StaffPrincipal(account.getId(), account.getEmail(), clock.instant());
                return new StaffAuthentication(
                        principal, account.getRole(), LoginStep.next(account, policies.current(), false), false);
            });
        } catch (DataAccessException failure) {
            // Reaches the failure handler, which counts it, instead of a 500.
            throw new InternalAuthenticationServiceException("Could not read the account", failure);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private UserDetails userDetails(String email) {
        Instant now = clock.instant();
        return transaction.execute(status -> {
            StaffAccount account =
                    accounts.findByEmail(email).orElseThrow(() -> new UsernameNotFoundException("No staff account"));
            return User.withUsername(account.getEmail())
                    .password(account.getPasswordHash())
                    .disabled(!account.isEnabled())
                    .credentialsExpired(account.passwordExpired(now))
                    .authorities(new SimpleGrantedAuthority(account.getRole().authority()))
                    .build();
        });
    }
}
