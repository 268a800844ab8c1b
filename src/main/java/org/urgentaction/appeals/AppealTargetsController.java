package org.urgentaction.appeals;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.urgentaction.accounts.CanEdit;
import org.urgentaction.targets.TargetForm;

/** The officials an appeal is addressed to: attached from the directory or created on the spot, in order. */
@Controller
@RequestMapping("/admin/appeals/{id}/targets")
@CanEdit
class AppealTargetsController {

    private final AppealEditing editing;
    private final AppealAdminPages pages;

    AppealTargetsController(AppealEditing editing, AppealAdminPages pages) {
        this.editing = editing;
        this.pages = pages;
    }

    @PostMapping
    ModelAndView attachTarget(
            @PathVariable long id,
            @Valid @ModelAttribute("attachForm") AppealAdminForms.AttachForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return pages.refuse(id, model, HttpStatus.BAD_REQUEST, "admin.appeal.chooseTarget");
        }
        return pages.act(
                id,
                model,
                redirect,
                "admin.saved",
                () -> editing.attachTarget(id, form.version(), form.targetId(), form.role()));
    }

    @PostMapping("/create")
    ModelAndView createTarget(
            @PathVariable long id,
            @Valid @ModelAttribute("targetForm") TargetForm form,
            BindingResult errors,
            @RequestParam(defaultValue = "PRIMARY") TargetRole role,
            Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return pages.invalid(id, model);
        }
        return pages.act(
                id,
                model,
                redirect,
                "admin.saved",
                () -> editing.createAndAttachTarget(id, form.version(), form.toTarget(), role));
    }

    @PostMapping("/{targetId}/delete")
    ModelAndView detachTarget(
            @PathVariable long id,
            @PathVariable long targetId,
            @RequestParam(required = false) Long version,
            Model model,
            RedirectAttributes redirect) {
        return pages.act(id, model, redirect, "admin.saved", () -> editing.detachTarget(id, version, targetId));
    }

    @PostMapping("/{targetId}/move")
    ModelAndView moveTarget(
            @PathVariable long id,
            @PathVariable long targetId,
            @RequestParam(required = false) Long version,
            @RequestParam int direction,
            Model model,
            RedirectAttributes redirect) {
        return pages.act(
                id, model, redirect, "admin.saved", () -> editing.moveTarget(id, version, targetId, direction));
    }
}
