package org.urgentaction.accounts;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The logged-in staff member, for the admin layout: {@code ${currentStaff.email}}. */
public record CurrentStaff(String email, Role role) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean canEdit() {
        return role == Role.ADMIN || role == Role.EDITOR;
    }

    @ControllerAdvice
    static class Advice {

        @ModelAttribute("currentStaff")
        CurrentStaff currentStaff() {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                    || !authentication.isAuthenticated()) {
                return null;
            }
            Role role = authentication.getAuthorities().stream()
                    .map(a -> a.getAuthority().replaceFirst("^ROLE_", ""))
                    .filter(name -> java.util.Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(name)))
                    .map(Role::valueOf).findFirst().orElse(null);
            return role == null ? null : new CurrentStaff(authentication.getName(), role);
        }
    }
}
