package org.urgentaction.events;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.modulith.NamedInterface;

import org.urgentaction.targets.PostalAddress;
import org.urgentaction.web.Countries;

import static org.urgentaction.web.Text.blankToNull;

/**
 * An event as staff edit it: start and end are the times at the venue, in {@code timeZone} (an IANA
 * name such as Europe/London); {@code appealIds} the appeals it is held for, in order.
 * {@code version} is the one the form was loaded with.
 */
@NamedInterface("api")
public record EventForm(
        Long version,
        @NotNull EventKind kind,
        @NotBlank @Size(max = 300) String title,
        @Size(max = 20_000) String description,
        @Size(max = 300) String venue,
        @Size(max = 1_000) String addressLines,
        @Size(max = 200) String city,
        @Size(max = 200) String region,
        @Size(max = 20) String postcode,
        String country,
        @Size(max = 2_000) String directions,

        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        LocalDateTime startsAt,

        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        LocalDateTime endsAt,

        @NotBlank @Size(max = 64) String timeZone,
        @Size(max = 300) String organiser,
        @Size(max = 20) List<Long> appealIds) {

    public EventForm {
        appealIds = appealIds == null
                ? List.of()
                : appealIds.stream().filter(Objects::nonNull).distinct().toList();
    }

    static EventForm empty() {
        return new EventForm(
                null,
                EventKind.PROTEST,
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                null,
                null,
                "Europe/London",
                "",
                List.of());
    }

    /** An IANA name the JDK knows ("Europe/London"); a missing one is reported as missing. */
    @AssertTrue
    public boolean isTimeZoneKnown() {
        return timeZone == null
                || timeZone.isBlank()
                || (ZoneId.getAvailableZoneIds().contains(timeZone.strip())
                        && EventCalendar.knowsZone(timeZone.strip()));
    }

    @AssertTrue
    public boolean isEndAfterStart() {
        return startsAt == null || endsAt == null || endsAt.isAfter(startsAt);
    }

    /** A year typed as 0001 or 9999 is a slip of the keyboard, and its page would say so publicly. */
    @AssertTrue
    public boolean isInOurTimes() {
        return (startsAt == null || (startsAt.getYear() >= 1961 && startsAt.getYear() <= 2200))
                && (endsAt == null || (endsAt.getYear() >= 1961 && endsAt.getYear() <= 2200));
    }

    /** An ISO 3166 code, or none. */
    @AssertTrue
    public boolean isCountryKnown() {
        return blankToNull(country) == null || Countries.isKnown(country.strip().toUpperCase());
    }

    /** The same event, held for these appeals. */
    public EventForm heldFor(List<Long> appeals) {
        return new EventForm(
                version,
                kind,
                title,
                description,
                venue,
                addressLines,
                city,
                region,
                postcode,
                country,
                directions,
                startsAt,
                endsAt,
                timeZone,
                organiser,
                appeals);
    }

    static EventForm of(Event event) {
        PostalAddress address = event.getAddress();
        return new EventForm(
                event.getVersion(),
                event.getKind(),
                event.getTitle(),
                event.getDescription(),
                event.getVenue(),
                address.getLines(),
                address.getCity(),
                address.getRegion(),
                address.getPostcode(),
                address.getCountry(),
                event.getDirections(),
                event.getStartsAt(),
                event.getEndsAt(),
                event.getTimeZone(),
                event.getOrganiser(),
                event.getAppealIds());
    }

    Event toEvent() {
        return applyTo(new Event(kind, title, startsAt, endsAt, timeZone));
    }

    Event applyTo(Event event) {
        return event.describe(kind, title, blankToNull(description), blankToNull(organiser))
                .at(
                        blankToNull(venue),
                        new PostalAddress(addressLines, city, region, postcode, country),
                        blankToNull(directions))
                .when(startsAt, endsAt, timeZone)
                .heldFor(appealIds);
    }
}
