package org.urgentaction.reporting;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wording of a tally letter, as staff write it, with {placeholders} for the figures. Values are
 * put in as plain text in one pass, so a value that looks like a placeholder stays as it is.
 */
final class TallyWording {

    static final String OFFICIAL = "official";
    static final String COUNT = "count";
    static final String TOTAL = "total";
    static final String COUNTRIES = "countries";
    static final String DATE = "date";
    static final String KINDS = "kinds";
    static final String REFERENCE = "reference";
    static final String PEOPLE = "people";

    /** In the order the settings page explains them. */
    static final List<String> KNOWN = List.of(OFFICIAL, COUNT, TOTAL, COUNTRIES, KINDS, DATE, REFERENCE, PEOPLE);

    static final int MAX_LENGTH = 5_000;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_]+)}");

    private TallyWording() {}

    static Set<String> unknownIn(String wording) {
        Set<String> unknown = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(wording == null ? "" : wording);
        while (matcher.find()) {
            if (!KNOWN.contains(matcher.group(1))) {
                unknown.add("{" + matcher.group(1) + "}");
            }
        }
        return unknown;
    }

    /** The paragraphs (separated by blank lines), placeholders filled in. */
    static List<String> fill(String wording, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(wording.replace("\r\n", "\n"));
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value != null ? value : matcher.group()));
        }
        matcher.appendTail(filled);
        List<String> paragraphs = new ArrayList<>();
        for (String paragraph : filled.toString().split("\n\\s*\n")) {
            if (!paragraph.isBlank()) {
                paragraphs.add(paragraph.strip());
            }
        }
        return paragraphs;
    }
}
