package org.urgentaction.audit;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.springframework.modulith.NamedInterface;

/** One thing a staff member did, or one login attempt. Never holds a password. */
@NamedInterface("api")
@Entity
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Instant happenedAt;
    private String actor;
    private String action;
    private String subjectType;
    private Long subjectId;
    private String details;

    protected AuditEntry() {}

    AuditEntry(String actor, String action, String subjectType, Long subjectId, String details) {
        this.happenedAt = Instant.now();
        this.actor = actor;
        this.action = action;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.details = details;
    }

    public Long getId() {
        return id;
    }

    public Instant getHappenedAt() {
        return happenedAt;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getSubjectType() {
        return subjectType;
    }

    public Long getSubjectId() {
        return subjectId;
    }

    public String getDetails() {
        return details;
    }
}
