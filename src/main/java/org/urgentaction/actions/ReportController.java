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

import org.urgentaction.appeals.ActionKind;
import org.urgentaction.appeals.ActionTotals;
import org.urgentaction.appeals.AppealCatalog;
import org.urgentaction.appeals.AppealNotAcceptingReportsException;
import org.urgentaction.appeals.ReportFormAppeal;
import org.urgentaction.appeals.ReportableAppeal;
import org.urgentaction.web.Countries;
import org.urgentaction.web.RenderedFragments;

/**
 * "Tell us what you did": the report form and its thank-you page. A refused report (bad input, a
 * bad token, the limit reached) shows the form again with what the supporter typed.
 */
@Controller
class ReportController {

    private final AppealCatalog catalog;
    private final ActionReporting reporting;
    private final ActionTotals totals;
    private final ReportRateLimit rateLimit;
    private final RenderedFragments fragments;
    private final SubmissionTokens tokens;
    private final EventCodes eventCodes;

    /** What a wrong event code takes from the address's budget: a few guesses an hour. */
    static final int WRONG_EVENT_CODE_COST = 10;

    ReportController(
            AppealCatalog catalog,
            ActionReporting reporting,
            ActionTotals totals,
            ReportRateLimit rateLimit,
            RenderedFragments fragments,
            SubmissionTokens tokens,
            EventCodes eventCodes) {
        this.catalog = catalog;
        this.reporting = reporting;
        this.totals = totals;
        this.rateLimit = rateLimit;
        this.fragments = fragments;
        this.tokens = tokens;
        this.eventCodes = eventCodes;
    }

    /**
     * Only the form's own fields are bound: Spring would also offer every request header as a value,
     * and try the CSRF token as a checkbox marker, building an exception for it on every report.
     * The form's one checkbox (consent) starts unticked on a fresh form, so it needs no marker.
     */
    @InitBinder("form")
    void bindFormFieldsOnly(WebDataBinder binder) {
        onlyFormFields(binder);
    }

    /** For the supporters' forms (reports, signatures): their fields only, no checkbox markers. */
    static void onlyFormFields(WebDataBinder binder) {
        binder.setFieldMarkerPrefix(null);
        if (binder instanceof ExtendedServletRequestDataBinder servletBinder) {
            servletBinder.setHeaderPredicate(header -> false);
        }
    }

    @GetMapping("/appeals/{slug}/report")
    String form(
            @PathVariable String slug,
            @RequestParam(required = false) ActionKind kind,
            @RequestParam(name = "targets", required = false) List<Long> targetIds,
            @RequestParam(required = false) CallOutcome outcome,
            Model model) {
        ReportFormAppeal appeal = catalog.reportForm(slug);
        return page(
                appeal,
                ActionReportForm.blank(
                        tokens.issue(appeal.id()),
                        reportable(appeal.actions()).contains(kind) ? kind : firstOf(reportable(appeal.actions())),
                        targetIds == null ? List.of() : targetIds,
                        outcome),
                model);
    }

    @PostMapping("/appeals/{slug}/report")
    String report(
            @PathVariable String slug,
            @Valid @ModelAttribute("form") ActionReportForm form,
            BindingResult errors,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        // First, before any other work: a token this server did not sign (or one expired) is refused
        // without touching the database. The typed values stay, with a fresh token to send them again.
        SubmissionTokens.Checked token = tokens.check(form.getSubmissionToken());
        if (!token.valid()) {
            // Still a request from this address: a flood of made-up tokens meets the limit too.
            if (!rateLimit.allows(request.getRemoteAddr(), 1)) {
                return limited(slug, form, model, response);
            }
            return refusedToken(slug, token.problem(), form, errors, model, response);
        }
        // Then the limit, on the actions the report would add: a flood from one address is refused cheaply.
        Admission admission = admit(token, form, errors, request.getRemoteAddr());
        if (!admission.allowed()) {
            return limited(slug, form, model, response);
        }
        ReportableAppeal appeal = catalog.reportable(slug);
        if (token.appealId() != appeal.id()) {
            return refusedToken(slug, SubmissionTokens.Problem.OTHER_APPEAL, form, errors, model, response);
        }
        checkAgainst(appeal, form, errors);
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(catalog.reportForm(slug), form, model);
        }
        return record(slug, appeal, form, token, admission.eventCodeId(), model, response);
    }

    /** Whether the rate limit lets the report in; with a valid event code, that code's own limit counts. */
    private record Admission(boolean allowed, Long eventCodeId) {}

    private Admission admit(
            SubmissionTokens.Checked token, ActionReportForm form, BindingResult errors, String address) {
        int actions = errors.hasFieldErrors("quantity") || form.getQuantity() == null ? 1 : form.getQuantity();
        if (form.getEventCode() == null) {
            return new Admission(rateLimit.allows(address, actions), null);
        }
        Long eventCodeId =
                eventCodes.validNow(token.appealId(), form.getEventCode()).orElse(null);
        // A wrong code costs the address as much as a sizeable report: guessing codes is slow.
        boolean allowed = eventCodeId != null
                ? rateLimit.allowsEventCode(eventCodeId, actions)
                : rateLimit.allows(address, WRONG_EVENT_CODE_COST);
        if (allowed && eventCodeId == null && !errors.hasFieldErrors("eventCode")) {
            errors.rejectValue("eventCode", "report.eventCode.unknown");
        }
        return new Admission(allowed, eventCodeId);
    }

    /** What the form takes: every way the appeal offers but signing, which is the petition's own form. */
    private static java.util.Set<ActionKind> reportable(java.util.Set<ActionKind> offered) {
        java.util.Set<ActionKind> kinds = java.util.EnumSet.noneOf(ActionKind.class);
        kinds.addAll(offered);
        kinds.remove(ActionKind.SIGNATURE);
        return kinds;
    }

    /** An appeal offering one way to act gets it chosen; one offering several, none chosen for them. */
    private static ActionKind firstOf(java.util.Set<ActionKind> offered) {
        return offered.size() == 1 ? offered.iterator().next() : null;
    }

    /** The kind, the officials and the country must be the appeal's and known ones. */
    private static void checkAgainst(ReportableAppeal appeal, ActionReportForm form, BindingResult errors) {
        if (!errors.hasFieldErrors("kind")
                && form.getKind() != null
                && !reportable(appeal.actions()).contains(form.getKind())) {
            errors.rejectValue("kind", "report.kind.notOffered");
        }
        // A value that could not be converted (quantity "abc") is already a field error; skip its check.
        if (!errors.hasFieldErrors("targetIds") && !appeal.targetIds().containsAll(form.getTargetIds())) {
            errors.rejectValue("targetIds", "report.targets.unknown");
        }
        if (!errors.hasFieldErrors("country") && form.getCountry() != null && !Countries.isKnown(form.getCountry())) {
            errors.rejectValue("country", "report.country.unknown");
        }
    }

    private String record(
            String slug,
            ReportableAppeal appeal,
            ActionReportForm form,
            SubmissionTokens.Checked token,
            Long eventCodeId,
            Model model,
            HttpServletResponse response) {
        ActionReporting.Result result;
        try {
            // With an event code, only the appeal's own threshold holds a report; else also the client's burst.
            result = reporting.record(
                    appeal,
                    form,
                    token.submissionId(),
                    eventCodeId,
                    eventCodeId != null ? ActionReport.MAX_QUANTITY : rateLimit.burst());
        } catch (AppealNotAcceptingReportsException refused) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return page(catalog.reportForm(slug), form, model);
        }
        return switch (result) {
            case RECORDED -> "redirect:/appeals/" + slug + "/report/thanks";
            case HELD -> "redirect:/appeals/" + slug + "/report/thanks?held=true";
            case NOT_COUNTED -> "redirect:/appeals/" + slug + "/report/thanks?call=" + form.getOutcome();
            case ALREADY_RECORDED -> {
                // A replay (or a second click) adds nothing, and says so.
                response.setStatus(HttpStatus.CONFLICT.value());
                model.addAttribute("alreadyCounted", true);
                yield thanks(slug, false, null, model);
            }
        };
    }

    @GetMapping("/appeals/{slug}/report/thanks")
    String thanks(
            @PathVariable String slug,
            @RequestParam(defaultValue = "false") boolean held,
            @RequestParam(required = false) CallOutcome call,
            Model model) {
        ReportFormAppeal appeal = catalog.reportForm(slug);
        model.addAttribute("appeal", appeal);
        model.addAttribute("held", held);
        model.addAttribute("notCounted", call == null || call.counts() ? null : call);
        if (!model.containsAttribute("alreadyCounted")) {
            model.addAttribute("alreadyCounted", false);
        }
        model.addAttribute("actions", totals.actionsFor(appeal.id()));
        return "actions/thanks";
    }

    /** The limit is reached: the form again, with what they typed, its token and a word on why. */
    private String limited(String slug, ActionReportForm form, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", "60");
        model.addAttribute("limited", true);
        return page(catalog.reportForm(slug), form, model);
    }

    private String refusedToken(
            String slug,
            SubmissionTokens.Problem problem,
            ActionReportForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response) {
        ReportFormAppeal appeal = catalog.reportForm(slug);
        if (!errors.hasFieldErrors("submissionToken")) {
            errors.rejectValue(
                    "submissionToken", "report.token." + problem.name().toLowerCase(java.util.Locale.ROOT));
        }
        form.setSubmissionToken(tokens.issue(appeal.id()));
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(appeal, form, model);
    }

    private String page(ReportFormAppeal appeal, ActionReportForm form, Model model) {
        model.addAttribute("appeal", appeal);
        model.addAttribute("form", form);
        // 250 options, the same for every supporter of a language: rendered once and kept.
        model.addAttribute(
                "countryOptions",
                fragments.render(
                        "actions/country-options :: options", "choice", Countries.Choice.of(form.getCountry())));
        model.addAttribute("kinds", reportable(appeal.actions()));
        model.addAttribute("maxQuantity", ActionReport.MAX_QUANTITY);
        model.addAttribute("outcomes", CallOutcome.values());
        model.addAttribute("actions", totals.actionsFor(appeal.id()));
        return "actions/report";
    }
}
