package org.urgentaction.actions;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.urgentaction.accounts.CanSeeCounts;
import org.urgentaction.appeals.AppealCatalog;
import org.urgentaction.appeals.AppealDetails;

/** Staff look after a petition: its goal, the signatures gathered on paper, and its hand-ins. */
@Controller
@CanSeeCounts
@RequestMapping("/admin/appeals/{id}/petition")
class PetitionAdminController {

    /** Empty: no goal, and no progress bar. */
    record GoalForm(@Min(1) @Max(100_000_000) Integer goal) {}

    record PaperBatchForm(
            @NotNull @Min(1) @Max(1_000_000) Integer signatures,
            @NotBlank @Size(max = 500) String gathered) {}

    record HandInForm(
            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate handedInOn,

            @NotBlank @Size(max = 500) String handedTo,
            @NotNull @Min(0) @Max(100_000_000) Integer signatures,
            @Size(max = 2000) String note) {

        /** A hand-in is recorded after it happened; a date in the future is a typo (a day's slack for time zones). */
        @AssertTrue
        public boolean isNotInTheFuture() {
            return handedInOn == null || !handedInOn.isAfter(LocalDate.now().plusDays(1));
        }

        /** Nor before there were urgent actions (1961): a year typed as 0001 is a slip too. */
        @AssertTrue
        public boolean isInOurTimes() {
            return handedInOn == null || handedInOn.getYear() >= 1961;
        }
    }

    /** Why a shown signature is taken out: kept with its report and in the audit trail. */
    record RemovalForm(@NotBlank @Size(max = 500) String reason) {}

    private final PetitionAdmin petitions;
    private final PetitionSignatures signatures;
    private final ReportReview review;
    private final AppealCatalog catalog;
    private final Clock clock;

    PetitionAdminController(
            PetitionAdmin petitions,
            PetitionSignatures signatures,
            ReportReview review,
            AppealCatalog catalog,
            Clock clock) {
        this.petitions = petitions;
        this.signatures = signatures;
        this.review = review;
        this.catalog = catalog;
        this.clock = clock;
    }

    @GetMapping
    String page(@PathVariable long id, Model model) {
        AppealDetails appeal = catalog.getForStaff(id);
        // One read of the petition's standing: the goal, the count, the names shown.
        PetitionSignatures.Standing standing = signatures.standing(id);
        if (!model.containsAttribute("goalForm")) {
            model.addAttribute("goalForm", new GoalForm(standing.goal()));
        }
        if (!model.containsAttribute("batchForm")) {
            model.addAttribute("batchForm", new PaperBatchForm(null, null));
        }
        if (!model.containsAttribute("handInForm")) {
            model.addAttribute(
                    "handInForm", new HandInForm(LocalDate.now(clock), null, (int) standing.signatures(), null));
        }
        if (!model.containsAttribute("removalForm")) {
            model.addAttribute("removalForm", new RemovalForm(null));
        }
        model.addAttribute("appeal", appeal);
        model.addAttribute("standing", standing);
        model.addAttribute("batches", petitions.paperBatches(id));
        model.addAttribute("shown", standing.recent());
        return "admin/actions/petition";
    }

    @PostMapping("/goal")
    ModelAndView goal(
            @PathVariable long id,
            @Valid @ModelAttribute("goalForm") GoalForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        return saveOrRefuse(id, errors, model, redirect, () -> petitions.setGoal(id, form.goal()));
    }

    @PostMapping("/paper-batches")
    ModelAndView paperBatch(
            @PathVariable long id,
            @Valid @ModelAttribute("batchForm") PaperBatchForm form,
            BindingResult errors,
            Authentication staff,
            Model model,
            RedirectAttributes redirect) {
        return saveOrRefuse(
                id,
                errors,
                model,
                redirect,
                () -> petitions.addPaperBatch(
                        id, form.signatures(), form.gathered().strip(), staff.getName()));
    }

    @PostMapping("/hand-ins")
    ModelAndView handIn(
            @PathVariable long id,
            @Valid @ModelAttribute("handInForm") HandInForm form,
            BindingResult errors,
            Authentication staff,
            Model model,
            RedirectAttributes redirect) {
        return saveOrRefuse(
                id,
                errors,
                model,
                redirect,
                () -> petitions.recordHandIn(
                        id,
                        form.handedInOn(),
                        form.handedTo().strip(),
                        form.signatures(),
                        org.urgentaction.web.Text.blankToNull(form.note()),
                        staff.getName()));
    }

    /** The signers, for the hand-in: personal data, so administrators only, and in the audit trail. */
    @GetMapping(value = "/signers.csv", produces = "text/csv;charset=UTF-8")
    @org.urgentaction.accounts.AdminOnly
    void signers(@PathVariable long id, Authentication staff, jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        catalog.getForStaff(id);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"petition-" + id + "-signers.csv\"");
        response.setHeader("Cache-Control", "no-store");
        petitions.writeSigners(id, staff.getName(), response.getWriter());
    }

    /**
     * A shown name that is not a signer's (a defacement, or someone signed in another's name): its
     * signature is voided with the reason, which takes it out of the count and off the page.
     */
    @PostMapping("/signatures/{reportId}/void")
    ModelAndView voidSignature(
            @PathVariable long id,
            @PathVariable long reportId,
            @Valid @ModelAttribute("removalForm") RemovalForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (petitions.shownSignatures(id).stream().noneMatch(s -> s.reportId() == reportId)) {
            throw new org.urgentaction.web.NotFoundException("shown signature", reportId);
        }
        return saveOrRefuse(
                id,
                errors,
                model,
                redirect,
                () -> review.voidReport(id, reportId, form.reason().strip()));
    }

    /**
     * Bad input: the page again with its messages (400), nothing saved; an appeal that offers no
     * petition takes no signatures (409); else save and back to the page.
     */
    private ModelAndView saveOrRefuse(
            long id, BindingResult errors, Model model, RedirectAttributes redirect, Runnable save) {
        if (!catalog.getForStaff(id).offers("SIGNATURE")) {
            return new ModelAndView(page(id, model), HttpStatus.CONFLICT);
        }
        if (errors.hasErrors()) {
            return new ModelAndView(page(id, model), HttpStatus.BAD_REQUEST);
        }
        save.run();
        redirect.addFlashAttribute("notice", "admin.saved");
        return new ModelAndView("redirect:/admin/appeals/" + id + "/petition");
    }
}
