package org.urgentaction.actions;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import static org.urgentaction.web.Text.blankToNull;

/**
 * The report form. The submission token is issued with the form, so every resubmission of the same
 * form carries it and is counted once.
 */
record ActionReportForm(
        @NotNull UUID submissionToken,
        @NotNull ActionKind kind,
        @NotNull @Min(1) @Max(ActionReport.MAX_QUANTITY) Integer quantity,
        @Size(max = 50) List<Long> targetIds,
        @Pattern(regexp = "[A-Z]{2}") String country,
        Boolean consent,
        @Size(max = 200) String name,
        @Email @Size(max = 254) String email) {

    ActionReportForm {
        targetIds = targetIds == null ? List.of() : targetIds;
        consent = Boolean.TRUE.equals(consent);
        country = blankToNull(country);
        name = blankToNull(name);
        email = blankToNull(email);
    }

    static ActionReportForm blank(ActionKind kind, List<Long> targetIds) {
        return new ActionReportForm(UUID.randomUUID(), kind, 1, targetIds, null, false, null, null);
    }

    /** Name and e-mail are optional, and kept only if the supporter ticks the consent box. */
    @AssertTrue
    public boolean isContactConsented() {
        return consent || (name == null && email == null);
    }

    ActionReport.Contact contact() {
        return new ActionReport.Contact(name, email, consent);
    }
}
