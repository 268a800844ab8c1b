package org.urgentaction.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.urgentaction.actions.EventCodeIssuer;
import org.urgentaction.actions.EventCodeIssuer.IssuedCode;
import org.urgentaction.appeals.AppealNames;
import org.urgentaction.audit.AuditLog;
import org.urgentaction.audit.StaffEdits;
import org.urgentaction.web.NotFoundException;
import org.urgentaction.web.StaleEditException;

/**
 * Everything staff change on events, audited; a change based on an older version is refused. Each
 * change that supporters may see is announced ({@link EventChanged}) so the cached pages are renewed.
 * Public for what other modules build events with (the demo); the admin pages use the rest.
 */
@NamedInterface("api")
@Service
@Transactional
public class EventEditing {

    static final String SUBJECT = "event";

    private final EventRepository events;
    private final StaffEdits edits;
    private final AuditLog audit;
    private final ApplicationEventPublisher publisher;
    private final AppealNames appeals;
    private final EventCodeIssuer codes;
    private final JdbcClient jdbc;
    private final Clock clock;

    EventEditing(
            EventRepository events,
            StaffEdits edits,
            AuditLog audit,
            ApplicationEventPublisher publisher,
            AppealNames appeals,
            EventCodeIssuer codes,
            JdbcClient jdbc,
            Clock clock) {
        this.events = events;
        this.edits = edits;
        this.audit = audit;
        this.publisher = publisher;
        this.appeals = appeals;
        this.codes = codes;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Event get(long id) {
        Event event = events.findById(id).orElseThrow(() -> new NotFoundException("event", id));
        event.getAppealIds(); // read inside the transaction
        return event;
    }

    @Transactional(readOnly = true)
    public long currentVersion(long id) {
        return get(id).getVersion();
    }

    /** Of these appeal ids, the ones that are no appeal. */
    @Transactional(readOnly = true)
    public List<Long> unknownAppeals(Collection<Long> appealIds) {
        var known = appeals.of(appealIds).keySet();
        return appealIds.stream().filter(id -> !known.contains(id)).toList();
    }

    /** @throws EventRuleException when an appeal id is no appeal */
    public long create(EventForm form) {
        checkAppeals(form);
        Event event = form.toEvent();
        // Two events of one day and title get their own slugs: one naming at a time.
        jdbc.sql("select pg_advisory_xact_lock(hashtext('event naming'))")
                .query()
                .singleValue();
        String slug = event.getSlug();
        for (int n = 2; events.findBySlug(event.getSlug()).isPresent(); n++) {
            event.useSlug(slug + "-" + n);
        }
        events.save(event);
        audit.record("event.created", SUBJECT, event.getId(), event.getTitle());
        publisher.publishEvent(new EventChanged(event.getId(), event.getSlug()));
        return event.getId();
    }

    /**
     * @throws StaleEditException when a colleague saved first
     * @throws EventRuleException when an appeal id is no appeal
     */
    public void update(long id, EventForm form) {
        checkAppeals(form);
        Event event = get(id);
        edits.update("event.updated", SUBJECT, event, form.version(), EventForm::of, form::applyTo);
        publisher.publishEvent(new EventChanged(id, event.getSlug()));
    }

    public void publish(long id, Long version) {
        Event event = editable(id, version);
        event.publish();
        audit.record("event.published", SUBJECT, id, null);
        publisher.publishEvent(new EventChanged(id, event.getSlug()));
    }

    public void unpublish(long id, Long version) {
        Event event = editable(id, version);
        event.unpublish();
        audit.record("event.unpublished", SUBJECT, id, null);
        publisher.publishEvent(new EventChanged(id, event.getSlug()));
    }

    /**
     * An event code for one of the event's appeals, valid through the event's days in its time zone
     * (from the start of the day it starts to the end of the day it ends), so the room can report
     * from before the doors open until everyone has gone home.
     *
     * @throws EventRuleException when the appeal is not the event's, the event's last day is over, it
     *                             is not published, or it runs over more than {@link #LONGEST_CODE}
     */
    static final Duration LONGEST_CODE = Duration.ofDays(3);

    public IssuedCode issueCode(long id, long appealId, String staff) {
        Event event = get(id);
        if (!event.getAppealIds().contains(appealId)) {
            throw new EventRuleException("event.code.notLinked");
        }
        ZoneId zone = ZoneId.of(event.getTimeZone());
        Instant from = event.getStartsAt().toLocalDate().atStartOfDay(zone).toInstant();
        Instant until =
                event.getEndsAt().toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
        if (!until.isAfter(clock.instant())) {
            throw new EventRuleException("event.code.over");
        }
        // A code lifts the per-address limit: not for a draft, nor for weeks on end if it leaks.
        if (!event.isPublished()) {
            throw new EventRuleException("event.code.notPublished");
        }
        if (Duration.between(from, until).compareTo(LONGEST_CODE) > 0) {
            throw new EventRuleException("event.code.tooLong");
        }
        IssuedCode code = codes.issue(appealId, from, until, staff);
        jdbc.sql("insert into event_report_code (event_id, report_event_code_id) values (?, ?)")
                .params(id, code.id())
                .update();
        audit.record("event.code.created", SUBJECT, id, "event code " + code.id() + " for appeal " + appealId);
        return code;
    }

    /** The codes handed out for the event, newest first. */
    @Transactional(readOnly = true)
    public List<IssuedCode> codesOf(long id) {
        List<Long> ids = jdbc.sql("select report_event_code_id from event_report_code where event_id = ?")
                .param(id)
                .query(Long.class)
                .list();
        return codes.byIds(ids);
    }

    private Event editable(long id, Long version) {
        Event event = get(id);
        StaleEditException.check(version, event.getVersion());
        return event;
    }

    private void checkAppeals(EventForm form) {
        if (!unknownAppeals(form.appealIds()).isEmpty()) {
            throw new EventRuleException("event.appeal.unknown");
        }
    }
}
