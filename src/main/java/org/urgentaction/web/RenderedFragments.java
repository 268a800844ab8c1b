package org.urgentaction.web;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Template fragments, or whole pages, rendered once and kept, for what repeats across many requests
 * (an appeal's card on every search that finds it, a list page asked for again). The HTML depends
 * only on the value it shows and the visitor's language, so those two are the key: the value is a
 * record, compared field by field, and a kept copy can never be stale. Whatever changes often (an
 * action count) is best outside a kept fragment, so that the fragment is not rendered again for it.
 * So, unlike the page cache, it listens to no change, here or from another instance: an edit makes a
 * new key, the old copy is pushed out by size, and the cards that did not change stay rendered even
 * while staff publish (when the list is busiest).
 * <p>
 * Rendering goes through the application's view resolver, so a fragment sees the same messages,
 * beans ({@code @fmt}) and links as the page around it.
 */
@NamedInterface("api")
@Component
public class RenderedFragments {

    private record Key(String view, Object value, Locale locale) {}

    private final ThymeleafViewResolver views;
    private final Cache kept;

    RenderedFragments(ThymeleafViewResolver views, CacheManager caches) {
        this.views = views;
        this.kept = caches.getCache(Caches.RENDERED);
    }

    /**
     * @param view     a template fragment, e.g. {@code "appeals/card :: card"}
     * @param variable the name the fragment knows the value by
     * @param value    a record holding everything the fragment shows (its equality is the cache's)
     * @return the fragment's HTML, already escaped by the template
     */
    public String render(String view, String variable, Object value) {
        Locale locale = LocaleContextHolder.getLocale();
        Key key = new Key(view, value, locale);
        return kept.get(key, () -> renderNow(key, variable));
    }

    private String renderNow(Key key, String variable) {
        ServletRequestAttributes current = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        try {
            View view = views.resolveViewName(key.view(), key.locale());
            if (view == null) {
                throw new IllegalStateException("No template for " + key.view());
            }
            Capture capture = new Capture(current.getResponse());
            view.render(Map.of(variable, key.value()), current.getRequest(), capture);
            return capture.text();
        } catch (Exception failed) {
            throw new IllegalStateException("Could not render " + key.view(), failed);
        }
    }

    /** A response that keeps what the view writes instead of sending it. */
    private static final class Capture extends HttpServletResponseWrapper {

        private final StringWriter text = new StringWriter(1024);
        private final PrintWriter writer = new PrintWriter(text);

        Capture(HttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() {
            return writer;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            throw new UnsupportedOperationException("Fragments are written as text");
        }

        // The page around the fragment decides its own headers.
        @Override
        public void setContentType(String type) {}

        @Override
        public void setCharacterEncoding(String encoding) {}

        @Override
        public void setLocale(Locale locale) {}

        String text() {
            writer.flush();
            return text.toString();
        }
    }
}
