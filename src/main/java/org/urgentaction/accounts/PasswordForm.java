package org.urgentaction.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A staff member replaces their password: the present one, the new one twice. */
record PasswordForm(
        @NotBlank @Size(max = 200) String currentPassword,
        @NotBlank @Size(max = 200) String newPassword,
        @Size(max = 200) String repeatPassword) {

    static PasswordForm empty() {
        return new PasswordForm("", "", "");
    }
}
