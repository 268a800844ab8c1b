package org.urgentaction.letters;

import java.util.List;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The composer's choices: the template alone in a link, everything with POST (the name and town
 * stay out of URLs).
 *
 * @param template the letter template to use; empty for the appeal's default
 * @param to       recipient keys ("t12", "p5"), each once
 * @param country  the supporter's country, which picks the embassy to copy; in the URL, never a cookie
 */
record ComposeForm(
        Long template,
        @Size(max = 50) List<String> to,
        @Size(max = 100) String name,
        @Size(max = 100) String town,
        @Pattern(regexp = "[A-Z]{2}") String country) {

    ComposeForm {
        to = to == null ? List.of() : to.stream().distinct().toList();
        // The page sends an empty country when the supporter has not said: that is no country.
        country = org.urgentaction.web.Text.blankToNull(country);
    }

    /** Only a letter and the supporter's country chosen, nothing signed or addressed yet. */
    static ComposeForm choosing(Long template, String country) {
        return new ComposeForm(template, null, null, null, country);
    }

    ComposeForm addressedTo(List<String> keys) {
        return new ComposeForm(template, keys, name, town, country);
    }

    Supporter supporter() {
        return new Supporter(name, town);
    }
}
