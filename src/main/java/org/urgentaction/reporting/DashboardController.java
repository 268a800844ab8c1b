package org.urgentaction.reporting;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import org.urgentaction.accounts.CanSeeCounts;
import org.urgentaction.accounts.CurrentStaff;
import org.urgentaction.actions.UnusualActivity;
import org.urgentaction.appeals.AppealCatalog;

/** How each appeal is doing: totals, and per appeal the breakdowns and a chart of actions per day. */
@Controller
class DashboardController {

    private final ActionStatistics statistics;
    private final AppealCatalog catalog;
    private final Clock clock;
    private final UnusualActivity activity;

    DashboardController(ActionStatistics statistics, AppealCatalog catalog, Clock clock, UnusualActivity activity) {
        this.statistics = statistics;
        this.catalog = catalog;
        this.clock = clock;
        this.activity = activity;
    }

    /** Organisers start from the counts; editors from the appeals. */
    @GetMapping("/admin")
    String home(Authentication staff) {
        boolean seesCounts =
                CurrentStaff.of(staff).map(CurrentStaff::seesCounts).orElse(false);
        return seesCounts ? "redirect:/admin/dashboard" : "redirect:/admin/appeals";
    }

    @GetMapping("/admin/dashboard")
    @CanSeeCounts
    String dashboard(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        LocalDate today = LocalDate.now(clock);
        Period period = Period.of(from, to, today);
        model.addAttribute("period", period);
        model.addAttribute("appeals", statistics.perAppeal(period, today));
        model.addAttribute("surges", activity.now());
        return "admin/reporting/dashboard";
    }

    @GetMapping("/admin/dashboard/appeals/{id}")
    @CanSeeCounts
    String appeal(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        Period period = Period.of(from, to, LocalDate.now(clock));
        ActionStatistics.Breakdown breakdown = statistics.breakdown(id, period);
        model.addAttribute("appeal", catalog.getForStaff(id));
        model.addAttribute("period", period);
        model.addAttribute("breakdown", breakdown);
        model.addAttribute("chart", DailyChart.of(breakdown.byDay()));
        model.addAttribute("surge", activity.flagged(id));
        return "admin/reporting/appeal";
    }
}
