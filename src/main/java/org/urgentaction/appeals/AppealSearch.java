package org.urgentaction.appeals;

import static org.urgentaction.web.Text.blankToNull;

/**
 * What a visitor asked the appeal list for. Blank values mean "any".
 *
 * @param query   words to find in reference, title, summary and people's names
 * @param country ISO 3166-1 alpha-2
 * @param theme   one theme, as the appeals spell it
 */
public record AppealSearch(String query, String country, String theme) {

    public AppealSearch {
        query = blankToNull(query);
        country = blankToNull(country);
        theme = blankToNull(theme);
    }

    public boolean isFiltered() {
        return query != null || country != null || theme != null;
    }
}
