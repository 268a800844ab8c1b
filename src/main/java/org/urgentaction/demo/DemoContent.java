package org.urgentaction.demo;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;
import tools.jackson.core.type.TypeReference;

import org.urgentaction.actions.PetitionAdmin;
import org.urgentaction.appeals.AppealEditing;
import org.urgentaction.appeals.AppealForm;
import org.urgentaction.appeals.AppealUpdate;
import org.urgentaction.appeals.PersonForm;
import org.urgentaction.appeals.TargetRole;
import org.urgentaction.events.EventEditing;
import org.urgentaction.events.EventForm;
import org.urgentaction.letters.TemplateEditing;
import org.urgentaction.letters.TemplateForm;
import org.urgentaction.targets.TargetEditing;
import org.urgentaction.targets.TargetForm;

/**
 * On first start against an empty database, loads the demo from src/main/resources/demo/: the seed
 * appeals, carried faithfully (a value the source hides, such as an obscured e-mail, is left empty),
 * and two fictional open appeals; then the events in demo/events/, which name the appeals they are
 * held for by their file's name. Each file holds the forms staff fill in, which go through the
 * services staff use, with their checks, slugs and audit trail (actor "system").
 *
 * <p>demo/officials.yaml is the directory, one entry per official, each added once; an appeal names
 * the ones it writes to by key, so two appeals can share one. {@code {today+12d}} anywhere in a file
 * is the date that many days from the Clock's today. Turn off with {@code urgent-action.demo.enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "urgent-action.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoContent implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoContent.class);
    private static final String OFFICIALS = "classpath:demo/officials.yaml";
    private static final String APPEALS = "classpath:demo/appeals/*.yaml";
    private static final String EVENTS = "classpath:demo/events/*.yaml";

    private final AppealEditing appeals;
    private final TargetEditing targets;
    private final TemplateEditing templates;
    private final PetitionAdmin petitions;
    private final EventEditing events;
    private final Validator validator;
    private final DemoFiles files;
    private final TransactionTemplate transactions;

    DemoContent(
            AppealEditing appeals,
            TargetEditing targets,
            TemplateEditing templates,
            PetitionAdmin petitions,
            EventEditing events,
            Validator validator,
            Clock clock,
            TransactionTemplate transactions) {
        this.appeals = appeals;
        this.targets = targets;
        this.templates = templates;
        this.petitions = petitions;
        this.events = events;
        this.validator = validator;
        this.files = new DemoFiles(clock);
        this.transactions = transactions;
    }

    /**
     * Loads everything or nothing. Supporters may already be asking for the list (the server takes
     * requests before this runs): publishing announces each appeal once this has committed.
     */
    @Override
    public void run(ApplicationArguments args) {
        transactions.executeWithoutResult(status -> {
            if (!appeals.anyExist()) {
                Map<String, Long> officials = addOfficials(DemoFiles.resource(OFFICIALS));
                List<Resource> appealFiles = DemoFiles.resources(APPEALS);
                Map<String, Long> appealIds = new HashMap<>();
                appealFiles.forEach(file -> appealIds.put(keyOf(file), addAppeal(file, officials)));
                List<Resource> eventFiles = DemoFiles.resources(EVENTS);
                eventFiles.forEach(file -> addEvent(file, appealIds));
                log.info("Loaded {} demo appeals and {} events", appealFiles.size(), eventFiles.size());
            }
        });
    }

    /** @return each official's id by its key */
    private Map<String, Long> addOfficials(Resource file) {
        Map<String, TargetForm> forms = files.read(file, new TypeReference<LinkedHashMap<String, TargetForm>>() {});
        Map<String, Long> ids = new HashMap<>();
        forms.forEach((key, form) -> ids.put(key, targets.create(valid(form, file, key))));
        return ids;
    }

    /** An appeal file's name without ".yaml", by which an event names the appeals it is held for. */
    private static String keyOf(Resource file) {
        return file.getFilename().replaceFirst("\\.yaml$", "");
    }

    /** @return the appeal's id */
    private long addAppeal(Resource file, Map<String, Long> officials) {
        DemoFile demo = files.read(file, new TypeReference<DemoFile>() {});
        AppealForm form = valid(demo.appeal(), file, "appeal");
        long id = form.followUpNumber() == null ? appeals.create(form) : appeals.createFollowUp(form);
        for (PersonForm person : demo.people()) {
            appeals.addPerson(id, valid(person.withVersion(appeals.currentVersion(id)), file, person.name()));
        }
        for (DemoFile.Update update : demo.timeline()) {
            appeals.addUpdate(
                    id,
                    appeals.currentVersion(id),
                    new AppealUpdate(update.happenedOn(), update.headline(), update.body()));
        }
        for (DemoFile.Document document : demo.documents()) {
            appeals.addDocument(
                    id,
                    appeals.currentVersion(id),
                    document.label(),
                    document.fileName(),
                    PlaceholderPdf.saying(document.fileName(), document.placeholder()));
        }
        attach(id, demo.writeTo(), TargetRole.PRIMARY, officials, file);
        attach(id, demo.copyTo(), TargetRole.COPY, officials, file);
        for (TemplateForm letter : demo.letters()) {
            templates.create(id, checked(id, valid(letter, file, letter.heading()), file));
        }
        appeals.publish(id, appeals.currentVersion(id));
        if (demo.petition() != null) {
            petitions.setGoal(id, demo.petition().goal());
            demo.petition()
                    .paperBatches()
                    .forEach(batch -> petitions.addPaperBatch(id, batch.signatures(), batch.gathered(), "demo"));
        }
        return id;
    }

    private void addEvent(Resource file, Map<String, Long> appealIds) {
        DemoEvent demo = files.read(file, new TypeReference<DemoEvent>() {});
        List<Long> heldFor = demo.appeals().stream()
                .map(key -> {
                    Long id = appealIds.get(key);
                    if (id == null) {
                        throw new IllegalStateException(file.getFilename() + ": no demo appeal \"" + key + "\"");
                    }
                    return id;
                })
                .toList();
        EventForm form = valid(demo.event().heldFor(heldFor), file, "event");
        long id = events.create(form);
        events.publish(id, events.currentVersion(id));
    }

    private void attach(long id, List<String> keys, TargetRole role, Map<String, Long> officials, Resource file) {
        for (String key : keys) {
            Long official = officials.get(key);
            if (official == null) {
                throw new IllegalStateException(file.getFilename() + ": no official \"" + key + "\" in officials.yaml");
            }
            appeals.attachTarget(id, appeals.currentVersion(id), official, role);
        }
    }

    /** The bean validation staff's forms get. */
    private <F> F valid(F form, Resource file, String what) {
        Set<ConstraintViolation<F>> violations = validator.validate(form);
        if (!violations.isEmpty()) {
            throw new IllegalStateException(file.getFilename() + ", " + what + ": " + violations);
        }
        return form;
    }

    /** The letter checks staff's template form gets (placeholders, one per kind and language). */
    private TemplateForm checked(long appealId, TemplateForm letter, Resource file) {
        Errors errors = new BeanPropertyBindingResult(letter, "letter");
        templates.check(appealId, null, letter, errors);
        if (errors.hasErrors()) {
            throw new IllegalStateException(file.getFilename() + ", " + letter.heading() + ": " + errors);
        }
        return letter;
    }
}
