package org.urgentaction.targets;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OfficeHoursTests {

    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private final OfficeHours beijing =
            new OfficeHours("Asia/Shanghai", LocalTime.of(9, 0), LocalTime.of(17, 0), WEEKDAYS);

    @Test
    void itIsThreeInTheMorningInBeijingWhenLondonEatsItsSupper() {
        Instant londonEvening = Instant.parse("2026-12-03T19:00:00Z"); // Friday 03:00 in Beijing

        assertThat(beijing.localTime(londonEvening).toLocalTime()).isEqualTo(LocalTime.of(3, 0));
        assertThat(beijing.localTime(londonEvening).getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(beijing.isOpenAt(londonEvening)).isFalse();
        assertThat(beijing.isOpenAt(Instant.parse("2026-12-04T02:00:00Z"))).isTrue(); // Friday 10:00
        assertThat(beijing.isOpenAt(Instant.parse("2026-12-04T09:00:00Z"))).isFalse(); // Friday 17:00, closing
        assertThat(beijing.isOpenAt(Instant.parse("2026-12-05T02:00:00Z"))).isFalse(); // Saturday 10:00
    }

    @Test
    void aTimeZoneAloneTellsTheTimeButNotWhetherTheOfficeIsOpen() {
        OfficeHours zoneOnly = new OfficeHours("Europe/Zurich", null, null, null);

        assertThat(zoneOnly.localTime(Instant.parse("2026-12-03T19:00:00Z")).toLocalTime())
                .isEqualTo(LocalTime.of(20, 0));
        assertThat(zoneOnly.isOpenAt(Instant.parse("2026-12-03T19:00:00Z"))).isNull();
        assertThat(new OfficeHours(null, null, null, null).localTime(Instant.now()))
                .isNull();
    }

    @Test
    void daysAreKeptInWeekOrderAndZonesMustBeKnown() {
        OfficeHours gulf = new OfficeHours(
                "Asia/Riyadh",
                LocalTime.of(8, 0),
                LocalTime.of(15, 0),
                Set.of(DayOfWeek.THURSDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY));

        assertThat(gulf.getDays()).containsExactly(DayOfWeek.MONDAY, DayOfWeek.THURSDAY, DayOfWeek.SUNDAY);
        assertThat(OfficeHours.isKnownZone("Asia/Shanghai")).isTrue();
        assertThat(OfficeHours.isKnownZone("")).isTrue();
        assertThat(OfficeHours.isKnownZone("Mars/Olympus_Mons")).isFalse();
        assertThat(OfficeHours.isKnownZone("../../etc/passwd")).isFalse();
    }
}
