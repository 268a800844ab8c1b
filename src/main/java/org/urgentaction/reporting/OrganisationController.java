package org.urgentaction.reporting;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
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

    static final String SUBJECT = "organisation";
    // The settings are one row; the audit trail still wants an id for it.
    private static final long SUBJECT_ID = 1;

    private final OrganisationSettings settings;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    OrganisationController(OrganisationSettings settings, AuditLog audit, TransactionTemplate transaction) {
        this.settings = settings;
        this.audit = audit;
        this.transaction = transaction;
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
            transaction.executeWithoutResult(status -> {
                OrganisationForm before = OrganisationForm.of(settings.current());
                settings.save(form.toOrganisation(), form.version());
                audit.record(
                        "organisation.updated",
                        SUBJECT,
                        SUBJECT_ID,
                        EditConflict.describe(before, OrganisationForm.of(settings.current())));
            });
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
        model.addAttribute("trail", audit.trailOf(SUBJECT, SUBJECT_ID));
        return "admin/reporting/organisation";
    }
}
