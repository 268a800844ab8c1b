package org.urgentaction.reporting;

import java.util.Set;

import jakarta.validation.constraints.Size;
import org.springframework.validation.Errors;

/** An appeal's own tally wording; a language left empty uses the organisation's. */
record TallyWordingForm(
        @Size(max = TallyWording.MAX_LENGTH) String wordingEn,
        @Size(max = TallyWording.MAX_LENGTH) String wordingFr) {

    /** An unknown {placeholder} is a mistake staff must see, not text to print to an official. */
    static void checkPlaceholders(String wording, String field, Errors errors) {
        Set<String> unknown = TallyWording.unknownIn(wording);
        if (!unknown.isEmpty()) {
            errors.rejectValue(
                    field, "tally.wording.unknown", new Object[] {String.join(", ", unknown)}, "Unknown placeholder");
        }
    }
}
