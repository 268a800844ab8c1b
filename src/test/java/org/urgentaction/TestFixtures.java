package org.urgentaction;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import org.awaitility.Awaitility;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import org.urgentaction.appeals.ActionKind;
import org.urgentaction.appeals.Appeal;
import org.urgentaction.appeals.AppealEditing;
import org.urgentaction.appeals.AppealForm;
import org.urgentaction.appeals.AppealResource;
import org.urgentaction.appeals.AppealUpdate;
import org.urgentaction.appeals.Outcome;
import org.urgentaction.appeals.PersonForm;
import org.urgentaction.appeals.Situation;
import org.urgentaction.appeals.TargetRole;
import org.urgentaction.letters.LetterKind;
import org.urgentaction.letters.TemplateEditing;
import org.urgentaction.letters.TemplateForm;
import org.urgentaction.targets.PostalAddress;
import org.urgentaction.targets.Target;
import org.urgentaction.targets.TargetEditing;

/**
 * Builds appeals for tests, each with its own reference and theme, so tests that share one database
 * can find exactly their own rows. They are built through the services staff use, with their rules
 * (a published appeal has a letter template) and audit trail; the repositories only read them back.
 */
@TestComponent
public class TestFixtures {

    private final AppealEditing editing;
    private final TargetEditing targets;
    private final TemplateEditing templates;
    private final EntityManager entities;
    private final JdbcClient jdbc;

    TestFixtures(
            AppealEditing editing,
            TargetEditing targets,
            TemplateEditing templates,
            EntityManager entities,
            JdbcClient jdbc) {
        this.editing = editing;
        this.targets = targets;
        this.templates = templates;
        this.entities = entities;
        this.jdbc = jdbc;
    }

    /**
     * Waits until every committed event's listeners have run (done publications are deleted from
     * the registry): after it, nothing committed earlier empties a cache.
     */
    public void awaitEventsDelivered() {
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("select count(*) from event_publication")
                                .query(Long.class)
                                .single()
                        == 0);
    }

    /** A theme no other test uses, to isolate list queries. */
    public static String uniqueTheme() {
        return "theme-" + UUID.randomUUID();
    }

    public record Created(
            long id, String slug, String reference, long primaryTargetId, long copyTargetId, long personId) {}

    /** A published appeal with a person, a primary target with e-mail, an embassy copy and a template. */
    @Transactional
    public Created published(String title, String country, LocalDate deadline, String... themes) {
        long id = draft(title, country, deadline, themes);
        editing.publish(id, editing.currentVersion(id));
        return created(id);
    }

    /** A published follow-up ("Second …") of the given appeal, issued from it, with a resource link. */
    @Transactional
    public Created followUpOf(Created original, String title) {
        long id = editing.issueFollowUp(original.id());
        editing.update(id, AppealForm.of(editing.get(id), title));
        editing.addResource(
                id,
                editing.currentVersion(id),
                AppealResource.link("PDF of the original", "https://example.org/original.pdf"));
        addTemplates(id);
        editing.publish(id, editing.currentVersion(id));
        return created(id);
    }

    /** The appeal offers these ways to act from now on (staff may change them after publishing too). */
    @Transactional
    public void offer(Created appeal, String... kinds) {
        Set<ActionKind> offered = Arrays.stream(kinds).map(ActionKind::valueOf).collect(Collectors.toSet());
        editing.update(appeal.id(), AppealForm.of(editing.get(appeal.id())).offering(offered));
    }

    /**
     * The appeal offers a phone call: a call script with what to say to voicemail, and a phone number
     * (as staff in China would type it), a time zone and office hours on its primary target.
     */
    @Transactional
    public void offerCall(Created appeal, String officeDays) {
        templates.create(
                appeal.id(),
                new TemplateForm(
                        null,
                        "en",
                        LetterKind.CALL,
                        "Call the Director",
                        "Be polite and brief.",
                        "",
                        "Hello, my name is {supporter_name}. I am calling {recipient_name} to ask for their release.",
                        "This is {supporter_name}, calling {recipient_name}: please release them."));
        jdbc.sql("update target set phone = '010 6238 1025', address_country = 'CN', time_zone = 'Asia/Shanghai',"
                        + " office_opens = '09:00', office_closes = '17:00', office_days = ? where id = ?")
                .param(officeDays)
                .param(appeal.primaryTargetId())
                .update();
        alsoOffer(appeal, ActionKind.PHONE_CALL);
    }

    private void alsoOffer(Created appeal, ActionKind kind) {
        Set<ActionKind> offered =
                new java.util.HashSet<>(editing.get(appeal.id()).getActions());
        offered.add(kind);
        editing.update(appeal.id(), AppealForm.of(editing.get(appeal.id())).offering(offered));
    }

    /** The appeal offers social posts, two of them, and its primary target has a handle. */
    @Transactional
    public void offerPosts(Created appeal) {
        templates.create(
                appeal.id(),
                new TemplateForm(
                        null,
                        "en",
                        LetterKind.SOCIAL,
                        "Post about it",
                        null,
                        "",
                        "Free them now, {recipient_handle} #FreeThem & more\n\nA second post, on its own.",
                        null));
        jdbc.sql("update target set social_handle = '@official' where id = ?")
                .param(appeal.primaryTargetId())
                .update();
        alsoOffer(appeal, ActionKind.SOCIAL_POST);
    }

    /** The appeal offers an open letter to sign, with its text and addressee. */
    @Transactional
    public void offerPetition(Created appeal) {
        templates.create(
                appeal.id(),
                new TemplateForm(
                        null,
                        "en",
                        LetterKind.PETITION,
                        "Open letter to the Minister",
                        null,
                        "The Minister of Justice",
                        "We, the undersigned, call on you to release them.\n\nRelease them now.",
                        null));
        alsoOffer(appeal, ActionKind.SIGNATURE);
    }

    @Transactional(readOnly = true)
    public long templateIdOf(long appealId) {
        return templates.ofAppeal(appealId).getFirst().getId();
    }

    /** Ids of one timeline update and one resource link added to the appeal. */
    public record Extras(long updateId, long resourceId) {}

    @Transactional
    public Extras addUpdateAndResource(long appealId) {
        editing.addUpdate(
                appealId,
                editing.currentVersion(appealId),
                new AppealUpdate(LocalDate.now(), "Something happened", null));
        editing.addResource(
                appealId, editing.currentVersion(appealId), AppealResource.link("More", "https://example.org/more"));
        entities.flush(); // the new rows get their ids
        Appeal appeal = editing.get(appealId);
        return new Extras(
                appeal.getUpdates().getFirst().getId(),
                appeal.getResources().getLast().getId());
    }

    @Transactional
    public Created closed(String title, Outcome outcome, String... themes) {
        long id = draft(title, "CN", null, themes);
        editing.publish(id, editing.currentVersion(id));
        editing.close(id, editing.currentVersion(id), outcome, null);
        return created(id);
    }

    @Transactional
    public Created unpublished(String title, String... themes) {
        return created(draft(title, "CN", null, themes));
    }

    /** A draft with its person, its two targets and its two letter templates. */
    private long draft(String title, String country, LocalDate deadline, String... themes) {
        String reference = "T " + UUID.randomUUID().toString().substring(0, 8);
        Target primary = targets.save(new Target("Official " + reference, "Director", "Test Bureau", "Dear Director")
                .withAddress(new PostalAddress("1 Test Road", "Testville", "Test Province", "100000", "CN"))
                .withContacts("official@example.org", "+86 10 0000 0000", "+86 10 0000 0001", null));
        Target embassy = targets.save(new Target("Ambassador " + reference, "Ambassador", "Test Embassy", null)
                .withAddress(new PostalAddress("2 Embassy Row", "Washington", "DC", "20008", "US"))
                .accreditedIn("US"));
        long id = editing.create(new AppealForm(
                null,
                reference,
                null,
                null,
                title,
                country,
                String.join(", ", themes),
                null,
                "Summary of " + title,
                null,
                "Urge them to:",
                "release the person\nstop the harassment",
                null,
                null,
                null,
                null,
                deadline,
                java.util.EnumSet.of(
                        ActionKind.LETTER, ActionKind.EMAIL, ActionKind.FAX, ActionKind.SOLIDARITY_MESSAGE)));
        editing.addPerson(
                id,
                new PersonForm(
                        editing.currentVersion(id),
                        "Person " + reference,
                        "测试",
                        "Activist",
                        Situation.DETAINED,
                        null,
                        "Test Prison",
                        "3 Prison Road",
                        "Testville",
                        null,
                        "100001",
                        "CN",
                        null,
                        null));
        editing.attachTarget(id, editing.currentVersion(id), primary.getId(), TargetRole.PRIMARY);
        editing.attachTarget(id, editing.currentVersion(id), embassy.getId(), TargetRole.COPY);
        addTemplates(id);
        return id;
    }

    private void addTemplates(long id) {
        String reference = editing.get(id).getReferenceCode();
        templates.create(
                id,
                new TemplateForm(
                        null,
                        "en",
                        LetterKind.APPEAL,
                        "Write to the officials",
                        null,
                        "About " + reference,
                        "{salutation},\n\nPlease release them.\n\nYours sincerely,\n{supporter_name}\n{supporter_town}",
                        null));
        templates.create(
                id,
                new TemplateForm(
                        null,
                        "en",
                        LetterKind.SOLIDARITY,
                        "Write to the person",
                        null,
                        "Solidarity",
                        "{salutation},\n\nYou are not alone.\n\n{supporter_name}",
                        null));
    }

    private Created created(long id) {
        entities.flush(); // the new rows get their ids
        Appeal appeal = editing.get(id);
        return new Created(
                appeal.getId(),
                appeal.getSlug(),
                appeal.getReferenceCode(),
                appeal.getTargets().get(0).getTargetId(),
                appeal.getTargets().get(1).getTargetId(),
                appeal.getPeople().get(0).getId());
    }
}
