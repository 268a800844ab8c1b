package org.urgentaction.actions;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ExtendedServletRequestDataBinder;

import org.urgentaction.appeals.ActionTotals;
import org.urgentaction.appeals.AppealCatalog;
import org.urgentaction.appeals.AppealNotAcceptingReportsException;
import org.urgentaction.appeals.ReportFormAppeal;
import org.urgentaction.appeals.ReportableAppeal;
import org.urgentaction.web.Countries;
import org.urgentaction.web.RenderedFragments;

/** "Tell us what you did": the report form and its thank-you page. */
@Controller
class ReportController {

    private final AppealCatalog catalog;
    private final ActionReporting reporting;
    private final ActionTotals totals;
    private final ReportRateLimit rateLimit;
    private final RenderedFragments fragments;

    /** The country chosen on the form: the key of the kept options. */
    public record CountryChoice(String code) {
    }

    ReportController(AppealCatalog catalog, ActionReporting reporting, ActionTotals totals, ReportRateLimit rateLimit,
                     RenderedFragments fragments) {
        this.catalog = catalog;
        this.reporting = reporting;
        this.totals = totals;
        this.rateLimit = rateLimit;
        this.fragments = fragments;
    }

    /**
     * Only the form's own fields are bound. Spring would also offer every request header as a value
     * to bind, and try each parameter starting with "_" (the CSRF token) as a checkbox marker,
     * building an exception for it: 4 % of a report's CPU in the benchmark's profile. The form's one
     * checkbox (consent) starts unticked on a fresh form, so it needs no marker.
     */
    @InitBinder("form")
    void bindFormFieldsOnly(WebDataBinder binder) {
        binder.setFieldMarkerPrefix(null);
        if (binder instanceof ExtendedServletRequestDataBinder servletBinder) {
            servletBinder.setHeaderPredicate(header -> false);
        }
    }

    @GetMapping("/appeals/{slug}/report")
    String form(@PathVariable String slug, @RequestParam(required = false) ActionKind kind,
                @RequestParam(name = "targets", required = false) List<Long> targetIds, Model model) {
        ReportFormAppeal appeal = catalog.reportForm(slug);
        return page(appeal, ActionReportForm.blank(kind == null ? ActionKind.LETTER : kind,
                targetIds == null ? List.of() : targetIds), model);
    }

    @PostMapping("/appeals/{slug}/report")
    String report(@PathVariable String slug, @Valid @ModelAttribute("form") ActionReportForm form,
                  BindingResult errors, Model model, HttpServletRequest request, HttpServletResponse response) {
        // First, before any other work: a flood from one address is refused cheaply.
        if (!rateLimit.allows(request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", "60");
            model.addAttribute("slug", slug);
            return "actions/slow-down";
        }
        ReportableAppeal appeal = catalog.reportable(slug);
        // A value that could not be converted (quantity "abc") is already a field error; skip its check.
        if (!errors.hasFieldErrors("targetIds") && !appeal.targetIds().containsAll(form.getTargetIds())) {
            errors.rejectValue("targetIds", "report.targets.unknown");
        }
        if (!errors.hasFieldErrors("country") && form.getCountry() != null && !Countries.isKnown(form.getCountry())) {
            errors.rejectValue("country", "report.country.unknown");
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(catalog.reportForm(slug), form, model);
        }
        try {
            reporting.record(appeal, form);
        } catch (AppealNotAcceptingReportsException refused) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return page(catalog.reportForm(slug), form, model);
        }
        return "redirect:/appeals/" + slug + "/report/thanks";
    }

    @GetMapping("/appeals/{slug}/report/thanks")
    String thanks(@PathVariable String slug, Model model) {
        ReportFormAppeal appeal = catalog.reportForm(slug);
        model.addAttribute("appeal", appeal);
        model.addAttribute("actions", totals.actionsFor(appeal.id()));
        return "actions/thanks";
    }

    private String page(ReportFormAppeal appeal, ActionReportForm form, Model model) {
        model.addAttribute("appeal", appeal);
        model.addAttribute("form", form);
        // 250 options, the same for every supporter of a language: rendered once and kept.
        model.addAttribute("countryOptions", fragments.render("actions/country-options :: options", "choice",
                new CountryChoice(knownCountryOrNone(form.getCountry()))));
        model.addAttribute("kinds", ActionKind.values());
        model.addAttribute("maxQuantity", ActionReport.MAX_QUANTITY);
        model.addAttribute("actions", totals.actionsFor(appeal.id()));
        return "actions/report";
    }

    /** An unknown value matches no option, and must not make a new key of the kept options. */
    private static String knownCountryOrNone(String country) {
        return Countries.isKnown(country) ? country : null;
    }
}
