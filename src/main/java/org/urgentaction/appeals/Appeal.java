package org.urgentaction.appeals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import org.urgentaction.audit.Versioned;
import org.urgentaction.web.PartialDate;

/**
 * An urgent action: the case, the people at risk, what is asked of whom, and by when. The
 * aggregate root: people, demands, timeline, resources and target links change only through it.
 */
@Entity
public class Appeal implements Versioned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** What people quote back: "UA 44.22", "ASA 17/040/2014", "CHN 002 / 0505 / OBS 028". */
    private String referenceCode;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "follow_up_of_id")
    private Appeal followUpOf;

    private Integer followUpNumber;

    /** The follow-up's reference as the issuer prints it: "Second UA 44.22". */
    private String followUpLabel;

    private String slug;
    private String title;

    @Column(length = 2)
    private String country;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    private List<String> themes = new ArrayList<>();

    private String issuer;
    private String summary;
    /** Markdown, as staff wrote it. */
    private String background;

    /** The background rendered and sanitised: exactly what the public page shows. */
    private String backgroundHtml;

    private String demandsIntro;
    private String targetNote;
    private String actionInstructions;
    /** The first day of the month or year when the document gives only that. */
    private LocalDate issuedOn;

    @Enumerated(EnumType.STRING)
    private PartialDate.Precision issuedOnPrecision = PartialDate.Precision.DAY;

    private String issuedPlace;

    /** Null: "This action has no end date". */
    private LocalDate deadline;

    @Enumerated(EnumType.STRING)
    private AppealStatus status = AppealStatus.DRAFT;

    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    private String outcomeNote;
    private LocalDate closedOn;

    /** Reference, title, summary and people's names, for the full-text index. */
    private String searchText = "";

    @ElementCollection
    @CollectionTable(name = "appeal_demand", joinColumns = @JoinColumn(name = "appeal_id"))
    @OrderColumn(name = "position")
    @Column(name = "text")
    private List<String> demands = new ArrayList<>();

    @OneToMany(cascade = jakarta.persistence.CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "appeal_id", nullable = false, updatable = false)
    @OrderBy("position")
    private List<PersonAtRisk> people = new ArrayList<>();

    @OneToMany(cascade = jakarta.persistence.CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "appeal_id", nullable = false, updatable = false)
    @OrderBy("happenedOn desc, id desc")
    private List<AppealUpdate> updates = new ArrayList<>();

    @OneToMany(cascade = jakarta.persistence.CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "appeal_id", nullable = false, updatable = false)
    @OrderBy("position")
    private List<AppealResource> resources = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER) // a few values, wanted wherever the appeal is
    @CollectionTable(name = "appeal_action", joinColumns = @JoinColumn(name = "appeal_id"))
    @Column(name = "kind")
    @Enumerated(EnumType.STRING)
    private Set<ActionKind> actions = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "appeal_target", joinColumns = @JoinColumn(name = "appeal_id"))
    @OrderBy("position")
    private List<AppealTarget> targets = new ArrayList<>();

    @Version
    private long version;

    private Instant createdAt = Instant.now();
    private Instant updatedAt = Instant.now();

    protected Appeal() {}

    public Appeal(String referenceCode, String title, String country, String summary) {
        describe(referenceCode, title, country, summary);
        this.slug = Slugs.of(this.referenceCode + " " + this.title);
    }

    // --- content -------------------------------------------------------------------------------

    /** Changes what the appeal is called and about. The slug stays, so links already sent keep working. */
    public Appeal describe(String referenceCode, String title, String country, String summary) {
        if (blank(referenceCode) || blank(title) || blank(country) || blank(summary)) {
            throw new IllegalArgumentException("An appeal needs a reference, a title, a country and a summary");
        }
        this.referenceCode = referenceCode.strip();
        this.title = title.strip();
        this.country = country.strip().toUpperCase(Locale.ROOT);
        this.summary = summary.strip();
        refreshSearchText();
        return this;
    }

    /** The follow-up's number and printed label, keeping the link to the original. */
    public Appeal relabelFollowUp(Integer number, String label) {
        this.followUpNumber = number;
        this.followUpLabel = label == null || label.isBlank() ? null : label.strip();
        return this;
    }

    public Appeal followingUp(Appeal original, int number, String label) {
        this.followUpOf = original;
        this.followUpNumber = number;
        this.followUpLabel = label;
        this.slug = Slugs.of(label + " " + title);
        return this;
    }

    /** When the natural slug is taken by another appeal. */
    void useSlug(String slug) {
        this.slug = slug;
    }

    /** A follow-up of an action whose original is not in the system: "Second UA 44.22". */
    public Appeal followUpNumber(int number, String label) {
        return followingUp(null, number, label);
    }

    public Appeal issuedBy(String issuer, LocalDate issuedOn, String issuedPlace) {
        return issued(issuer, PartialDate.day(issuedOn), issuedPlace);
    }

    /** Who issued it, when as far as the document says ("December 2014"), and where. */
    public Appeal issued(String issuer, PartialDate issuedOn, String issuedPlace) {
        this.issuer = issuer;
        this.issuedOn = issuedOn == null ? null : issuedOn.date();
        this.issuedOnPrecision = issuedOn == null ? PartialDate.Precision.DAY : issuedOn.precision();
        this.issuedPlace = issuedPlace;
        return this;
    }

    public Appeal themes(String... themes) {
        this.themes = new ArrayList<>(List.of(themes));
        return this;
    }

    public Appeal background(String markdown) {
        this.background = markdown;
        this.backgroundHtml = RichText.toSafeHtml(markdown);
        return this;
    }

    public Appeal demands(String intro, String... demands) {
        this.demandsIntro = intro;
        this.demands = new ArrayList<>(List.of(demands));
        return this;
    }

    public Appeal targetNote(String note) {
        this.targetNote = note;
        return this;
    }

    public Appeal actionInstructions(String instructions) {
        this.actionInstructions = instructions;
        return this;
    }

    public Appeal deadline(LocalDate deadline) {
        this.deadline = deadline;
        return this;
    }

    public Appeal addPerson(PersonAtRisk person) {
        person.placeAt(people.size());
        people.add(person);
        refreshSearchText();
        return this;
    }

    public Appeal replacePerson(long personId, PersonAtRisk replacement) {
        int index = indexOfPerson(personId);
        replacement.placeAt(people.get(index).getPosition());
        people.set(index, replacement);
        refreshSearchText();
        return this;
    }

    public Appeal removePerson(long personId) {
        people.remove(indexOfPerson(personId));
        for (int i = 0; i < people.size(); i++) {
            people.get(i).placeAt(i);
        }
        refreshSearchText();
        return this;
    }

    private int indexOfPerson(long personId) {
        for (int i = 0; i < people.size(); i++) {
            if (people.get(i).getId() != null && people.get(i).getId() == personId) {
                return i;
            }
        }
        throw new NotOnThisAppealException("person");
    }

    public Appeal removeUpdate(long updateId) {
        if (!updates.removeIf(u -> u.getId() != null && u.getId() == updateId)) {
            throw new NotOnThisAppealException("update");
        }
        return this;
    }

    public Appeal removeResource(long resourceId) {
        if (!resources.removeIf(r -> r.getId() != null && r.getId() == resourceId)) {
            throw new NotOnThisAppealException("resource");
        }
        for (int i = 0; i < resources.size(); i++) {
            resources.get(i).placeAt(i);
        }
        return this;
    }

    public Appeal removeTarget(long targetId) {
        List<AppealTarget> kept =
                targets.stream().filter(t -> t.getTargetId() != targetId).toList();
        if (kept.size() == targets.size()) {
            throw new NotOnThisAppealException("target");
        }
        renumberTargets(kept);
        return this;
    }

    /** Moves a target one place up (-1) or down (+1) in the order supporters see. */
    public Appeal moveTarget(long targetId, int direction) {
        List<AppealTarget> ordered = new ArrayList<>(targets.stream()
                .sorted(Comparator.comparingInt(AppealTarget::getPosition))
                .toList());
        int from = -1;
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).getTargetId() == targetId) {
                from = i;
            }
        }
        if (from < 0) {
            throw new NotOnThisAppealException("target");
        }
        int to = Math.max(0, Math.min(ordered.size() - 1, from + Integer.signum(direction)));
        Collections.swap(ordered, from, to);
        renumberTargets(ordered);
        return this;
    }

    private void renumberTargets(List<AppealTarget> ordered) {
        List<AppealTarget> renumbered = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            renumbered.add(new AppealTarget(
                    ordered.get(i).getTargetId(), ordered.get(i).getRole(), i));
        }
        targets.clear();
        targets.addAll(renumbered);
    }

    public Appeal addUpdate(AppealUpdate update) {
        updates.add(update);
        return this;
    }

    public Appeal addResource(AppealResource resource) {
        resource.placeAt(resources.size());
        resources.add(resource);
        return this;
    }

    public Appeal addTarget(long targetId, TargetRole role) {
        if (targets.stream().anyMatch(t -> t.getTargetId() == targetId)) {
            throw new AppealRuleException("appeal.rule.targetAlreadyOn");
        }
        targets.add(new AppealTarget(targetId, role, targets.size()));
        return this;
    }

    // --- lifecycle -----------------------------------------------------------------------------

    /** The ways to act this appeal offers supporters; the report form accepts only these. */
    public Appeal offer(Set<ActionKind> kinds) {
        actions.retainAll(kinds);
        actions.addAll(kinds);
        return this;
    }

    /**
     * Supporters can act only on an appeal that has someone to write to and, for each way to act it
     * offers, the text to act with (which the letters module knows about).
     *
     * @param withText the kinds of action the appeal has its text for (a letter, a call script, posts)
     */
    public Appeal publish(Set<ActionKind> withText) {
        if (status == AppealStatus.CLOSED) {
            throw new AppealRuleException("appeal.rule.publishClosed");
        }
        if (targets.stream().noneMatch(t -> t.getRole() == TargetRole.PRIMARY)) {
            throw new AppealRuleException("appeal.rule.publishNeedsPrimaryTarget");
        }
        if (actions.isEmpty()) {
            throw new AppealRuleException("appeal.rule.publishNeedsAction");
        }
        if (!withText.containsAll(actions)) {
            throw new AppealRuleException("appeal.rule.publishNeedsTemplate");
        }
        status = AppealStatus.PUBLISHED;
        return this;
    }

    /** Back to published, outcome cleared. Only administrators may (see the controller). */
    public Appeal reopen() {
        if (status != AppealStatus.CLOSED) {
            throw new AppealRuleException("appeal.rule.reopenNotClosed");
        }
        status = AppealStatus.PUBLISHED;
        outcome = null;
        outcomeNote = null;
        closedOn = null;
        return this;
    }

    /**
     * A new draft that follows this appeal: next follow-up number, content copied for editing, same
     * people and targets.
     */
    public Appeal issueFollowUp(int number) {
        Appeal next = new Appeal(referenceCode, title, country, summary);
        String label = Ordinals.english(number) + " " + referenceCode;
        next.followingUp(this, number, label);
        next.themes = new ArrayList<>(themes);
        next.issuer = issuer;
        next.background(background);
        next.demandsIntro = demandsIntro;
        next.demands = new ArrayList<>(demands);
        next.targetNote = targetNote;
        next.actionInstructions = actionInstructions;
        next.actions.addAll(actions);
        for (PersonAtRisk person : people) {
            next.addPerson(person.copy());
        }
        for (AppealTarget link : targets) {
            next.targets.add(new AppealTarget(link.getTargetId(), link.getRole(), link.getPosition()));
        }
        return next;
    }

    public Appeal close(Outcome outcome, String note, LocalDate closedOn) {
        if (outcome == null) {
            throw new AppealRuleException("appeal.rule.closeNeedsOutcome");
        }
        if (status == AppealStatus.DRAFT) {
            throw new AppealRuleException("appeal.rule.closeDraft");
        }
        this.status = AppealStatus.CLOSED;
        this.outcome = outcome;
        this.outcomeNote = note;
        this.closedOn = closedOn;
        return this;
    }

    public DeadlineState deadlineStateOn(LocalDate today) {
        return DeadlineState.of(status, deadline, outcome, today);
    }

    public boolean isPublic() {
        return status != AppealStatus.DRAFT;
    }

    /** Reference as it should be quoted: the follow-up's own label where there is one. */
    public String displayReference() {
        return followUpLabel != null ? followUpLabel : referenceCode;
    }

    /** The directory ids of the officials this appeal lists, in its order. */
    public List<Long> targetIds() {
        return targets.stream().map(AppealTarget::getTargetId).toList();
    }

    public List<AppealTarget> targetsIn(TargetRole role) {
        return targets.stream()
                .filter(t -> t.getRole() == role)
                .sorted(Comparator.comparingInt(AppealTarget::getPosition))
                .toList();
    }

    @PrePersist
    @PreUpdate
    void beforeSave() {
        refreshSearchText();
        updatedAt = Instant.now();
    }

    private void refreshSearchText() {
        searchText = Stream.of(
                        Stream.of(
                                referenceCode,
                                followUpLabel,
                                title,
                                summary,
                                country == null ? null : Locale.of("", country).getDisplayCountry(Locale.ENGLISH)),
                        themes.stream(),
                        people.stream().flatMap(p -> Stream.of(p.getName(), p.getNativeName())))
                .flatMap(s -> s)
                .filter(s -> s != null && !s.isBlank())
                .collect(Collectors.joining(" "));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    // --- reading -------------------------------------------------------------------------------

    public Long getId() {
        return id;
    }

    public String getReferenceCode() {
        return referenceCode;
    }

    public Appeal getFollowUpOf() {
        return followUpOf;
    }

    public Integer getFollowUpNumber() {
        return followUpNumber;
    }

    public String getFollowUpLabel() {
        return followUpLabel;
    }

    public String getSlug() {
        return slug;
    }

    public String getTitle() {
        return title;
    }

    public String getCountry() {
        return country;
    }

    public List<String> getThemes() {
        return Collections.unmodifiableList(themes);
    }

    public String getIssuer() {
        return issuer;
    }

    public String getSummary() {
        return summary;
    }

    public String getBackground() {
        return background;
    }

    public String getBackgroundHtml() {
        // Rows written before the HTML column existed are rendered on the fly.
        return backgroundHtml != null || background == null ? backgroundHtml : RichText.toSafeHtml(background);
    }

    public String getDemandsIntro() {
        return demandsIntro;
    }

    public List<String> getDemands() {
        return Collections.unmodifiableList(demands);
    }

    public String getTargetNote() {
        return targetNote;
    }

    public String getActionInstructions() {
        return actionInstructions;
    }

    public LocalDate getIssuedOn() {
        return issuedOn;
    }

    /** The issue date as far as the document gives it, or null. */
    public PartialDate getIssued() {
        return PartialDate.of(issuedOn, issuedOnPrecision);
    }

    public String getIssuedPlace() {
        return issuedPlace;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    public AppealStatus getStatus() {
        return status;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public String getOutcomeNote() {
        return outcomeNote;
    }

    public LocalDate getClosedOn() {
        return closedOn;
    }

    public List<PersonAtRisk> getPeople() {
        return Collections.unmodifiableList(people);
    }

    public List<AppealUpdate> getUpdates() {
        return Collections.unmodifiableList(updates);
    }

    public List<AppealResource> getResources() {
        return Collections.unmodifiableList(resources);
    }

    /** The offered kinds in the order supporters see them. */
    public Set<ActionKind> getActions() {
        return actions.isEmpty() ? EnumSet.noneOf(ActionKind.class) : EnumSet.copyOf(actions);
    }

    /** For the staff pages: whether the appeal offers this way to act ("SIGNATURE"). */
    public boolean offers(String kind) {
        return actions.contains(ActionKind.valueOf(kind));
    }

    public List<AppealTarget> getTargets() {
        return Collections.unmodifiableList(targets);
    }

    public long getVersion() {
        return version;
    }
}
