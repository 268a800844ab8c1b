package org.urgentaction.reporting;

import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import org.urgentaction.accounts.CanSeeCounts;
import org.urgentaction.appeals.AppealCatalog;
import org.urgentaction.appeals.AppealDetails;
import org.urgentaction.web.NotFoundException;

/** The tally sent back to the officials: a printable letter per target, and each as a PDF. */
@Controller
@CanSeeCounts
class TallyController {

    private final AppealCatalog catalog;
    private final TallyLetters letters;
    private final TallyPdf pdf;

    TallyController(AppealCatalog catalog, TallyLetters letters, TallyPdf pdf) {
        this.catalog = catalog;
        this.letters = letters;
        this.pdf = pdf;
    }

    @GetMapping("/admin/appeals/{id}/tally")
    String letters(@PathVariable long id, Model model) {
        AppealDetails appeal = catalog.getForStaff(id);
        model.addAttribute("appeal", appeal);
        model.addAttribute("letters", letters.of(appeal));
        return "admin/reporting/tally";
    }

    @GetMapping("/admin/appeals/{id}/tally/{targetId}.pdf")
    ResponseEntity<byte[]> letterPdf(@PathVariable long id, @PathVariable long targetId) {
        AppealDetails appeal = catalog.getForStaff(id);
        List<TallyLetter> all = letters.of(appeal);
        TallyLetter letter = all.stream().filter(l -> l.targetId() == targetId).findFirst()
                .orElseThrow(() -> new NotFoundException("target on this appeal", targetId));
        String name = "tally-" + appeal.slug() + "-" + targetId + ".pdf";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(pdf.render(letter));
    }
}
