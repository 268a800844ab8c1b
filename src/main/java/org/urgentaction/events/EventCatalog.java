package org.urgentaction.events;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.urgentaction.appeals.AppealEvents;
import org.urgentaction.appeals.AppealNames;
import org.urgentaction.appeals.AppealNames.AppealName;
import org.urgentaction.targets.AddressFormat;

/** What supporters see of events: published ones only, never drafts. Also the events on an appeal's page. */
@Service
@Transactional(readOnly = true)
class EventCatalog implements AppealEvents {

    /** An event in a list: {@code past} once it has ended. */
    public record EventCard(
            String slug,
            String title,
            EventKind kind,
            LocalDateTime startsAt,
            LocalDateTime endsAt,
            String timeZone,
            String venue,
            String city,
            boolean past) {}

    /** Everything an event's page shows. */
    public record EventPage(
            long id,
            String slug,
            String title,
            EventKind kind,
            String description,
            String venue,
            List<String> address,
            String directions,
            LocalDateTime startsAt,
            LocalDateTime endsAt,
            String timeZone,
            String organiser,
            List<AppealName> appeals,
            boolean past) {}

    private final EventRepository events;
    private final AppealNames appeals;
    private final Clock clock;

    EventCatalog(EventRepository events, AppealNames appeals, Clock clock) {
        this.events = events;
        this.appeals = appeals;
        this.clock = clock;
    }

    /** Upcoming (and ongoing) events first, the soonest first; then past ones, the most recent first. */
    List<EventCard> list() {
        return ordered(events.findByStatus(EventStatus.PUBLISHED).stream());
    }

    Optional<EventPage> findPublic(String slug) {
        return findPublished(slug).map(this::page);
    }

    /** The published event itself, for its calendar file. */
    Optional<Event> findPublished(String slug) {
        return events.findBySlug(slug).filter(Event::isPublished);
    }

    @Override
    public List<Listed> publicEventsOf(long appealId) {
        return ordered(events.findByStatus(EventStatus.PUBLISHED).stream()
                        .filter(e -> e.getAppealIds().contains(appealId)))
                .stream()
                .map(c -> new Listed(
                        c.slug(),
                        c.title(),
                        c.kind().name(),
                        c.startsAt(),
                        c.endsAt(),
                        c.timeZone(),
                        c.venue(),
                        c.city(),
                        c.past()))
                .toList();
    }

    private List<EventCard> ordered(Stream<Event> published) {
        Instant now = clock.instant();
        Comparator<Event> byStart = Comparator.comparing(e -> e.start().toInstant());
        List<Event> all = published.toList();
        List<Event> upcoming =
                all.stream().filter(e -> !e.isPastAt(now)).sorted(byStart).toList();
        List<Event> past = all.stream()
                .filter(e -> e.isPastAt(now))
                .sorted(byStart.reversed())
                .toList();
        return Stream.concat(upcoming.stream(), past.stream())
                .map(e -> new EventCard(
                        e.getSlug(),
                        e.getTitle(),
                        e.getKind(),
                        e.getStartsAt(),
                        e.getEndsAt(),
                        e.getTimeZone(),
                        e.getVenue(),
                        e.getAddress().getCity(),
                        e.isPastAt(now)))
                .toList();
    }

    private EventPage page(Event event) {
        var names = appeals.of(event.getAppealIds());
        List<AppealName> linked = event.getAppealIds().stream()
                .map(names::get)
                .filter(a -> a != null && a.isPublic())
                .toList();
        return new EventPage(
                event.getId(),
                event.getSlug(),
                event.getTitle(),
                event.getKind(),
                event.getDescription(),
                event.getVenue(),
                AddressFormat.lines(event.getAddress()),
                event.getDirections(),
                event.getStartsAt(),
                event.getEndsAt(),
                event.getTimeZone(),
                event.getOrganiser(),
                linked,
                event.isPastAt(clock.instant()));
    }
}
