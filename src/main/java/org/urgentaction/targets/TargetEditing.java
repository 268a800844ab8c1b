package org.urgentaction.targets;

import java.util.Objects;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.urgentaction.audit.AuditLog;
import org.urgentaction.audit.StaffEdits;
import org.urgentaction.web.NotFoundException;

/** Everything staff change in the directory of officials, audited; an edit from an older copy is refused. */
@NamedInterface("api")
@Service
@Transactional
public class TargetEditing {

    static final String SUBJECT = "target";

    private final TargetRepository targets;
    private final StaffEdits edits;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final WrongNumbers wrongNumbers;

    TargetEditing(
            TargetRepository targets,
            StaffEdits edits,
            AuditLog audit,
            ApplicationEventPublisher events,
            WrongNumbers wrongNumbers) {
        this.targets = targets;
        this.edits = edits;
        this.audit = audit;
        this.events = events;
        this.wrongNumbers = wrongNumbers;
    }

    @Transactional(readOnly = true)
    public Optional<Target> find(long id) {
        return targets.findById(id);
    }

    @Transactional(readOnly = true)
    public Target get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("target", id));
    }

    public long create(TargetForm form) {
        return save(form.toTarget()).getId();
    }

    /** Adds an official staff described while attaching it to an appeal. */
    public Target save(Target target) {
        targets.save(target);
        audit.record("target.created", SUBJECT, target.getId(), target.getName());
        events.publishEvent(new TargetChanged(target.getId()));
        return target;
    }

    public void update(long id, TargetForm form) {
        String phoneBefore = get(id).getPhone();
        edits.update("target.updated", SUBJECT, get(id), form.version(), TargetForm::of, form::applyTo);
        if (!Objects.equals(phoneBefore, get(id).getPhone())) {
            wrongNumbers.clear(id);
        }
        events.publishEvent(new TargetChanged(id));
    }
}
