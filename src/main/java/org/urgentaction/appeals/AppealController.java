package org.urgentaction.appeals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The public appeal list and appeal pages. */
@Controller
class AppealController {

    static final int PAGE_SIZE = 10;

    /** The filters' choices and what is chosen. */
    public record FilterChoices(List<String> countries, String country, List<String> themes, String theme) {}

    /**
     * Everything a list page shows, and so what its rendered copy is kept under (web.KeptViews): the
     * address and its parameters (the pagination links keep them), the appeals with their counts,
     * and the filters.
     */
    public record ListPage(
            String path,
            Map<String, List<String>> parameters,
            AppealSearch search,
            Page<AppealListItem> appeals,
            FilterChoices filterChoices) {}

    private final AppealCatalog catalog;
    private final ActionTotals totals;
    private final ObjectProvider<AppealEvents> events;

    AppealController(AppealCatalog catalog, ActionTotals totals, ObjectProvider<AppealEvents> events) {
        this.catalog = catalog;
        this.totals = totals;
        this.events = events;
    }

    @GetMapping(
            value = {"/", "/appeals"},
            produces = "text/html;charset=UTF-8")
    ModelAndView list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String country,
            @RequestParam(required = false) String theme,
            @RequestParam(defaultValue = "1") int page,
            HttpServletRequest request) {
        AppealSearch search = new AppealSearch(q, country, theme);
        Page<AppealListItem> appeals = catalog.list(search, PageRequest.of(Math.max(page, 1) - 1, PAGE_SIZE));
        FilterChoices filters =
                new FilterChoices(catalog.countries(), search.country(), catalog.themes(), search.theme());
        return new ModelAndView(
                "appeals/list",
                "list",
                new ListPage(request.getRequestURI(), parameters(request), search, appeals, filters));
    }

    private static Map<String, List<String>> parameters(HttpServletRequest request) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> parameters.put(name, List.of(values)));
        return parameters;
    }

    @GetMapping("/appeals/{slug}")
    String show(@PathVariable String slug, Model model) {
        AppealDetails appeal = catalog.getPublic(slug);
        model.addAttribute("appeal", appeal);
        model.addAttribute("actions", totals.actionsFor(appeal.id()));
        model.addAttribute("events", eventsOf(appeal.id(), events));
        return "appeals/show";
    }

    /** The public events held for the appeal, from whichever module provides them (none: an empty list). */
    static List<AppealEvents.Listed> eventsOf(long appealId, ObjectProvider<AppealEvents> events) {
        return events.orderedStream()
                .flatMap(source -> source.publicEventsOf(appealId).stream())
                .toList();
    }
}
