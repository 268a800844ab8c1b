package org.urgentaction.appeals;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The public appeal list and appeal pages. */
@Controller
class AppealController {

    static final int PAGE_SIZE = 10;

    private final AppealCatalog catalog;
    private final ActionTotals totals;

    AppealController(AppealCatalog catalog, ActionTotals totals) {
        this.catalog = catalog;
        this.totals = totals;
    }

    @GetMapping({"/", "/appeals"})
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String country,
                @RequestParam(required = false) String theme, @RequestParam(defaultValue = "1") int page,
                Model model) {
        AppealSearch search = new AppealSearch(q, country, theme);
        Page<AppealListItem> appeals = catalog.list(search, PageRequest.of(Math.max(page, 1) - 1, PAGE_SIZE));
        model.addAttribute("search", search);
        model.addAttribute("appeals", appeals);
        model.addAttribute("countryOptions", catalog.countries());
        model.addAttribute("themeOptions", catalog.themes());
        return "appeals/list";
    }

    @GetMapping("/appeals/{slug}")
    String show(@PathVariable String slug, Model model) {
        AppealDetails appeal = catalog.getPublic(slug);
        model.addAttribute("appeal", appeal);
        model.addAttribute("actions", totals.actionsFor(appeal.id()));
        return "appeals/show";
    }
}
