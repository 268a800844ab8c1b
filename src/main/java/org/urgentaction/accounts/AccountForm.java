package org.urgentaction.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.urgentaction.web.EmailAddress;

/** A staff account as an administrator edits it. */
record AccountForm(
        Long version,
        @NotBlank @EmailAddress String email,
        @NotBlank @Size(max = 200) String displayName,
        @NotNull Role role,
        Boolean enabled) {

    AccountForm {
        enabled = enabled == null || enabled;
    }

    static AccountForm empty() {
        return new AccountForm(null, "", "", Role.EDITOR, true);
    }

    static AccountForm of(StaffAccount account) {
        return new AccountForm(
                account.getVersion(),
                account.getEmail(),
                account.getDisplayName(),
                account.getRole(),
                account.isEnabled());
    }
}
