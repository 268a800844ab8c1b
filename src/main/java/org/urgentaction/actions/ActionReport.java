package org.urgentaction.actions;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;

import org.urgentaction.appeals.ReportableAppeal;

/**
 * What one supporter (or one group) did on one appeal. Anonymous unless they consented to give a
 * name or e-mail. Counted once per submission token.
 */
@Entity
public class ActionReport {

    /** A school group reports 25 letters at once; more than this from one form is a typo or abuse. */
    public static final int MAX_QUANTITY = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long appealId;

    @Enumerated(EnumType.STRING)
    private ActionKind kind;

    private int quantity;

    @Column(length = 2)
    private String supporterCountry;

    private String supporterName;
    private String supporterEmail;
    private boolean consentGiven;
    private UUID submissionToken;
    private Instant reportedAt;

    @ElementCollection
    @CollectionTable(name = "action_report_target", joinColumns = @JoinColumn(name = "report_id"))
    @Column(name = "target_id")
    private Set<Long> targetIds = new HashSet<>();

    protected ActionReport() {
    }

    /**
     * @param contact name and e-mail, or null; kept only with consent
     * @throws org.urgentaction.appeals.AppealNotAcceptingReportsException when the appeal is closed
     *                                                                     or past its deadline
     */
    static ActionReport on(ReportableAppeal appeal, ActionKind kind, int quantity, Set<Long> targetIds,
                           String supporterCountry, Contact contact, UUID submissionToken) {
        appeal.ensureAcceptsReports();
        if (kind == null || submissionToken == null) {
            throw new IllegalArgumentException("A report needs a kind and a submission token");
        }
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("Quantity must be between 1 and " + MAX_QUANTITY);
        }
        if (!appeal.targetIds().containsAll(targetIds)) {
            throw new IllegalArgumentException("A reported target is not on this appeal");
        }
        ActionReport report = new ActionReport();
        report.appealId = appeal.id();
        report.kind = kind;
        report.quantity = quantity;
        report.targetIds = new HashSet<>(targetIds);
        report.supporterCountry = supporterCountry;
        if (contact != null && contact.consentGiven()) {
            report.consentGiven = true;
            report.supporterName = contact.name();
            report.supporterEmail = contact.email();
        }
        report.submissionToken = submissionToken;
        report.reportedAt = Instant.now();
        return report;
    }

    /** A supporter's name and e-mail, with whether they agreed that we keep them. */
    record Contact(String name, String email, boolean consentGiven) {
    }

    public Long getId() {
        return id;
    }

    public Long getAppealId() {
        return appealId;
    }

    public ActionKind getKind() {
        return kind;
    }

    public int getQuantity() {
        return quantity;
    }

    public String getSupporterCountry() {
        return supporterCountry;
    }

    public String getSupporterName() {
        return supporterName;
    }

    public String getSupporterEmail() {
        return supporterEmail;
    }

    public boolean isConsentGiven() {
        return consentGiven;
    }

    public UUID getSubmissionToken() {
        return submissionToken;
    }

    public Instant getReportedAt() {
        return reportedAt;
    }

    public Set<Long> getTargetIds() {
        return Set.copyOf(targetIds);
    }
}
