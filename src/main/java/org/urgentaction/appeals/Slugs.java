package org.urgentaction.appeals;

import java.text.Normalizer;
import java.util.Locale;

/** URL-safe names for appeals: "UA 44.22 Two activists…" becomes "ua-44-22-two-activists…". */
final class Slugs {

    private static final int MAX_LENGTH = 80;

    private Slugs() {}

    static String of(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "appeal" : slug;
    }
}
