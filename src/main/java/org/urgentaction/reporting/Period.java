package org.urgentaction.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Stream;

/**
 * A range of days, both included, counted in UTC so every organiser and export sees the same days.
 */
public record Period(LocalDate from, LocalDate to) {

    /** Longer ranges are refused: a chart of them would say nothing. */
    static final int MAX_DAYS = 3_700;

    public Period {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("The period starts after it ends");
        }
    }

    /** The given days, or the last 30 days up to today. */
    static Period of(LocalDate from, LocalDate to, LocalDate today) {
        LocalDate end = to != null ? to : today;
        LocalDate start = from != null ? from : end.minusDays(29);
        if (start.isAfter(end)) {
            LocalDate swap = start;
            start = end;
            end = swap;
        }
        if (start.plusDays(MAX_DAYS).isBefore(end)) {
            start = end.minusDays(MAX_DAYS);
        }
        return new Period(start, end);
    }

    Instant start() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Exclusive. */
    Instant end() {
        return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    Stream<LocalDate> days() {
        return from.datesUntil(to.plusDays(1));
    }
}
