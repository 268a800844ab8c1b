package org.urgentaction.reporting;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.urgentaction.accounts.AdminOnly;
import org.urgentaction.audit.AuditLog;
import org.urgentaction.web.EditConflict;
import org.urgentaction.web.StaleEditException;

/** The organisation's name, signatory, address, paper and tally wording: administrators only. */
@Controller
@AdminOnly
class OrganisationController {

    private final OrganisationSettings settings;
    private final AuditLog audit;

    OrganisationController(OrganisationSettings settings, AuditLog audit) {
        this.settings = settings;
        this.audit = audit;
    }

    @GetMapping("/admin/organisation")
    String edit(Model model) {
        model.addAttribute("form", OrganisationForm.of(settings.current()));
        return page(model);
    }

    @PostMapping("/admin/organisation")
    ModelAndView update(
            @Valid @ModelAttribute("form") OrganisationForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        TallyWordingForm.checkPlaceholders(form.wordingEn(), "wordingEn", errors);
        TallyWordingForm.checkPlaceholders(form.wordingFr(), "wordingFr", errors);
        if (errors.hasErrors()) {
            return new ModelAndView(page(model), HttpStatus.BAD_REQUEST);
        }
        try {
            settings.update(form);
        } catch (StaleEditException conflict) {
            OrganisationSettings.Organisation saved = settings.current();
            return new ModelAndView(
                    page(model), EditConflict.show(model, OrganisationForm.of(saved), form, saved.version()));
        }
        redirect.addFlashAttribute("notice", "organisation.saved");
        return new ModelAndView("redirect:/admin/organisation");
    }

    private String page(Model model) {
        model.addAttribute("papers", PaperSize.values());
        model.addAttribute("placeholders", TallyWording.KNOWN);
        model.addAttribute("trail", audit.trailOf(OrganisationSettings.SUBJECT, OrganisationSettings.SUBJECT_ID));
        return "admin/reporting/organisation";
    }
}
