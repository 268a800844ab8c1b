package org.urgentaction.web;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/** Dates, numbers, countries and languages in the visitor's locale, for templates: {@code ${@fmt.date(d)}}. */
@NamedInterface("api")
@Component("fmt")
public class Formats {

    public String date(LocalDate date) {
        return date == null
                ? ""
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                        .withLocale(locale())
                        .format(date);
    }

    /** A date as far as it is known: "3 May 2005", "December 2014", "2014". */
    public String asKnown(PartialDate date) {
        return date == null ? "" : date.format(locale());
    }

    /** Day and month only, for birthdays. */
    public String dayAndMonth(LocalDate date) {
        return date == null
                ? ""
                : DateTimeFormatter.ofPattern("d MMMM", locale()).format(date);
    }

    /** A moment, to the minute, in UTC (staff work across time zones). */
    public String instant(java.time.Instant instant) {
        return instant == null
                ? ""
                : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                        .withZone(java.time.ZoneOffset.UTC)
                        .format(instant);
    }

    public String number(long number) {
        return NumberFormat.getIntegerInstance(locale()).format(number);
    }

    public String country(String code) {
        return code == null || code.isBlank() ? "" : Locale.of("", code).getDisplayCountry(locale());
    }

    public String language(String tag) {
        return tag == null || tag.isBlank() ? "" : Locale.forLanguageTag(tag).getDisplayLanguage(locale());
    }

    /** The days of the week, Monday first (ISO). */
    public java.util.List<java.time.DayOfWeek> weekdays() {
        return java.util.List.of(java.time.DayOfWeek.values());
    }

    public String day(java.time.DayOfWeek day) {
        return day.getDisplayName(java.time.format.TextStyle.FULL, locale());
    }

    /** A time of day, as the visitor's locale writes it ("3:05 AM", "03:05"). */
    public String time(java.time.temporal.TemporalAccessor time) {
        return time == null
                ? ""
                : DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                        .withLocale(locale())
                        .format(time);
    }

    /** A tel: link for a phone number, dialled from anywhere; null (no link) when it cannot be read. */
    public String tel(String number, String country) {
        String e164 = PhoneNumbers.e164(number, country);
        return e164 == null ? null : "tel:" + e164;
    }

    /** A phone or fax number in international format. */
    public String phone(String number, String country) {
        return PhoneNumbers.international(number, country);
    }

    /**
     * When an event is on, in the times at its venue: "Sunday 10 December 2017, 11 am – 1 pm" in
     * English, the locale's full date and short times otherwise; the date again when it ends on
     * another day.
     */
    public String eventTimes(java.time.LocalDateTime start, java.time.LocalDateTime end) {
        if (start == null) {
            return "";
        }
        String from = longDay(start.toLocalDate()) + ", " + clock(start.toLocalTime());
        if (end == null) {
            return from;
        }
        String until = end.toLocalDate().equals(start.toLocalDate())
                ? clock(end.toLocalTime())
                : longDay(end.toLocalDate()) + ", " + clock(end.toLocalTime());
        return from + " – " + until;
    }

    /** The name of an event's time zone at that moment ("Greenwich Mean Time"), and its IANA id. */
    public String zoneName(java.time.LocalDateTime at, String zoneId) {
        if (at == null || zoneId == null) {
            return "";
        }
        java.time.ZonedDateTime there = at.atZone(java.time.ZoneId.of(zoneId));
        return DateTimeFormatter.ofPattern("zzzz", locale()).format(there) + " (" + zoneId + ")";
    }

    private static String longDay(LocalDate day) {
        Locale locale = locale();
        return "en".equals(locale.getLanguage())
                ? DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale).format(day)
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL)
                        .withLocale(locale)
                        .format(day);
    }

    /** "11 am", "7:30 pm" in English; the locale's short time otherwise. */
    private static String clock(java.time.LocalTime time) {
        Locale locale = locale();
        if (!"en".equals(locale.getLanguage())) {
            return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                    .withLocale(locale)
                    .format(time);
        }
        int hour = time.getHour() % 12 == 0 ? 12 : time.getHour() % 12;
        String minutes = time.getMinute() == 0 ? "" : String.format(":%02d", time.getMinute());
        return hour + minutes + (time.getHour() < 12 ? " am" : " pm");
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
