package org.urgentaction.reporting;

import java.util.Locale;

/** The languages a tally letter is written in: the official's preferred one if it is here, else English. */
enum TallyLanguage {
    EN(Locale.UK),
    FR(Locale.FRANCE);

    private final Locale locale;

    TallyLanguage(Locale locale) {
        this.locale = locale;
    }

    Locale locale() {
        return locale;
    }

    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @param preferred a language tag such as "fr" or "fr-CH", or null */
    static TallyLanguage of(String preferred) {
        return preferred != null && preferred.toLowerCase(Locale.ROOT).matches("fr([-_].*)?") ? FR : EN;
    }
}
