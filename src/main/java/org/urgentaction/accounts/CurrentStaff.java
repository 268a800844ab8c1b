package org.urgentaction.accounts;

import java.util.Arrays;
import java.util.Optional;

import org.springframework.modulith.NamedInterface;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The logged-in staff member, for the admin layout: {@code ${currentStaff.email}}. */
@NamedInterface("api")
public record CurrentStaff(String email, Role role) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean canEdit() {
        return role == Role.ADMIN || role == Role.EDITOR;
    }

    public boolean seesCounts() {
        return role == Role.ADMIN || role == Role.ORGANISER;
    }

    /** The staff member behind a login; empty for anonymous visitors or unknown roles. */
    public static Optional<CurrentStaff> of(Authentication authentication) {
        if (authentication == null
                || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        return authentication.getAuthorities().stream()
                .map(a -> a.getAuthority().replaceFirst("^ROLE_", ""))
                .filter(name ->
                        Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(name)))
                .map(Role::valueOf)
                .findFirst()
                .map(role -> new CurrentStaff(authentication.getName(), role));
    }

    @ControllerAdvice
    static class Advice {

        @ModelAttribute("currentStaff")
        CurrentStaff currentStaff() {
            return of(SecurityContextHolder.getContext().getAuthentication()).orElse(null);
        }
    }
}
