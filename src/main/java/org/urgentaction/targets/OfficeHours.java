package org.urgentaction.targets;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.springframework.modulith.NamedInterface;

/**
 * When a target's office answers the phone, in the target's own time zone, so a supporter in
 * London knows that it is 3 am in Beijing. Every part is optional: a time zone alone still tells
 * the supporter the time there.
 */
@NamedInterface("api")
@Embeddable
public class OfficeHours {

    /** IANA name: "Asia/Shanghai". */
    @Column(name = "time_zone")
    private String timeZone;

    @Column(name = "office_opens")
    private LocalTime opens;

    @Column(name = "office_closes")
    private LocalTime closes;

    /** ISO day names, comma-separated: "MONDAY,TUESDAY". */
    @Column(name = "office_days")
    private String days;

    protected OfficeHours() {}

    public OfficeHours(String timeZone, LocalTime opens, LocalTime closes, Set<DayOfWeek> days) {
        this.timeZone = timeZone == null || timeZone.isBlank()
                ? null
                : ZoneId.of(timeZone.strip()).getId();
        this.opens = opens;
        this.closes = closes;
        this.days = days == null || days.isEmpty()
                ? null
                : EnumSet.copyOf(days).stream().map(DayOfWeek::name).collect(Collectors.joining(","));
    }

    /** Whether the name is one the JDK's time-zone database knows ("Asia/Shanghai"; "Mars/Base" is not). */
    public static boolean isKnownZone(String timeZone) {
        return timeZone == null
                || timeZone.isBlank()
                || ZoneId.getAvailableZoneIds().contains(timeZone.strip());
    }

    public boolean hasZone() {
        return timeZone != null;
    }

    public boolean hasHours() {
        return opens != null && closes != null;
    }

    /** The time at the target now; null without a time zone. */
    public ZonedDateTime localTime(Instant now) {
        return timeZone == null ? null : now.atZone(ZoneId.of(timeZone));
    }

    /** Whether the office is open at that moment; null when staff gave no hours or no time zone. */
    public Boolean isOpenAt(Instant now) {
        if (!hasZone() || !hasHours()) {
            return null;
        }
        ZonedDateTime there = localTime(now);
        LocalTime time = there.toLocalTime();
        boolean onADay = getDays().isEmpty() || getDays().contains(there.getDayOfWeek());
        return onADay && !time.isBefore(opens) && time.isBefore(closes);
    }

    public String getTimeZone() {
        return timeZone;
    }

    public LocalTime getOpens() {
        return opens;
    }

    public LocalTime getCloses() {
        return closes;
    }

    /** The days the office opens; empty when staff did not say. */
    public Set<DayOfWeek> getDays() {
        return days == null
                ? EnumSet.noneOf(DayOfWeek.class)
                : Arrays.stream(days.split(","))
                        .map(DayOfWeek::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
    }
}
