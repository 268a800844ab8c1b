package org.urgentaction.audit;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail: who changed what and when, for appeals, targets, templates and accounts, and
 * every login. Entries are written in the caller's transaction, so a change and its record land
 * together or not at all.
 */
@NamedInterface("api")
@Service
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final AuditEntryRepository entries;

    AuditLog(AuditEntryRepository entries) {
        this.entries = entries;
    }

    /** Records an action by the staff member of the current request. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String subjectType, Long subjectId, String details) {
        entries.save(new AuditEntry(currentActor(), action, subjectType, subjectId, details));
    }

    /** Records a login attempt; it has its own transaction, as there is no other. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordLogin(String email, boolean succeeded, String clientAddress) {
        String action = succeeded ? "login.succeeded" : "login.failed";
        log.info("{} for {} from {}", action, email, clientAddress);
        entries.save(new AuditEntry(email, action, "login", null, "from " + clientAddress));
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> trailOf(String subjectType, long subjectId) {
        return entries.findBySubjectTypeAndSubjectIdOrderByHappenedAtDescIdDesc(
                subjectType, subjectId, PageRequest.of(0, 100));
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> recent(String action, int limit) {
        return entries.findByActionOrderByIdDesc(action, PageRequest.of(0, limit));
    }

    private static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }
}
