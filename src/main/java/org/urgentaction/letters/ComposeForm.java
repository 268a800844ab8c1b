package org.urgentaction.letters;

import java.util.List;

import jakarta.validation.constraints.Size;

/**
 * The composer's choices: the template alone in a link, everything with POST (the name and town
 * stay out of URLs).
 *
 * @param template the letter template to use; empty for the appeal's default
 * @param to       recipient keys ("t12", "p5")
 */
record ComposeForm(
        Long template,
        @Size(max = 50) List<String> to,
        @Size(max = 100) String name,
        @Size(max = 100) String town) {

    ComposeForm {
        to = to == null ? List.of() : to;
    }

    /** Only a letter chosen, nothing signed or addressed yet. */
    static ComposeForm choosing(Long template) {
        return new ComposeForm(template, null, null, null);
    }

    Supporter supporter() {
        return new Supporter(name, town);
    }
}
