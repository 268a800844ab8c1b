package org.urgentaction.appeals;

import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import org.urgentaction.web.Formats;
import org.urgentaction.web.RenderedFragments;

/** The public appeal list and appeal pages. */
@Controller
class AppealController {

    static final int PAGE_SIZE = 10;

    /** A card of the list as shown: its kept HTML and the current count, as text ("1,234 actions reported"). */
    public record ShownCard(String html, String count) {
    }

    /** The filters' choices and what is chosen: the key of their kept HTML. */
    public record FilterChoices(List<String> countries, String country, List<String> themes, String theme) {
    }

    private final AppealCatalog catalog;
    private final ActionTotals totals;
    private final RenderedFragments fragments;
    private final MessageSource messages;
    private final Formats formats;

    AppealController(AppealCatalog catalog, ActionTotals totals, RenderedFragments fragments, MessageSource messages,
                     Formats formats) {
        this.catalog = catalog;
        this.totals = totals;
        this.fragments = fragments;
        this.messages = messages;
        this.formats = formats;
    }

    @GetMapping({"/", "/appeals"})
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String country,
                @RequestParam(required = false) String theme, @RequestParam(defaultValue = "1") int page,
                Model model) {
        AppealSearch search = new AppealSearch(q, country, theme);
        Page<AppealListItem> appeals = catalog.list(search, PageRequest.of(Math.max(page, 1) - 1, PAGE_SIZE));
        model.addAttribute("search", search);
        model.addAttribute("appeals", appeals);
        // Rendering the cards was most of the page's work; the same appeals turn up in many searches.
        model.addAttribute("cards", appeals.stream()
                .map(item -> new ShownCard(fragments.render("appeals/card :: card", "card", item.card()), countText(item.actions())))
                .toList());
        // The choices are the same on every page until staff change an appeal; rendering their
        // few dozen options was a third of what remained of the page's work.
        model.addAttribute("filterChoices", fragments.render("appeals/filter-choices :: choices", "choices",
                new FilterChoices(catalog.countries(), search.country(), catalog.themes(), search.theme())));
        return "appeals/list";
    }

    /** Formatted here rather than in the template: ten message expressions per page cost more than the page's SQL. */
    private String countText(long actions) {
        return messages.getMessage("appeals.card.count", new Object[] {formats.number(actions), actions},
                LocaleContextHolder.getLocale());
    }

    @GetMapping("/appeals/{slug}")
    String show(@PathVariable String slug, Model model) {
        AppealDetails appeal = catalog.getPublic(slug);
        model.addAttribute("appeal", appeal);
        model.addAttribute("actions", totals.actionsFor(appeal.id()));
        return "appeals/show";
    }
}
