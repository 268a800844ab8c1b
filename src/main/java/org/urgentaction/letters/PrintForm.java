package org.urgentaction.letters;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The letters as the supporter left them, possibly edited, to print one per page. Letter i goes to
 * recipient {@code to[i]} with text {@code body[i]}.
 */
record PrintForm(@NotNull Long template, @Size(max = 100) String name, @Size(max = 100) String town,
                 Paper paper, @NotEmpty @Size(max = 50) List<String> to,
                 @NotEmpty @Size(max = 50) List<@Size(max = 20_000) String> body) {

    enum Paper {
        A4, LETTER
    }

    PrintForm {
        paper = paper == null ? Paper.A4 : paper;
    }

    Supporter supporter() {
        return new Supporter(name, town);
    }
}
