package org.urgentaction.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.springframework.modulith.NamedInterface;

/**
 * A date as far as a document gives it: the day ("3 May 2005"), the month only ("December 2014")
 * or the year only ("2014"). Kept as its first day and how much of it is known, written as ISO 8601
 * writes it ("2005-05-03", "2014-12", "2014"), which is also what staff type and HTML's
 * {@code datetime} takes.
 */
@NamedInterface("api")
public record PartialDate(LocalDate date, Precision precision) {

    public enum Precision {
        DAY,
        MONTH,
        YEAR
    }

    private static final Pattern ISO = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    public PartialDate {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(precision, "precision");
        date = switch (precision) {
            case DAY -> date;
            case MONTH -> date.withDayOfMonth(1);
            case YEAR -> date.withDayOfYear(1);
        };
    }

    public static PartialDate day(LocalDate date) {
        return date == null ? null : new PartialDate(date, Precision.DAY);
    }

    /** The date kept with its precision; null when there is no date. */
    public static PartialDate of(LocalDate date, Precision precision) {
        return date == null ? null : new PartialDate(date, precision == null ? Precision.DAY : precision);
    }

    /**
     * "2005-05-03", "2014-12" or "2014"; blank is none.
     *
     * @throws IllegalArgumentException for anything else, or a day or month that does not exist
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static PartialDate parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher iso = ISO.matcher(text.strip());
        if (!iso.matches()) {
            throw new IllegalArgumentException("Not a date as YYYY-MM-DD, YYYY-MM or YYYY: " + text);
        }
        try {
            int year = Integer.parseInt(iso.group(1));
            if (iso.group(2) == null) {
                return new PartialDate(LocalDate.of(year, 1, 1), Precision.YEAR);
            }
            int month = Integer.parseInt(iso.group(2));
            if (iso.group(3) == null) {
                return new PartialDate(LocalDate.of(year, month, 1), Precision.MONTH);
            }
            return new PartialDate(LocalDate.of(year, month, Integer.parseInt(iso.group(3))), Precision.DAY);
        } catch (DateTimeException noSuchDay) {
            throw new IllegalArgumentException("No such date: " + text, noSuchDay);
        }
    }

    /** "3 May 2005", "December 2014", "2014", as the locale writes each. */
    public String format(Locale locale) {
        DateTimeFormatter format = switch (precision) {
            case DAY -> DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG);
            case MONTH -> DateTimeFormatter.ofLocalizedPattern("yMMMM");
            case YEAR -> DateTimeFormatter.ofLocalizedPattern("y");
        };
        return format.withLocale(locale).format(date);
    }

    /** ISO 8601 to the precision known: "2005-05-03", "2014-12", "2014". */
    @Override
    public String toString() {
        return switch (precision) {
            case DAY -> date.toString();
            case MONTH -> date.toString().substring(0, 7);
            case YEAR -> date.toString().substring(0, 4);
        };
    }
}
