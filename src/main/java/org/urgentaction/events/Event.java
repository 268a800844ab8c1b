package org.urgentaction.events;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;

import org.urgentaction.audit.Versioned;
import org.urgentaction.targets.PostalAddress;

/**
 * A protest, vigil or letter-writing evening. Its start and end are wall-clock times at the venue,
 * read in its IANA time zone: what the organisers announce ("11 am – 1 pm"), kept as they said it.
 */
@Entity
class Event implements Versioned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String slug;

    @Enumerated(EnumType.STRING)
    private EventKind kind;

    @Enumerated(EnumType.STRING)
    private EventStatus status = EventStatus.DRAFT;

    private String title;
    private String description;

    /** Where exactly, in words: "opposite the Chinese Embassy". */
    private String venue;

    @Embedded
    private PostalAddress address;

    private String directions;
    private LocalDateTime startsAt;
    private LocalDateTime endsAt;
    private String timeZone;
    private String organiser;

    @ElementCollection
    @CollectionTable(name = "event_appeal", joinColumns = @JoinColumn(name = "event_id"))
    @OrderColumn(name = "position")
    @Column(name = "appeal_id")
    private List<Long> appealIds = new ArrayList<>();

    @Version
    private long version;

    private Instant createdAt = Instant.now();
    private Instant updatedAt = Instant.now();

    protected Event() {}

    Event(EventKind kind, String title, LocalDateTime startsAt, LocalDateTime endsAt, String timeZone) {
        describe(kind, title, null, null);
        when(startsAt, endsAt, timeZone);
        this.slug = EventSlugs.of(startsAt.toLocalDate(), title);
    }

    Event describe(EventKind kind, String title, String description, String organiser) {
        if (kind == null || title == null || title.isBlank()) {
            throw new IllegalArgumentException("An event needs a kind and a title");
        }
        this.kind = kind;
        this.title = title.strip();
        this.description = description;
        this.organiser = organiser;
        return this;
    }

    Event at(String venue, PostalAddress address, String directions) {
        this.venue = venue;
        this.address = address;
        this.directions = directions;
        return this;
    }

    /** @throws IllegalArgumentException for an end not after the start, or a zone the JDK does not know */
    Event when(LocalDateTime startsAt, LocalDateTime endsAt, String timeZone) {
        if (startsAt == null || endsAt == null || !endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("An event ends after it starts");
        }
        this.timeZone = ZoneId.of(timeZone.strip()).getId();
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        return this;
    }

    /** The appeals it is held for, in this order, each once. */
    Event heldFor(List<Long> appealIds) {
        List<Long> distinct =
                appealIds.stream().filter(Objects::nonNull).distinct().toList();
        if (!distinct.equals(this.appealIds)) {
            this.appealIds.clear();
            this.appealIds.addAll(distinct);
        }
        return this;
    }

    Event publish() {
        status = EventStatus.PUBLISHED;
        return this;
    }

    Event unpublish() {
        status = EventStatus.DRAFT;
        return this;
    }

    void useSlug(String slug) {
        this.slug = slug;
    }

    public boolean isPublished() {
        return status == EventStatus.PUBLISHED;
    }

    ZonedDateTime start() {
        return startsAt.atZone(ZoneId.of(timeZone));
    }

    ZonedDateTime end() {
        return endsAt.atZone(ZoneId.of(timeZone));
    }

    boolean isPastAt(Instant now) {
        return !end().toInstant().isAfter(now);
    }

    @PreUpdate
    void touch() {
        updatedAt = Instant.now();
    }

    @Override
    public Long getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public EventKind getKind() {
        return kind;
    }

    public EventStatus getStatus() {
        return status;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public String getVenue() {
        return venue;
    }

    /** Never null: an event without an address has an empty one. */
    public PostalAddress getAddress() {
        return address == null ? new PostalAddress(null, null, null, null, null) : address;
    }

    public String getDirections() {
        return directions;
    }

    public LocalDateTime getStartsAt() {
        return startsAt;
    }

    public LocalDateTime getEndsAt() {
        return endsAt;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public String getOrganiser() {
        return organiser;
    }

    public List<Long> getAppealIds() {
        return List.copyOf(appealIds);
    }

    @Override
    public long getVersion() {
        return version;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
