package org.urgentaction.letters;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {placeholders} a letter template may use, and their substitution. A line made only of
 * placeholders that all came out empty is dropped, so a missing town leaves no blank line.
 */
public final class Placeholders {

    public static final String SALUTATION = "salutation";
    public static final String SUPPORTER_NAME = "supporter_name";
    public static final String SUPPORTER_TOWN = "supporter_town";
    public static final String DATE = "date";
    public static final String RECIPIENT_NAME = "recipient_name";
    public static final String RECIPIENT_TITLE = "recipient_title";
    /** The official's social media handle, for posts: "@handle". */
    public static final String RECIPIENT_HANDLE = "recipient_handle";

    public static final Set<String> KNOWN =
            Set.of(SALUTATION, SUPPORTER_NAME, SUPPORTER_TOWN, DATE, RECIPIENT_NAME, RECIPIENT_TITLE, RECIPIENT_HANDLE);

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z_]+)}");

    private Placeholders() {}

    public static Set<String> unknownIn(String text) {
        Set<String> unknown = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text == null ? "" : text);
        while (matcher.find()) {
            if (!KNOWN.contains(matcher.group(1))) {
                unknown.add(matcher.group(1));
            }
        }
        return unknown;
    }

    static String fill(String text, Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\\R", -1)) {
            Matcher matcher = PLACEHOLDER.matcher(line);
            boolean hadPlaceholder = false;
            StringBuilder filled = new StringBuilder();
            while (matcher.find()) {
                hadPlaceholder = true;
                String value = values.get(matcher.group(1));
                matcher.appendReplacement(filled, Matcher.quoteReplacement(value != null ? value : matcher.group()));
            }
            matcher.appendTail(filled);
            boolean onlyPlaceholders =
                    hadPlaceholder && PLACEHOLDER.matcher(line).replaceAll("").isBlank();
            if (onlyPlaceholders && filled.toString().isBlank()) {
                continue;
            }
            out.append(filled).append('\n');
        }
        return out.length() == 0 ? "" : out.substring(0, out.length() - 1);
    }
}
