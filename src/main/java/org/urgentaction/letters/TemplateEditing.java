package org.urgentaction.letters;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

import org.urgentaction.audit.AuditLog;
import org.urgentaction.audit.StaffEdits;
import org.urgentaction.web.NotFoundException;

/**
 * Everything staff change in an appeal's letter templates, audited; an edit from an older copy is
 * refused, and so is an unknown placeholder or a second template of one kind in one language.
 */
@NamedInterface("api")
@Service
@Transactional
public class TemplateEditing {

    static final String SUBJECT = "letter_template";

    private final LetterTemplateRepository templates;
    private final StaffEdits edits;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    TemplateEditing(
            LetterTemplateRepository templates, StaffEdits edits, AuditLog audit, ApplicationEventPublisher events) {
        this.templates = templates;
        this.edits = edits;
        this.audit = audit;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public LetterTemplate get(long id) {
        return templates.findById(id).orElseThrow(() -> new NotFoundException("letter template", id));
    }

    /** The appeal's templates, by kind and language. */
    @Transactional(readOnly = true)
    public List<LetterTemplate> ofAppeal(long appealId) {
        return templates.findByAppealIdOrderByKindAscLanguageAsc(appealId);
    }

    /** Adds to {@code errors} what makes the form unsavable for this appeal ({@code id} null when new). */
    @Transactional(readOnly = true)
    public void check(long appealId, Long id, TemplateForm form, Errors errors) {
        Map<String, String> texts = Map.of(
                "subject", Objects.toString(form.subject(), ""),
                "body", Objects.toString(form.body(), ""),
                "voicemail", Objects.toString(form.voicemail(), ""));
        for (String field : List.of("subject", "body", "voicemail")) {
            Set<String> unknown = Placeholders.unknownIn(texts.get(field));
            if (!errors.hasFieldErrors(field) && !unknown.isEmpty()) {
                errors.rejectValue(
                        field,
                        "template.placeholder.unknown",
                        new Object[] {"{" + String.join("}, {", unknown) + "}"},
                        "Unknown placeholder");
            }
        }
        if (!errors.hasFieldErrors("language") && !errors.hasFieldErrors("kind") && languageTaken(appealId, id, form)) {
            errors.rejectValue("language", "template.language.taken");
        }
    }

    public long create(long appealId, TemplateForm form) {
        LetterTemplate template = templates.save(form.newTemplate(appealId));
        audit.record("template.created", SUBJECT, template.getId(), template.getHeading());
        events.publishEvent(new LetterTemplateChanged(appealId));
        return template.getId();
    }

    public void update(long id, TemplateForm form) {
        LetterTemplate template = get(id);
        edits.update("template.updated", SUBJECT, template, form.version(), TemplateForm::of, form::applyTo);
        events.publishEvent(new LetterTemplateChanged(template.getAppealId()));
    }

    private boolean languageTaken(long appealId, Long id, TemplateForm form) {
        String language = Locale.forLanguageTag(form.language()).toLanguageTag();
        return templates.findByAppealIdOrderByKindAscLanguageAsc(appealId).stream()
                .anyMatch(t -> !t.getId().equals(id)
                        && t.getKind() == form.kind()
                        && t.getLanguage().equalsIgnoreCase(language));
    }
}
