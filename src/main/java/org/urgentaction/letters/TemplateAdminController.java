package org.urgentaction.letters;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
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
import org.urgentaction.web.StaleEditException;

/**
 * Letter templates, per appeal, language and kind. The placeholders are listed beside the editor;
 * an unknown one is refused before saving; "Preview" renders the letter through the composer, for
 * a sample supporter and each recipient, exactly as supporters will get it.
 */
@Controller
class TemplateAdminController {

    static final Supporter SAMPLE_SUPPORTER = new Supporter("Ann Example", "Leeds");

    private final TemplateEditing editing;
    private final AppealCatalog catalog;
    private final LetterComposer composer;
    private final AuditLog audit;

    TemplateAdminController(TemplateEditing editing, AppealCatalog catalog, LetterComposer composer, AuditLog audit) {
        this.editing = editing;
        this.catalog = catalog;
        this.composer = composer;
        this.audit = audit;
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
        editing.check(appealId, null, form, errors);
        if (errors.hasErrors() || action.equals("preview")) {
            return preview(appeal, null, form, errors, model);
        }
        long id = editing.create(appealId, form);
        redirect.addFlashAttribute("notice", "admin.saved");
        return new ModelAndView("redirect:/admin/templates/" + id + "/edit");
    }

    @GetMapping("/admin/templates/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        LetterTemplate template = editing.get(id);
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
        LetterTemplate saved = editing.get(id);
        AppealDetails appeal = catalog.getForStaff(saved.getAppealId());
        editing.check(saved.getAppealId(), id, form, errors);
        if (errors.hasErrors() || action.equals("preview")) {
            return preview(appeal, id, form, errors, model);
        }
        try {
            editing.update(id, form);
        } catch (StaleEditException conflict) {
            LetterTemplate current = editing.get(id);
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

    private String page(AppealDetails appeal, Long id, Model model) {
        model.addAttribute("appeal", appeal);
        model.addAttribute("templateId", id);
        model.addAttribute("kinds", LetterKind.values());
        model.addAttribute("placeholders", Placeholders.KNOWN.stream().sorted().toList());
        if (id != null) {
            model.addAttribute("trail", audit.trailOf(TemplateEditing.SUBJECT, id));
        }
        return "admin/templates/form";
    }
}
