package org.urgentaction.appeals;

import jakarta.validation.Valid;
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

import org.urgentaction.accounts.CanEdit;
import org.urgentaction.web.EditConflict;
import org.urgentaction.web.StaleEditException;

/** The people at risk of one appeal. */
@Controller
@RequestMapping("/admin/appeals/{id}/people")
@CanEdit
class AppealPeopleController {

    private static final String FORM = "admin/appeals/person";

    private final AppealEditing editing;
    private final AppealAdminPages pages;

    AppealPeopleController(AppealEditing editing, AppealAdminPages pages) {
        this.editing = editing;
        this.pages = pages;
    }

    @GetMapping("/new")
    String newPerson(@PathVariable long id, Model model) {
        Appeal appeal = editing.get(id);
        model.addAttribute("appeal", appeal);
        model.addAttribute("form", PersonForm.empty(appeal.getVersion()));
        model.addAttribute("situations", Situation.values());
        return FORM;
    }

    @PostMapping
    ModelAndView addPerson(
            @PathVariable long id,
            @Valid @ModelAttribute("form") PersonForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        return save(id, null, form, errors, model, redirect);
    }

    @GetMapping("/{personId}/edit")
    String editPerson(@PathVariable long id, @PathVariable long personId, Model model) {
        Appeal appeal = editing.get(id);
        model.addAttribute("appeal", appeal);
        model.addAttribute("personId", personId);
        model.addAttribute("form", PersonForm.of(person(appeal, personId), appeal.getVersion()));
        model.addAttribute("situations", Situation.values());
        return FORM;
    }

    @PostMapping("/{personId}")
    ModelAndView updatePerson(
            @PathVariable long id,
            @PathVariable long personId,
            @Valid @ModelAttribute("form") PersonForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        return save(id, personId, form, errors, model, redirect);
    }

    @PostMapping("/{personId}/delete")
    ModelAndView removePerson(
            @PathVariable long id,
            @PathVariable long personId,
            @RequestParam(required = false) Long version,
            Model model,
            RedirectAttributes redirect) {
        return pages.act(id, model, redirect, "admin.saved", () -> editing.removePerson(id, personId, version));
    }

    private ModelAndView save(
            long id, Long personId, PersonForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        Appeal appeal = editing.get(id);
        model.addAttribute("appeal", appeal);
        model.addAttribute("personId", personId);
        model.addAttribute("situations", Situation.values());
        if (errors.hasErrors()) {
            return new ModelAndView(FORM, HttpStatus.BAD_REQUEST);
        }
        try {
            if (personId == null) {
                editing.addPerson(id, form);
            } else {
                editing.updatePerson(id, personId, form);
            }
        } catch (StaleEditException | ObjectOptimisticLockingFailureException conflict) {
            Appeal saved = editing.get(id);
            PersonForm savedForm = personId == null
                    ? PersonForm.empty(saved.getVersion())
                    : PersonForm.of(person(saved, personId), saved.getVersion());
            return new ModelAndView(FORM, EditConflict.show(model, savedForm, form, saved.getVersion()));
        }
        redirect.addFlashAttribute("notice", "admin.saved");
        return AppealAdminPages.toAppeal(id);
    }

    private static PersonAtRisk person(Appeal appeal, long personId) {
        return appeal.getPeople().stream()
                .filter(p -> p.getId() == personId)
                .findFirst()
                .orElseThrow(() -> new AppealNotFoundException("person " + personId));
    }
}
