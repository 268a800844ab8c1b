package org.urgentaction.web;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/**
 * Pages kept rendered under everything they show, so that a page asked for again only runs its
 * queries: its template is rendered again only when something on it changed. Controllers return
 * ordinary views; which views are kept, and under which model attribute (a record holding all the
 * page shows), is decided here alone. The page sees that attribute only, never the request's other
 * model entries, so a kept page can't carry one visitor's data to another.
 */
@Component
class KeptViews implements ViewResolver, Ordered {

    private static final String HTML = "text/html;charset=UTF-8";

    /** View name → the model attribute it is kept under. */
    private static final Map<String, String> KEPT = Map.of("appeals/list", "list");

    private final RenderedFragments fragments;

    KeptViews(RenderedFragments fragments) {
        this.fragments = fragments;
    }

    @Override
    public View resolveViewName(String viewName, Locale locale) {
        String attribute = KEPT.get(viewName);
        return attribute == null ? null : new KeptView(viewName, attribute);
    }

    // Before Thymeleaf's resolver, which would render the same name on every request.
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    private final class KeptView implements View {

        private final String name;
        private final String attribute;

        KeptView(String name, String attribute) {
            this.name = name;
            this.attribute = attribute;
        }

        @Override
        public String getContentType() {
            return HTML;
        }

        @Override
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                throws Exception {
            Object shown = model == null ? null : model.get(attribute);
            if (shown == null) {
                throw new IllegalStateException("The kept view " + name + " needs the model attribute " + attribute);
            }
            String html = fragments.render(name, attribute, shown);
            response.setContentType(HTML);
            response.getWriter().write(html);
        }
    }
}
