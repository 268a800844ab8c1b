package org.urgentaction.letters;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.urgentaction.accounts.CanEdit;
import org.urgentaction.appeals.AppealCatalog;
import org.urgentaction.appeals.AppealDetails;
import org.urgentaction.audit.AuditLog;
import org.urgentaction.web.EditConflict;
import org.urgentaction.web.NotFoundException;
import org.urgentaction.web.StaleEditException;

/**
 * Letter templates, per appeal, language and kind. The placeholders are listed beside the editor;
 * an unknown one is refused before saving; "Preview" renders the letter through the composer, for
 * a sample supporter and each recipient, exactly as supporters will get it.
 */
@Controller
class TemplateAdminController {

    static final String SUBJECT = "letter_template";
    static final Supporter SAMPLE_SUPPORTER = new Supporter("Ann Example", "Leeds");

    private final LetterTemplateRepository templates;
    private final AppealCatalog catalog;
    private final LetterComposer composer;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;

    TemplateAdminController(
            LetterTemplateRepository templates,
            AppealCatalog catalog,
            LetterComposer composer,
            AuditLog audit,
            TransactionTemplate transaction,
            ApplicationEventPublisher events) {
        this.templates = templates;
        this.catalog = catalog;
        this.composer = composer;
        this.audit = audit;
        this.transaction = transaction;
        this.events = events;
    }

    @GetMapping("/admin/appeals/{appealId}/templates/new")
    @CanEdit
    String newTemplate(@PathVariable long appealId, Model model) {
        model.addAttribute("form", TemplateForm.empty());
        return page(catalog.getForStaff(appealId), null, model);
    }

    @PostMapping("/admin/appeals/{appealId}/templates")
    @CanEdit
    ModelAndView create(
            @PathVariable long appealId,
            @Valid @ModelAttribute("form") TemplateForm form,
            BindingResult errors,
            @RequestParam(defaultValue = "save") String action,
            Model model,
            RedirectAttributes redirect) {
        AppealDetails appeal = catalog.getForStaff(appealId);
        checkPlaceholdersAndUniqueness(appealId, null, form, errors);
        if (errors.hasErrors() || action.equals("preview")) {
            return preview(appeal, null, form, errors, model);
        }
        long id = transaction.execute(status -> {
            LetterTemplate template = templates.save(form.newTemplate(appealId));
            audit.record("template.created", SUBJECT, template.getId(), template.getHeading());
            events.publishEvent(new LetterTemplateChanged(appealId));
            return template.getId();
        });
        redirect.addFlashAttribute("notice", "admin.saved");
        return new ModelAndView("redirect:/admin/templates/" + id + "/edit");
    }

    @GetMapping("/admin/templates/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        LetterTemplate template = find(id);
        model.addAttribute("form", TemplateForm.of(template));
        return page(catalog.getForStaff(template.getAppealId()), id, model);
    }

    @PostMapping("/admin/templates/{id}")
    @CanEdit
    ModelAndView update(
            @PathVariable long id,
            @Valid @ModelAttribute("form") TemplateForm form,
            BindingResult errors,
            @RequestParam(defaultValue = "save") String action,
            Model model,
            RedirectAttributes redirect) {
        LetterTemplate saved = find(id);
        AppealDetails appeal = catalog.getForStaff(saved.getAppealId());
        checkPlaceholdersAndUniqueness(saved.getAppealId(), id, form, errors);
        if (errors.hasErrors() || action.equals("preview")) {
            return preview(appeal, id, form, errors, model);
        }
        try {
            transaction.executeWithoutResult(status -> {
                LetterTemplate template = find(id);
                StaleEditException.check(form.version(), template.getVersion());
                TemplateForm before = TemplateForm.of(template);
                form.applyTo(template);
                templates.flush();
                audit.record("template.updated", SUBJECT, id, EditConflict.describe(before, TemplateForm.of(template)));
                events.publishEvent(new LetterTemplateChanged(template.getAppealId()));
            });
        } catch (StaleEditException | ObjectOptimisticLockingFailureException conflict) {
            LetterTemplate current = find(id);
            return new ModelAndView(
                    page(appeal, id, model),
                    EditConflict.show(model, TemplateForm.of(current), form, current.getVersion()));
        }
        redirect.addFlashAttribute("notice", "admin.saved");
        return new ModelAndView("redirect:/admin/templates/" + id + "/edit");
    }

    /** The form again: with its errors (400), or with the letter as each official would get it. */
    private ModelAndView preview(AppealDetails appeal, Long id, TemplateForm form, BindingResult errors, Model model) {
        if (errors.hasErrors()) {
            return new ModelAndView(page(appeal, id, model), HttpStatus.BAD_REQUEST);
        }
        LetterTemplate draft = new LetterTemplate(
                appeal.id(), form.language(), form.kind(), form.heading(), form.subject(), form.body());
        model.addAttribute(
                "previews",
                composer.recipientsFor(appeal, form.kind()).stream()
                        .map(recipient -> composer.compose(draft, recipient, SAMPLE_SUPPORTER))
                        .toList());
        return new ModelAndView(page(appeal, id, model));
    }

    private void checkPlaceholdersAndUniqueness(long appealId, Long id, TemplateForm form, BindingResult errors) {
        for (String field : List.of("subject", "body")) {
            String text = field.equals("subject") ? form.subject() : form.body();
            Set<String> unknown = Placeholders.unknownIn(text);
            if (!errors.hasFieldErrors(field) && !unknown.isEmpty()) {
                errors.rejectValue(
                        field,
                        "template.placeholder.unknown",
                        new Object[] {"{" + String.join("}, {", unknown) + "}"},
                        "Unknown placeholder");
            }
        }
        if (!errors.hasFieldErrors("language") && !errors.hasFieldErrors("kind")) {
            boolean taken = templates.findByAppealIdOrderByKindAscLanguageAsc(appealId).stream()
                    .anyMatch(t -> !t.getId().equals(id)
                            && t.getKind() == form.kind()
                            && t.getLanguage()
                                    .equalsIgnoreCase(java.util.Locale.forLanguageTag(form.language())
                                            .toLanguageTag()));
            if (taken) {
                errors.rejectValue("language", "template.language.taken");
            }
        }
    }

    private String page(AppealDetails appeal, Long id, Model model) {
        model.addAttribute("appeal", appeal);
        model.addAttribute("templateId", id);
        model.addAttribute("kinds", LetterKind.values());
        model.addAttribute("placeholders", Placeholders.KNOWN.stream().sorted().toList());
        if (id != null) {
            model.addAttribute("trail", audit.trailOf(SUBJECT, id));
        }
        return "admin/templates/form";
    }

    private LetterTemplate find(long id) {
        return templates.findById(id).orElseThrow(() -> new NotFoundException("letter template", id));
    }
}
