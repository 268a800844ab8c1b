package org.urgentaction.actions;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

import org.urgentaction.appeals.ActionKind;
import org.urgentaction.appeals.AppealCatalog;
import org.urgentaction.appeals.AppealLetters;
import org.urgentaction.appeals.AppealNotFoundException;
import org.urgentaction.appeals.ReportFormAppeal;
import org.urgentaction.web.RenderedFragments;

/** The petition or open letter: its text, the count against the goal, the names shown, and signing. */
@Controller
class PetitionController {

    private final AppealCatalog catalog;
    private final AppealLetters letters;
    private final PetitionSignatures signatures;
    private final RenderedFragments fragments;

    PetitionController(
            AppealCatalog catalog, AppealLetters letters, PetitionSignatures signatures, RenderedFragments fragments) {
        this.catalog = catalog;
        this.letters = letters;
        this.signatures = signatures;
        this.fragments = fragments;
    }

    /** As on the report form: only the form's fields, and no checkbox markers. */
    @InitBinder("signature")
    void bindFormFieldsOnly(WebDataBinder binder) {
        ReportController.onlyFormFields(binder);
    }

    @GetMapping("/appeals/{slug}/petition")
    String petition(@PathVariable String slug, Locale reader, Model model) {
        ReportFormAppeal appeal = petitionOf(slug);
        return page(appeal, SignatureForm.blank(signatures.newToken(appeal.id())), reader, model);
    }

    @PostMapping("/appeals/{slug}/petition")
    ModelAndView sign(
            @PathVariable String slug,
            @Valid @ModelAttribute("signature") SignatureForm form,
            BindingResult errors,
            Locale reader,
            Model model,
            HttpServletRequest request) {
        PetitionSignatures.Outcome outcome = signatures.sign(slug, form, errors, request.getRemoteAddr());
        if (outcome == PetitionSignatures.Outcome.SIGNED) {
            return new ModelAndView("redirect:/appeals/" + slug + "/petition/thanks");
        }
        model.addAttribute("outcome", outcome.name());
        ModelAndView answer = new ModelAndView(page(petitionOf(slug), form, reader, model), outcome.status);
        if (outcome == PetitionSignatures.Outcome.LIMITED) {
            answer.addObject("limited", true);
        }
        return answer;
    }

    @GetMapping("/appeals/{slug}/petition/thanks")
    String thanks(@PathVariable String slug, Model model) {
        ReportFormAppeal appeal = petitionOf(slug);
        model.addAttribute("appeal", appeal);
        model.addAttribute("standing", signatures.standing(appeal.id()));
        return "actions/petition-thanks";
    }

    private ReportFormAppeal petitionOf(String slug) {
        ReportFormAppeal appeal = catalog.reportForm(slug);
        if (!appeal.actions().contains(ActionKind.SIGNATURE)) {
            throw new AppealNotFoundException(slug + "/petition");
        }
        return appeal;
    }

    private String page(ReportFormAppeal appeal, SignatureForm form, Locale reader, Model model) {
        model.addAttribute("appeal", appeal);
        model.addAttribute("text", letters.petitionText(appeal.id(), reader).orElse(null));
        model.addAttribute("standing", signatures.standing(appeal.id()));
        model.addAttribute("signature", form);
        model.addAttribute(
                "countryOptions",
                fragments.render(
                        "actions/country-options :: required",
                        "choice",
                        org.urgentaction.web.Countries.Choice.of(form.getCountry())));
        return "actions/petition";
    }
}
