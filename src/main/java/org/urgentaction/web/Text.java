package org.urgentaction.web;

import org.springframework.modulith.NamedInterface;

/** Small text rules that forms and queries share. */
@NamedInterface("api")
public final class Text {

    private Text() {}

    /** What a person typed, trimmed; nothing typed is null. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A LIKE pattern matching text that contains the query literally (%, _ and \ lose their meaning). */
    public static String likeContaining(String query) {
        String literal = query == null
                ? ""
                : query.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + literal + "%";
    }
}
