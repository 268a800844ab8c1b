package org.urgentaction.appeals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import org.urgentaction.web.Formats;
import org.urgentaction.web.RenderedFragments;

/** The public appeal list and appeal pages. */
@Controller
class AppealController {

    static final int PAGE_SIZE = 10;

    /** A card of the list as shown: its kept HTML and the current count, as text ("1,234 actions reported"). */
    public record ShownCard(String html, String count) {}

    /** The filters' choices and what is chosen: the key of their kept HTML. */
    public record FilterChoices(List<String> countries, String country, List<String> themes, String theme) {}

    /**
     * Everything a list page shows, and so the key of its kept HTML: the address and its parameters
     * (the pagination links keep them), the appeals with their counts, their cards and the filters.
     */
    public record ListPage(
            String path,
            Map<String, List<String>> parameters,
            AppealSearch search,
            Page<AppealListItem> appeals,
            List<ShownCard> cards,
            String filterChoices) {}

    private final AppealCatalog catalog;
    private final ActionTotals totals;
    private final RenderedFragments fragments;
    private final MessageSource messages;
    private final Formats formats;

    AppealController(
            AppealCatalog catalog,
            ActionTotals totals,
            RenderedFragments fragments,
            MessageSource messages,
            Formats formats) {
        this.catalog = catalog;
        this.totals = totals;
        this.fragments = fragments;
        this.messages = messages;
        this.formats = formats;
    }

    // The whole page is kept rendered under everything it shows (ListPage), so it is rendered again
    // only when something on it changed: its SQL runs on every request, the template does not.
    // Rendering was three fifths of the page's CPU even with its cards and filters kept.
    @GetMapping(
            value = {"/", "/appeals"},
            produces = "text/html;charset=UTF-8")
    @ResponseBody
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String country,
            @RequestParam(required = false) String theme,
            @RequestParam(defaultValue = "1") int page,
            HttpServletRequest request) {
        AppealSearch search = new AppealSearch(q, country, theme);
        Page<AppealListItem> appeals = catalog.list(search, PageRequest.of(Math.max(page, 1) - 1, PAGE_SIZE));
        // Cards and filters are kept on their own too: the same appeals turn up in many searches, and
        // the choices are the same on every page until staff change an appeal.
        List<ShownCard> cards = appeals.stream()
                .map(item -> new ShownCard(
                        fragments.render("appeals/card :: card", "card", item.card()), countText(item.actions())))
                .toList();
        String filterChoices = fragments.render(
                "appeals/filter-choices :: choices",
                "choices",
                new FilterChoices(catalog.countries(), search.country(), catalog.themes(), search.theme()));
        return fragments.render(
                "appeals/list",
                "list",
                new ListPage(request.getRequestURI(), parameters(request), search, appeals, cards, filterChoices));
    }

    private static Map<String, List<String>> parameters(HttpServletRequest request) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> parameters.put(name, List.of(values)));
        return parameters;
    }

    /** Formatted here rather than in the template: ten message expressions per page cost more than the page's SQL. */
    private String countText(long actions) {
        return messages.getMessage(
                "appeals.card.count", new Object[] {formats.number(actions), actions}, LocaleContextHolder.getLocale());
    }

    @GetMapping("/appeals/{slug}")
    String show(@PathVariable String slug, Model model) {
        AppealDetails appeal = catalog.getPublic(slug);
        model.addAttribute("appeal", appeal);
        model.addAttribute("actions", totals.actionsFor(appeal.id()));
        return "appeals/show";
    }
}
