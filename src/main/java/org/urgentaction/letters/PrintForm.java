package org.urgentaction.letters;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The letters as the supporter left them, possibly edited, to print one per page. Sent as
 * {@code letters[i].to} and {@code letters[i].body}: indexed, because a single plain list value
 * would be split at its commas.
 */
record PrintForm(
        @NotNull Long template,
        @Size(max = 100) String name,
        @Size(max = 100) String town,
        Paper paper,
        @NotEmpty @Size(max = 50) List<@NotNull @Valid EditedLetter> letters) { // letters[3] alone leaves 0-2 null

    enum Paper {
        A4,
        LETTER
    }

    /** @param to the recipient's key ("t12", "p5") */
    record EditedLetter(
            @NotBlank String to,
            @NotNull @Size(max = 20_000) String body) {}

    PrintForm {
        paper = paper == null ? Paper.A4 : paper;
        letters = letters == null ? List.of() : letters;
    }

    Supporter supporter() {
        return new Supporter(name, town);
    }
}
