package org.urgentaction.targets;

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
import org.urgentaction.audit.AuditLog;
import org.urgentaction.web.EditConflict;
import org.urgentaction.web.StaleEditException;

/** The directory of officials and embassies: search, create, edit, and see which appeals use each. */
@Controller
class TargetAdminController {

    private final TargetEditing editing;
    private final TargetDirectory directory;
    private final TargetUsage usage;
    private final AuditLog audit;

    TargetAdminController(TargetEditing editing, TargetDirectory directory, TargetUsage usage, AuditLog audit) {
        this.editing = editing;
        this.directory = directory;
        this.usage = usage;
        this.audit = audit;
    }

    @GetMapping("/admin/targets")
    String list(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("targets", directory.search(q, 200));
        return "admin/targets/list";
    }

    @GetMapping("/admin/targets/new")
    @CanEdit
    String newTarget(Model model) {
        model.addAttribute("form", TargetForm.empty());
        return "admin/targets/form";
    }

    @PostMapping("/admin/targets")
    @CanEdit
    ModelAndView create(
            @Valid @ModelAttribute("form") TargetForm form, BindingResult errors, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return new ModelAndView("admin/targets/form", HttpStatus.BAD_REQUEST);
        }
        long id = editing.create(form);
        redirect.addFlashAttribute("notice", "admin.saved");
        return new ModelAndView("redirect:/admin/targets/" + id + "/edit");
    }

    @GetMapping("/admin/targets/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        model.addAttribute("form", TargetForm.of(editing.get(id)));
        return page(id, model);
    }

    @PostMapping("/admin/targets/{id}")
    @CanEdit
    ModelAndView update(
            @PathVariable long id,
            @Valid @ModelAttribute("form") TargetForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return new ModelAndView(page(id, model), HttpStatus.BAD_REQUEST);
        }
        try {
            editing.update(id, form);
        } catch (StaleEditException conflict) {
            Target saved = editing.get(id);
            return new ModelAndView(
                    page(id, model), EditConflict.show(model, TargetForm.of(saved), form, saved.getVersion()));
        }
        redirect.addFlashAttribute("notice", "admin.saved");
        return new ModelAndView("redirect:/admin/targets/" + id + "/edit");
    }

    private String page(long id, Model model) {
        model.addAttribute("targetId", id);
        model.addAttribute("target", editing.get(id));
        model.addAttribute("usedBy", usage.appealsUsing(id));
        model.addAttribute("trail", audit.trailOf(TargetEditing.SUBJECT, id));
        return "admin/targets/form";
    }
}
