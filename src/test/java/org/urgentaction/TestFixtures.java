package org.urgentaction;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.transaction.annotation.Transactional;

import org.urgentaction.appeals.Appeal;
import org.urgentaction.appeals.AppealRepository;
import org.urgentaction.appeals.AppealResource;
import org.urgentaction.appeals.Outcome;
import org.urgentaction.appeals.PersonAtRisk;
import org.urgentaction.appeals.Situation;
import org.urgentaction.appeals.TargetRole;
import org.urgentaction.letters.LetterKind;
import org.urgentaction.letters.LetterTemplate;
import org.urgentaction.letters.LetterTemplateRepository;
import org.urgentaction.targets.PostalAddress;
import org.urgentaction.targets.Target;
import org.urgentaction.targets.TargetRepository;

/**
 * Builds appeals for tests, each with its own reference and theme, so tests that share one database
 * can find exactly their own rows.
 */
@TestComponent
public class TestFixtures {

    private final AppealRepository appeals;
    private final TargetRepository targets;
    private final LetterTemplateRepository templates;

    TestFixtures(AppealRepository appeals, TargetRepository targets, LetterTemplateRepository templates) {
        this.appeals = appeals;
        this.targets = targets;
        this.templates = templates;
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
        Appeal appeal = draft(title, country, deadline, themes).publish();
        return save(appeal);
    }

    /** A published follow-up ("Second …") of the given appeal, with a resource link. */
    @Transactional
    public Created followUpOf(Created original, String title) {
        Appeal previous = appeals.findById(original.id()).orElseThrow();
        Appeal appeal = draft(title, "CN", null)
                .followingUp(previous, 2, "Second " + original.reference())
                .addResource(AppealResource.link("PDF of the original", "https://example.org/original.pdf"))
                .publish();
        return save(appeal);
    }

    @Transactional(readOnly = true)
    public long templateIdOf(long appealId) {
        return templates
                .findByAppealIdOrderByKindAscLanguageAsc(appealId)
                .getFirst()
                .getId();
    }

    /** Ids of one timeline update and one resource link added to the appeal. */
    public record Extras(long updateId, long resourceId) {}

    @Transactional
    public Extras addUpdateAndResource(long appealId) {
        Appeal appeal = appeals.findById(appealId).orElseThrow();
        appeal.addUpdate(new org.urgentaction.appeals.AppealUpdate(LocalDate.now(), "Something happened", null));
        appeal.addResource(AppealResource.link("More", "https://example.org/more"));
        appeals.flush();
        return new Extras(
                appeal.getUpdates().getFirst().getId(),
                appeal.getResources().getLast().getId());
    }

    @Transactional
    public Created closed(String title, Outcome outcome, String... themes) {
        Appeal appeal = draft(title, "CN", null, themes).publish().close(outcome, null, LocalDate.now());
        return save(appeal);
    }

    @Transactional
    public Created unpublished(String title, String... themes) {
        return save(draft(title, "CN", null, themes));
    }

    private Appeal draft(String title, String country, LocalDate deadline, String... themes) {
        String reference = "T " + UUID.randomUUID().toString().substring(0, 8);
        Target primary = targets.save(new Target("Official " + reference, "Director", "Test Bureau", "Dear Director")
                .withAddress(new PostalAddress("1 Test Road", "Testville", "Test Province", "100000", "CN"))
                .withContacts("official@example.org", "+86 10 0000 0000", "+86 10 0000 0001", null));
        Target embassy = targets.save(new Target("Ambassador " + reference, "Ambassador", "Test Embassy", null)
                .withAddress(new PostalAddress("2 Embassy Row", "Washington", "DC", "20008", "US"))
                .accreditedIn("US"));
        return new Appeal(reference, title, country, "Summary of " + title)
                .themes(themes)
                .deadline(deadline)
                .demands("Urge them to:", "release the person", "stop the harassment")
                .addPerson(new PersonAtRisk("Person " + reference, "测试", "Activist", Situation.DETAINED)
                        .detainedAt(
                                "Test Prison", new PostalAddress("3 Prison Road", "Testville", null, "100001", "CN")))
                .addTarget(primary.getId(), TargetRole.PRIMARY)
                .addTarget(embassy.getId(), TargetRole.COPY);
    }

    private Created save(Appeal appeal) {
        appeals.save(appeal);
        templates.save(new LetterTemplate(
                appeal.getId(),
                "en",
                LetterKind.APPEAL,
                "Write to the officials",
                "About " + appeal.getReferenceCode(),
                "{salutation},\n\nPlease release them.\n\nYours sincerely,\n{supporter_name}\n{supporter_town}"));
        templates.save(new LetterTemplate(
                appeal.getId(),
                "en",
                LetterKind.SOLIDARITY,
                "Write to the person",
                "Solidarity",
                "{salutation},\n\nYou are not alone.\n\n{supporter_name}"));
        return new Created(
                appeal.getId(),
                appeal.getSlug(),
                appeal.getReferenceCode(),
                appeal.getTargets().get(0).getTargetId(),
                appeal.getTargets().get(1).getTargetId(),
                appeal.getPeople().get(0).getId());
    }
}
