package org.urgentaction.reporting;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

import org.urgentaction.accounts.CanSeeCounts;
import org.urgentaction.appeals.AppealCatalog;
import org.urgentaction.appeals.AppealDetails;
import org.urgentaction.web.NotFoundException;

/**
 * The tally sent back to the officials: a printable letter per official, each also as a PDF, on
 * the organisation's paper unless asked for the other; and the appeal's own wording of it.
 */
@Controller
@CanSeeCounts
class TallyController {

    private final AppealCatalog catalog;
    private final TallyLetters letters;
    private final TallyPdf pdf;
    private final OrganisationSettings settings;

    TallyController(AppealCatalog catalog, TallyLetters letters, TallyPdf pdf, OrganisationSettings settings) {
        this.catalog = catalog;
        this.letters = letters;
        this.pdf = pdf;
        this.settings = settings;
    }

    @GetMapping("/admin/appeals/{id}/tally")
    String letters(@PathVariable long id, @RequestParam(required = false) PaperSize paper, Model model) {
        AppealDetails appeal = catalog.getForStaff(id);
        model.addAttribute("appeal", appeal);
        model.addAttribute("letters", letters.of(appeal));
        model.addAttribute("paper", paper != null ? paper : settings.current().paperSize());
        model.addAttribute("papers", PaperSize.values());
        return "admin/reporting/tally";
    }

    @GetMapping("/admin/appeals/{id}/tally/{targetId}.pdf")
    ResponseEntity<byte[]> letterPdf(
            @PathVariable long id, @PathVariable long targetId, @RequestParam(required = false) PaperSize paper) {
        AppealDetails appeal = catalog.getForStaff(id);
        List<TallyLetter> all = letters.of(appeal);
        TallyLetter letter = all.stream()
                .filter(l -> l.targetId() == targetId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("target on this appeal", targetId));
        String name = "tally-" + appeal.slug() + "-" + targetId + ".pdf";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(pdf.render(
                        letter, paper != null ? paper : settings.current().paperSize()));
    }

    @GetMapping("/admin/appeals/{id}/tally/wording")
    String wording(@PathVariable long id, Model model) {
        Map<TallyLanguage, String> own = settings.wordingOf(id);
        model.addAttribute("form", new TallyWordingForm(own.get(TallyLanguage.EN), own.get(TallyLanguage.FR)));
        return wordingPage(id, model);
    }

    @PostMapping("/admin/appeals/{id}/tally/wording")
    ModelAndView saveWording(
            @PathVariable long id,
            @Valid @ModelAttribute("form") TallyWordingForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        catalog.getForStaff(id);
        TallyWordingForm.checkPlaceholders(form.wordingEn(), "wordingEn", errors);
        TallyWordingForm.checkPlaceholders(form.wordingFr(), "wordingFr", errors);
        if (errors.hasErrors()) {
            return new ModelAndView(wordingPage(id, model), HttpStatus.BAD_REQUEST);
        }
        settings.reword(id, form.wordingEn(), form.wordingFr());
        redirect.addFlashAttribute("notice", "tally.wording.saved");
        return new ModelAndView("redirect:/admin/appeals/" + id + "/tally/wording");
    }

    private String wordingPage(long id, Model model) {
        model.addAttribute("appeal", catalog.getForStaff(id));
        model.addAttribute("organisation", settings.current());
        model.addAttribute("placeholders", TallyWording.KNOWN);
        return "admin/reporting/wording";
    }
}
