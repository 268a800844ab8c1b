package org.urgentaction.actions;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.urgentaction.accounts.CanSeeCounts;
import org.urgentaction.appeals.AppealCatalog;
import org.urgentaction.appeals.AppealDetails;
import org.urgentaction.web.NotFoundException;

/**
 * Staff look after an appeal's reports: the held ones to approve or reject, the recent ones to void
 * (with a reason) or restore, the appeal's review threshold, and event codes. Organisers and
 * administrators only, like every count.
 */
@Controller
@CanSeeCounts
class ReportAdminController {

    /** Why a report is voided or rejected: kept with it and in the audit trail. */
    record ReasonForm(@NotBlank @Size(max = 500) String reason) {}

    /** Empty: the configured default. */
    record ThresholdForm(
            @Min(1) @Max(ActionReport.MAX_QUANTITY) Integer reviewThreshold) {}

    private final ReportReview review;
    private final EventCodes eventCodes;
    private final UnusualActivity activity;
    private final AppealCatalog catalog;
    private final ActionReporting reporting;

    ReportAdminController(
            ReportReview review,
            EventCodes eventCodes,
            UnusualActivity activity,
            AppealCatalog catalog,
            ActionReporting reporting) {
        this.review = review;
        this.eventCodes = eventCodes;
        this.activity = activity;
        this.catalog = catalog;
        this.reporting = reporting;
    }

    @GetMapping("/admin/appeals/{id}/reports")
    String page(@PathVariable long id, Model model) {
        AppealDetails appeal = catalog.getForStaff(id);
        Integer threshold = review.reviewThreshold(id);
        if (!model.containsAttribute("thresholdForm")) {
            model.addAttribute("thresholdForm", new ThresholdForm(threshold));
        }
        if (!model.containsAttribute("reasonForm")) {
            model.addAttribute("reasonForm", new ReasonForm(null));
        }
        model.addAttribute("appeal", appeal);
        model.addAttribute("held", review.held(id));
        model.addAttribute("recent", review.recent(id));
        model.addAttribute("recentLimit", ReportReview.RECENT);
        model.addAttribute("defaultThreshold", reporting.defaultReviewThreshold());
        model.addAttribute("threshold", threshold == null ? reporting.defaultReviewThreshold() : threshold);
        model.addAttribute("surge", activity.flagged(id));
        model.addAttribute("eventCodes", eventCodes.of(id));
        model.addAttribute("now", Instant.now());
        return "admin/actions/reports";
    }

    @PostMapping("/admin/appeals/{id}/reports/{reportId}/approve")
    ModelAndView approve(@PathVariable long id, @PathVariable long reportId, Model model, RedirectAttributes redirect) {
        return change(id, () -> review.approve(id, reportId), "admin.reports.approved", model, redirect);
    }

    @PostMapping("/admin/appeals/{id}/reports/{reportId}/restore")
    ModelAndView restore(@PathVariable long id, @PathVariable long reportId, Model model, RedirectAttributes redirect) {
        return change(id, () -> review.restore(id, reportId), "admin.reports.restored", model, redirect);
    }

    @PostMapping("/admin/appeals/{id}/reports/{reportId}/void")
    ModelAndView voidReport(
            @PathVariable long id,
            @PathVariable long reportId,
            @Valid @ModelAttribute("reasonForm") ReasonForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return refused(id, reportId, model);
        }
        return change(
                id,
                () -> review.voidReport(id, reportId, form.reason().strip()),
                "admin.reports.voided",
                model,
                redirect);
    }

    @PostMapping("/admin/appeals/{id}/reports/{reportId}/reject")
    ModelAndView reject(
            @PathVariable long id,
            @PathVariable long reportId,
            @Valid @ModelAttribute("reasonForm") ReasonForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return refused(id, reportId, model);
        }
        return change(
                id,
                () -> review.reject(id, reportId, form.reason().strip()),
                "admin.reports.rejected",
                model,
                redirect);
    }

    @PostMapping("/admin/appeals/{id}/reports/threshold")
    ModelAndView threshold(
            @PathVariable long id,
            @Valid @ModelAttribute("thresholdForm") ThresholdForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        catalog.getForStaff(id);
        if (errors.hasErrors()) {
            return new ModelAndView(page(id, model), HttpStatus.BAD_REQUEST);
        }
        review.setReviewThreshold(id, form.reviewThreshold());
        return new ModelAndView(done(id, "admin.saved", redirect));
    }

    @PostMapping("/admin/appeals/{id}/event-codes")
    String generateEventCode(@PathVariable long id, Authentication staff, RedirectAttributes redirect) {
        catalog.getForStaff(id);
        eventCodes.generate(id, staff.getName());
        return done(id, "admin.reports.eventCodeCreated", redirect);
    }

    @PostMapping("/admin/appeals/{id}/event-codes/{codeId}/revoke")
    String revokeEventCode(@PathVariable long id, @PathVariable long codeId, RedirectAttributes redirect) {
        if (!eventCodes.revoke(id, codeId)) {
            throw new NotFoundException("event code", codeId);
        }
        return done(id, "admin.reports.eventCodeRevoked", redirect);
    }

    /** A change that does not apply to the report as it stands now (someone changed it first) is a 409. */
    private ModelAndView change(long id, Runnable change, String notice, Model model, RedirectAttributes redirect) {
        try {
            change.run();
        } catch (ReportStatus.IllegalReportChangeException stale) {
            model.addAttribute("problem", "admin.reports.stale");
            return new ModelAndView(page(id, model), HttpStatus.CONFLICT);
        }
        return new ModelAndView(done(id, notice, redirect));
    }

    private ModelAndView refused(long id, long reportId, Model model) {
        model.addAttribute("failedReportId", reportId);
        return new ModelAndView(page(id, model), HttpStatus.BAD_REQUEST);
    }

    private static String done(long id, String notice, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/admin/appeals/" + id + "/reports";
    }
}
