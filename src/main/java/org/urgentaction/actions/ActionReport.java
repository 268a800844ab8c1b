package org.urgentaction.actions;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import org.urgentaction.appeals.ActionKind;
import org.urgentaction.appeals.ReportableAppeal;

/**
 * What one supporter (or one group) did on one appeal. Anonymous unless they consented to give a
 * name or e-mail. Counted once per submission token; one of more actions than its appeal's review
 * threshold is held until staff approve it ({@link ReportStatus}). Written by {@link ActionReporting} with plain
 * SQL: it is the hottest write in the app and is never read back as an object.
 *
 * @param supporterName  kept only with consent, else null
 * @param supporterEmail kept only with consent, else null
 * @param callOutcome    how a phone call went (one that counts); null for other kinds
 */
record ActionReport(
        long appealId,
        ActionKind kind,
        int quantity,
        Set<Long> targetIds,
        String supporterCountry,
        String supporterName,
        String supporterEmail,
        boolean consentGiven,
        UUID submissionToken,
        Long eventCodeId,
        CallOutcome callOutcome,
        Instant reportedAt) {

    /** A school group reports 25 letters at once; more than this from one form is a typo or abuse. */
    public static final int MAX_QUANTITY = 1000;

    /**
     * @param contact name and e-mail, or null; kept only with consent
     * @throws org.urgentaction.appeals.AppealNotAcceptingReportsException when the appeal is closed
     *                                                                     or past its deadline
     */
    static ActionReport on(
            ReportableAppeal appeal,
            ActionKind kind,
            int quantity,
            Collection<Long> targetIds,
            String supporterCountry,
            Contact contact,
            UUID submissionToken,
            Long eventCodeId,
            CallOutcome callOutcome) {
        appeal.ensureAcceptsReports();
        if (kind == null || submissionToken == null) {
            throw new IllegalArgumentException("A report needs a kind and a submission token");
        }
        if (callOutcome != null && !callOutcome.counts()) {
            throw new IllegalArgumentException("A call that reached no one is not a report: " + callOutcome);
        }
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("Quantity must be between 1 and " + MAX_QUANTITY);
        }
        if (!appeal.targetIds().containsAll(targetIds)) {
            throw new IllegalArgumentException("A reported target is not on this appeal");
        }
        boolean consent = contact != null && contact.consentGiven();
        return new ActionReport(
                appeal.id(),
                kind,
                quantity,
                Set.copyOf(targetIds),
                supporterCountry,
                consent ? contact.name() : null,
                consent ? contact.email() : null,
                consent,
                submissionToken,
                eventCodeId,
                callOutcome,
                Instant.now());
    }

    /** A supporter's name and e-mail, with whether they agreed that we keep them. */
    record Contact(String name, String email, boolean consentGiven) {}
}
