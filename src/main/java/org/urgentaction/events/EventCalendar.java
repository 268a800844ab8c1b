package org.urgentaction.events;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import org.springframework.stereotype.Component;

import org.urgentaction.targets.AddressFormat;

/**
 * An event as an iCalendar file (RFC 5545), built and written by ical4j: one VEVENT whose start and
 * end carry the event's time zone (TZID) and the VTIMEZONE that defines it, so a calendar anywhere
 * shows it at the right hour; SEQUENCE is the event's version, so an import after an edit updates it.
 */
@Component
class EventCalendar {

    private static final String PRODUCT = "-//Urgent Action//Events//EN";

    private static final TimeZoneRegistry ZONES =
            TimeZoneRegistryFactory.getInstance().createRegistry();

    /**
     * Whether the calendar library has this zone's rules: the JDK knows a few it does not
     * (America/Coyhaique, SystemV/*), and a calendar file without its VTIMEZONE is no use.
     */
    static boolean knowsZone(String zoneId) {
        try {
            return ZONES.getTimeZone(zoneId) != null;
        } catch (RuntimeException unknownToTheLibrary) {
            return false;
        }
    }

    /**
     * @param page the event's public page, its URL
     * @param host names the site in the UID, which must stay the same for every download of one event
     */
    String of(Event event, URI page, String host) {
        TimeZone zone = ZONES.getTimeZone(event.getTimeZone());
        VEvent vevent = new VEvent(event.start(), event.end(), event.getTitle());
        vevent.replace(new Uid("event-" + event.getId() + "@" + host));
        vevent.replace(new DtStamp(event.getUpdatedAt()));
        vevent.add(new Sequence((int) event.getVersion()));
        String location = location(event);
        if (!location.isEmpty()) {
            vevent.add(new Location(location));
        }
        String description = description(event, page);
        vevent.add(new Description(description));
        vevent.add(new Url(page));

        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        if (zone != null) {
            calendar.add(zone.getVTimeZone());
        }
        calendar.add(vevent);
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter().output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("Event " + event.getId() + " makes no valid iCalendar", e);
        }
        return out.toString();
    }

    /** The venue in words, then the address, on one line. */
    private static String location(Event event) {
        List<String> parts = new ArrayList<>();
        if (event.getVenue() != null) {
            parts.add(event.getVenue());
        }
        parts.addAll(AddressFormat.lines(event.getAddress()));
        return String.join(", ", parts);
    }

    private static String description(Event event, URI page) {
        List<String> parts = new ArrayList<>();
        if (event.getDescription() != null) {
            parts.add(event.getDescription());
        }
        if (event.getDirections() != null) {
            parts.add(event.getDirections());
        }
        if (event.getOrganiser() != null) {
            parts.add("Organised by " + event.getOrganiser());
        }
        parts.add(page.toString());
        return String.join("\n\n", parts);
    }
}
