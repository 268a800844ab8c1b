package org.urgentaction.appeals;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.urgentaction.audit.AuditLog;
import org.urgentaction.audit.StaffEdits;
import org.urgentaction.targets.Target;
import org.urgentaction.targets.TargetEditing;
import org.urgentaction.web.StaleEditException;

/**
 * Everything staff change on an appeal. Each change names the version the staff member saw, and is
 * refused if a colleague saved in between; each is written to the audit trail with the change.
 * Public for what other modules build appeals with (the demo); the admin pages use the rest.
 */
@NamedInterface("api")
@Service
@Transactional
public class AppealEditing {

    static final String SUBJECT = "appeal";

    private final AppealRepository appeals;
    private final StoredFileRepository files;
    private final TargetEditing targets;
    private final AppealLetters templates;
    private final AuditLog audit;
    private final StaffEdits edits;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JdbcClient jdbc;

    AppealEditing(
            AppealRepository appeals,
            StoredFileRepository files,
            TargetEditing targets,
            AppealLetters templates,
            AuditLog audit,
            StaffEdits edits,
            ApplicationEventPublisher events,
            Clock clock,
            JdbcClient jdbc) {
        this.appeals = appeals;
        this.files = files;
        this.targets = targets;
        this.templates = templates;
        this.audit = audit;
        this.edits = edits;
        this.events = events;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Appeal get(long id) {
        Appeal appeal = appeals.findById(id).orElseThrow(() -> new AppealNotFoundException(String.valueOf(id)));
        // Touch what the admin pages show, inside the transaction.
        appeal.getPeople().size();
        appeal.getTargets().size();
        appeal.getUpdates().size();
        appeal.getResources().size();
        appeal.getDemands().size();
        if (appeal.getFollowUpOf() != null) {
            appeal.getFollowUpOf().getTitle();
        }
        return appeal;
    }

    /** Whether there is any appeal at all (the demo loads only into an empty database). */
    @Transactional(readOnly = true)
    public boolean anyExist() {
        return appeals.count() > 0;
    }

    /** The version a form for this appeal must name. */
    @Transactional(readOnly = true)
    public long currentVersion(long id) {
        return get(id).getVersion();
    }

    @Transactional(readOnly = true)
    boolean referenceTaken(String referenceCode, Integer followUpNumber, Long exceptId) {
        return appeals.referenceTaken(referenceCode, followUpNumber, exceptId);
    }

    public long create(AppealForm form) {
        return created(form.newAppeal());
    }

    /**
     * A follow-up whose original is not in the system (the demo's Second UA 44.22): its slug is made
     * from its label, as for one issued here. {@link #create} keeps the slug of reference and title.
     */
    public long createFollowUp(AppealForm form) {
        return created(form.newAppeal().followUpNumber(form.followUpNumber(), form.followUpLabel()));
    }

    private long created(Appeal appeal) {
        oneNamingAtATime();
        if (appeals.referenceTaken(appeal.getReferenceCode(), appeal.getFollowUpNumber(), null)) {
            throw new ReferenceTakenException();
        }
        String slug = appeal.getSlug();
        for (int n = 2; appeals.findBySlug(appeal.getSlug()).isPresent(); n++) {
            appeal.useSlug(slug + "-" + n);
        }
        appeals.save(appeal);
        audit.record("appeal.created", SUBJECT, appeal.getId(), appeal.displayReference() + ": " + appeal.getTitle());
        return appeal.getId();
    }

    /**
     * Slugs and references are checked, then written: two staff saving at once would both pass the
     * check and one would hit the unique index. This lock, held to commit, puts them one after the other.
     */
    private void oneNamingAtATime() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('appeal naming'))")
                .query()
                .singleValue();
    }

    public void update(long id, AppealForm form) {
        oneNamingAtATime();
        if (appeals.referenceTaken(form.referenceCode().strip(), form.followUpNumber(), id)) {
            throw new ReferenceTakenException();
        }
        Appeal appeal = get(id);
        edits.update("appeal.updated", SUBJECT, appeal, form.version(), AppealForm::of, form::applyTo);
        changed(appeal);
    }

    public void publish(long id, Long version) {
        Appeal appeal = editable(id, version);
        appeal.publish(templates.kindsWithText(id));
        audit.record("appeal.published", SUBJECT, id, null);
        events.publishEvent(new AppealPublished(id, appeal.getSlug()));
    }

    public void close(long id, Long version, Outcome outcome, String note) {
        Appeal appeal = editable(id, version);
        appeal.close(outcome, note, LocalDate.now(clock));
        audit.record("appeal.closed", SUBJECT, id, "outcome " + outcome);
        events.publishEvent(new AppealClosed(id, appeal.getSlug()));
    }

    void reopen(long id, Long version) {
        Appeal appeal = editable(id, version);
        appeal.reopen();
        audit.record("appeal.reopened", SUBJECT, id, null);
        events.publishEvent(new AppealReopened(id, appeal.getSlug()));
    }

    public long issueFollowUp(long id) {
        oneNamingAtATime();
        Appeal original = get(id);
        // Numbered after every follow-up already issued under this reference, not only this one.
        int number = appeals.lastFollowUpNumber(original.getReferenceCode()) + 1;
        Appeal followUp = original.issueFollowUp(number);
        for (int n = 2; appeals.findBySlug(followUp.getSlug()).isPresent(); n++) {
            followUp.useSlug(followUp.getSlug().replaceAll("-\\d+$", "") + "-" + n);
        }
        appeals.save(followUp);
        audit.record("appeal.followUpIssued", SUBJECT, id, "as draft " + followUp.getId());
        audit.record("appeal.created", SUBJECT, followUp.getId(), "follow-up of " + original.displayReference());
        return followUp.getId();
    }

    public void addPerson(long id, PersonForm form) {
        Appeal appeal = editable(id, form.version());
        appeal.addPerson(form.toPerson());
        audit.record("appeal.personAdded", SUBJECT, id, form.name());
        changed(appeal);
    }

    void updatePerson(long id, long personId, PersonForm form) {
        Appeal appeal = editable(id, form.version());
        appeal.replacePerson(personId, form.toPerson());
        audit.record("appeal.personUpdated", SUBJECT, id, form.name());
        changed(appeal);
    }

    void removePerson(long id, long personId, Long version) {
        Appeal appeal = editable(id, version);
        appeal.removePerson(personId);
        audit.record("appeal.personRemoved", SUBJECT, id, "person " + personId);
        changed(appeal);
    }

    public void attachTarget(long id, Long version, long targetId, TargetRole role) {
        Target target = targets.find(targetId).orElseThrow(() -> new AppealRuleException("admin.appeal.chooseTarget"));
        Appeal appeal = editable(id, version);
        appeal.addTarget(target.getId(), role);
        audit.record("appeal.targetAttached", SUBJECT, id, target.getName() + " as " + role);
        changed(appeal);
    }

    void createAndAttachTarget(long id, Long version, Target target, TargetRole role) {
        Appeal appeal = editable(id, version);
        appeal.addTarget(targets.save(target).getId(), role);
        audit.record("appeal.targetAttached", SUBJECT, id, target.getName() + " as " + role);
        changed(appeal);
    }

    void detachTarget(long id, Long version, long targetId) {
        Appeal appeal = editable(id, version);
        appeal.removeTarget(targetId);
        audit.record("appeal.targetDetached", SUBJECT, id, "target " + targetId);
        changed(appeal);
    }

    void moveTarget(long id, Long version, long targetId, int direction) {
        Appeal appeal = editable(id, version);
        appeal.moveTarget(targetId, direction);
        audit.record("appeal.targetMoved", SUBJECT, id, "target " + targetId + (direction < 0 ? " up" : " down"));
        changed(appeal);
    }

    public void addUpdate(long id, Long version, AppealUpdate update) {
        Appeal appeal = editable(id, version);
        appeal.addUpdate(update);
        audit.record("appeal.updateAdded", SUBJECT, id, update.getHappenedOn() + " " + update.getHeadline());
        changed(appeal);
    }

    void removeUpdate(long id, Long version, long updateId) {
        Appeal appeal = editable(id, version);
        appeal.removeUpdate(updateId);
        audit.record("appeal.updateRemoved", SUBJECT, id, "update " + updateId);
        changed(appeal);
    }

    public void addResource(long id, Long version, AppealResource resource) {
        Appeal appeal = editable(id, version);
        appeal.addResource(resource);
        audit.record("appeal.resourceAdded", SUBJECT, id, resource.getLabel());
        changed(appeal);
    }

    /** Stores an uploaded PDF and lists it on the appeal, together or not at all. */
    public void addDocument(long id, Long version, String label, String fileName, byte[] content) {
        Appeal appeal = editable(id, version);
        StoredFile file = files.save(new StoredFile(fileName, "application/pdf", content));
        appeal.addResource(AppealResource.document(label, file));
        audit.record("appeal.resourceAdded", SUBJECT, id, label + " (" + fileName + ", " + content.length + " bytes)");
        changed(appeal);
    }

    void removeResource(long id, Long version, long resourceId) {
        Appeal appeal = editable(id, version);
        appeal.removeResource(resourceId);
        audit.record("appeal.resourceRemoved", SUBJECT, id, "resource " + resourceId);
        changed(appeal);
    }

    /** Supporters may see the change: the public copies are forgotten once it is committed. */
    private void changed(Appeal appeal) {
        events.publishEvent(new AppealChanged(appeal.getId(), appeal.getSlug()));
    }

    /** The appeal, if the staff member's copy is still the saved one. */
    private Appeal editable(long id, Long version) {
        Appeal appeal = get(id);
        StaleEditException.check(version, appeal.getVersion());
        return appeal;
    }
}
