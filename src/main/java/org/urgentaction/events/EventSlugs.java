package org.urgentaction.events;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;

/** URL-safe names for events: the day, then the title ("2017-12-10-human-rights-day-2017-free-all…"). */
final class EventSlugs {

    private static final int MAX_LENGTH = 80;

    private EventSlugs() {}

    static String of(LocalDate day, String title) {
        String ascii =
                Normalizer.normalize(day + " " + title, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug;
    }
}
