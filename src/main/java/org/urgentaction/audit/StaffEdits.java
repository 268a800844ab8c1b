package org.urgentaction.audit;

import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.urgentaction.web.EditConflict;
import org.urgentaction.web.StaleEditException;

/**
 * The one sequence every staff edit of a form follows, written once: refuse a form filled in from
 * an older version, apply it, write it, and put which fields changed in the audit trail.
 */
@NamedInterface("api")
@Component
public class StaffEdits {

    private final AuditLog audit;
    private final EntityManager entities;

    StaffEdits(AuditLog audit, EntityManager entities) {
        this.audit = audit;
        this.entities = entities;
    }

    /**
     * @param asForm the form a record is edited through, to compare before and after
     * @throws StaleEditException when a colleague saved first, noticed here or only at the write
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public <E extends Versioned, F extends Record> void update(
            String action, String subject, E saved, Long formVersion, Function<E, F> asForm, Consumer<E> change) {
        StaleEditException.check(formVersion, saved.getVersion());
        F before = asForm.apply(saved);
        change.accept(saved);
        try {
            entities.flush();
        } catch (OptimisticLockException savedMeanwhile) {
            throw new StaleEditException();
        }
        audit.record(action, subject, saved.getId(), EditConflict.describe(before, asForm.apply(saved)));
    }
}
