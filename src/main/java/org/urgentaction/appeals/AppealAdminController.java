package org.urgentaction.appeals;

import jakarta.validation.Valid;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.urgentaction.accounts.AdminOnly;
import org.urgentaction.accounts.CanEdit;
import org.urgentaction.web.EditConflict;
import org.urgentaction.web.StaleEditException;

/**
 * Staff work on appeals: the list, the appeal's own fields and its lifecycle (publish, close,
 * reopen, follow-up). Its people, officials, timeline and documents have their own controllers.
 * Organisers may look; editors and administrators may change; only administrators reopen a closed
 * appeal.
 */
@Controller
@RequestMapping("/admin/appeals")
class AppealAdminController {

    private static final String FORM = "admin/appeals/form";

    private final AppealEditing editing;
    private final AppealCatalog catalog;
    private final AppealAdminSearch search;
    private final AppealAdminPages pages;

    AppealAdminController(
            AppealEditing editing, AppealCatalog catalog, AppealAdminSearch search, AppealAdminPages pages) {
        this.editing = editing;
        this.catalog = catalog;
        this.search = search;
        this.pages = pages;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) AppealStatus status,
            @RequestParam(required = false) String country,
            @RequestParam(defaultValue = "DEADLINE") AppealAdminSearch.Sort sort,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        model.addAttribute(
                "appeals", search.search(q, status, country, sort, PageRequest.of(Math.max(page, 1) - 1, 25)));
        model.addAttribute("q", q);
        model.addAttribute("status", status);
        model.addAttribute("country", country);
        model.addAttribute("sort", sort);
        model.addAttribute("statuses", AppealStatus.values());
        return "admin/appeals/list";
    }

    @GetMapping("/new")
    @CanEdit
    String newAppeal(Model model) {
        model.addAttribute("form", AppealForm.empty());
        return FORM;
    }

    @PostMapping
    @CanEdit
    ModelAndView create(
            @Valid @ModelAttribute("form") AppealForm form, BindingResult errors, RedirectAttributes redirect) {
        checkReference(form, null, errors);
        if (errors.hasErrors()) {
            return new ModelAndView(FORM, HttpStatus.BAD_REQUEST);
        }
        long id;
        try {
            id = editing.create(form);
        } catch (ReferenceTakenException meanwhile) {
            errors.rejectValue("referenceCode", "appeal.reference.taken");
            return new ModelAndView(FORM, HttpStatus.BAD_REQUEST);
        }
        redirect.addFlashAttribute("notice", "admin.saved");
        return AppealAdminPages.toAppeal(id);
    }

    /** The ways to act staff can offer, for the appeal form's checkboxes. */
    @ModelAttribute("actionKinds")
    ActionKind[] actionKinds() {
        return ActionKind.values();
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, @RequestParam(required = false) String targetQuery, Model model) {
        return pages.show(editing.get(id), targetQuery, model);
    }

    /** The public page exactly as supporters will see it, drafts included. */
    @GetMapping("/{id}/preview")
    String preview(@PathVariable long id, Model model) {
        model.addAttribute("appeal", catalog.getForStaff(id));
        model.addAttribute("actions", 0L);
        model.addAttribute("preview", true);
        return "appeals/show";
    }

    @GetMapping("/{id}/edit")
    @CanEdit
    String edit(@PathVariable long id, Model model) {
        Appeal appeal = editing.get(id);
        model.addAttribute("appeal", appeal);
        model.addAttribute("form", AppealForm.of(appeal));
        return FORM;
    }

    @PostMapping("/{id}")
    @CanEdit
    ModelAndView update(
            @PathVariable long id,
            @Valid @ModelAttribute("form") AppealForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        checkReference(form, id, errors);
        if (errors.hasErrors()) {
            model.addAttribute("appeal", editing.get(id));
            return new ModelAndView(FORM, HttpStatus.BAD_REQUEST);
        }
        try {
            editing.update(id, form);
        } catch (ReferenceTakenException meanwhile) {
            errors.rejectValue("referenceCode", "appeal.reference.taken");
            model.addAttribute("appeal", editing.get(id));
            return new ModelAndView(FORM, HttpStatus.BAD_REQUEST);
        } catch (StaleEditException | ObjectOptimisticLockingFailureException conflict) {
            Appeal saved = editing.get(id);
            model.addAttribute("appeal", saved);
            return new ModelAndView(FORM, EditConflict.show(model, AppealForm.of(saved), form, saved.getVersion()));
        }
        redirect.addFlashAttribute("notice", "admin.saved");
        return AppealAdminPages.toAppeal(id);
    }

    @PostMapping("/{id}/publish")
    @CanEdit
    ModelAndView publish(
            @PathVariable long id,
            @RequestParam(required = false) Long version,
            Model model,
            RedirectAttributes redirect) {
        return pages.act(id, model, redirect, "admin.appeal.published", () -> editing.publish(id, version));
    }

    @PostMapping("/{id}/close")
    @CanEdit
    ModelAndView close(
            @PathVariable long id,
            @Valid @ModelAttribute("closeForm") AppealAdminForms.CloseForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return pages.refuse(id, model, HttpStatus.BAD_REQUEST, "appeal.rule.closeNeedsOutcome");
        }
        return pages.act(
                id,
                model,
                redirect,
                "admin.appeal.closed",
                () -> editing.close(id, form.version(), form.outcome(), form.note()));
    }

    @PostMapping("/{id}/reopen")
    @AdminOnly
    ModelAndView reopen(
            @PathVariable long id,
            @RequestParam(required = false) Long version,
            Model model,
            RedirectAttributes redirect) {
        return pages.act(id, model, redirect, "admin.appeal.reopened", () -> editing.reopen(id, version));
    }

    @PostMapping("/{id}/follow-up")
    @CanEdit
    String followUp(@PathVariable long id, RedirectAttributes redirect) {
        long followUp = editing.issueFollowUp(id);
        redirect.addFlashAttribute("notice", "admin.appeal.followUpIssued");
        return "redirect:/admin/appeals/" + followUp + "/edit";
    }

    /** People quote the reference back, so two appeals may not share it (with the same follow-up number). */
    private void checkReference(AppealForm form, Long id, BindingResult errors) {
        if (errors.getTarget() != null
                && !errors.hasFieldErrors("referenceCode")
                && !errors.hasFieldErrors("followUpNumber")
                && editing.referenceTaken(form.referenceCode().strip(), form.followUpNumber(), id)) {
            errors.rejectValue("referenceCode", "appeal.reference.taken");
        }
    }
}
