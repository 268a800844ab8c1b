package org.urgentaction.actions;

import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.urgentaction.appeals.ActionKind;

import static org.urgentaction.web.Text.blankToNull;

/**
 * The report form. The submission token is issued and signed by the server with the form
 * ({@link SubmissionTokens}), so every resubmission of the same form carries it and is counted once.
 * <p>
 * A bean bound through its setters rather than a record: Spring binds a record through its
 * constructor and reads the constructor's parameter annotations afresh on every request
 * (docs/decisions/performance.md).
 */
class ActionReportForm {

    @NotNull
    private String submissionToken;

    @NotNull
    private ActionKind kind;

    @NotNull
    @Min(1)
    @Max(ActionReport.MAX_QUANTITY)
    private Integer quantity;

    @Size(max = 50)
    private List<Long> targetIds = List.of();

    @Pattern(regexp = "[A-Z]{2}")
    private String country;

    private boolean consent;

    @Size(max = 200)
    private String name;

    @Email
    @Size(max = 254)
    private String email;
    // How a phone call went; ignored for any other kind.
    private CallOutcome outcome;

    // Handed out by staff at an event; lifts the per-address limit (EventCodes).
    @Size(max = 32)
    private String eventCode;

    static ActionReportForm blank(String submissionToken, ActionKind kind, List<Long> targetIds, CallOutcome outcome) {
        ActionReportForm form = new ActionReportForm();
        form.setSubmissionToken(submissionToken);
        form.setKind(kind);
        form.setOutcome(outcome);
        form.setQuantity(1);
        form.setTargetIds(targetIds);
        return form;
    }

    /** Name and e-mail are optional, and kept only if the supporter ticks the consent box. */
    @AssertTrue
    public boolean isContactConsented() {
        return consent || (name == null && email == null);
    }

    /** A phone call says how it went. */
    @AssertTrue
    public boolean isOutcomeGiven() {
        return kind != ActionKind.PHONE_CALL || outcome != null;
    }

    /** The outcome of a call; null for any other kind of action. */
    CallOutcome callOutcome() {
        return kind == ActionKind.PHONE_CALL ? outcome : null;
    }

    ActionReport.Contact contact() {
        return new ActionReport.Contact(name, email, consent);
    }

    public String getSubmissionToken() {
        return submissionToken;
    }

    public void setSubmissionToken(String submissionToken) {
        this.submissionToken = blankToNull(submissionToken);
    }

    public ActionKind getKind() {
        return kind;
    }

    public void setKind(ActionKind kind) {
        this.kind = kind;
    }

    public CallOutcome getOutcome() {
        return outcome;
    }

    public void setOutcome(CallOutcome outcome) {
        this.outcome = outcome;
    }

    public Integer getQuantity() {
        return quantity;
    }

    public void setQuantity(Integer quantity) {
        this.quantity = quantity;
    }

    public List<Long> getTargetIds() {
        return targetIds;
    }

    public void setTargetIds(List<Long> targetIds) {
        // Each official once: one report names an official once, and a wrong number flags it once.
        this.targetIds = targetIds == null
                ? List.of()
                : targetIds.stream()
                        .filter(java.util.Objects::nonNull)
                        .distinct()
                        .toList();
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = blankToNull(country);
    }

    public boolean isConsent() {
        return consent;
    }

    public void setConsent(boolean consent) {
        this.consent = consent;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = blankToNull(name);
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = blankToNull(email);
    }

    public String getEventCode() {
        return eventCode;
    }

    public void setEventCode(String eventCode) {
        this.eventCode = blankToNull(eventCode);
    }
}
