package org.urgentaction.web;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.CRC32C;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Keeps the rendered appeal pages and the unfiltered appeal list for a few seconds, so that when an
 * urgent action goes out to tens of thousands of supporters at once, each page is rendered once per
 * interval (and once at a time) instead of once per visitor. The only thing on these pages that
 * changes without staff is the action count, which may then be that many seconds old.
 * <p>
 * A committed change that supporters see (a {@link PublicContentEvent}), on this instance or another
 * one, empties the cache (see {@link PublicContentNotifications}), so an edit shows at once; a request
 * alone, accepted or refused, never does. Only answers of 200 that set no cookie are kept; the cached
 * pages hold no form and no CSRF token.
 * <p>
 * It listens to no event itself: a listener method would make Spring proxy this filter, and a proxied
 * filter cannot be initialised (GenericFilterBean's final init runs on the proxy's empty fields).
 */
@Component
// After the character-encoding filter, before the security filters: a cached page needs none of
// their work, and the headers they set are kept with it.
@Order(Ordered.HIGHEST_PRECEDENCE + 50)
public class PublicPageCache extends OncePerRequestFilter implements PublicContentCache {

    private static final long WAIT_FOR_RENDER_SECONDS = 10;

    private final AsyncCache<String, Page> pages;
    private final LocaleResolver locales;
    private final Duration timeToLive;
    private final String cacheControl;

    PublicPageCache(LocaleResolver locales, @Value("${urgent-action.page-cache.time-to-live:5s}") Duration timeToLive) {
        this.locales = locales;
        this.timeToLive = timeToLive;
        this.cacheControl = "public, max-age=" + timeToLive.toSeconds();
        this.pages = Caffeine.newBuilder()
                .expireAfterWrite(timeToLive.isZero() ? Duration.ofNanos(1) : timeToLive)
                .maximumSize(10_000)
                .buildAsync();
    }

    /** Forgets every kept page; {@link PublicContentNotifications} calls it after a committed change. */
    @Override
    public void forgetAll() {
        pages.synchronous().invalidateAll();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return timeToLive.isZero();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = "GET".equals(request.getMethod()) ? key(request) : null;
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        CompletableFuture<Page> rendering = new CompletableFuture<>();
        CompletableFuture<Page> kept = pages.asMap().putIfAbsent(key, rendering);
        if (kept != null) {
            // Kept, or being rendered by another request right now: wait for that one.
            Page page = await(kept);
            if (page != null) {
                page.writeTo(request, response, cacheControl);
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, captured);
            Page page = Page.of(captured);
            rendering.complete(page); // null: not kept (an error, a cookie), and Caffeine drops the entry
            if (page != null) {
                page.describeTo(captured, cacheControl);
            }
            captured.copyBodyToResponse();
        } catch (IOException | ServletException | RuntimeException failed) {
            rendering.complete(null);
            throw failed;
        }
    }

    /** What a page is kept under, or null if it is not one that is kept. */
    private String key(HttpServletRequest request) {
        String path = request.getRequestURI();
        boolean list = (path.equals("/") || path.equals("/appeals"))
                && request.getParameterMap().isEmpty();
        // An appeal page reads no parameters, so links with tracking parameters share one copy.
        boolean appeal = path.startsWith("/appeals/")
                && path.indexOf('/', "/appeals/".length()) < 0
                && path.length() > "/appeals/".length();
        // The events list and each event's page (and its .ics) change only with staff edits, like appeals.
        boolean events = path.equals("/events") && request.getParameterMap().isEmpty()
                || path.startsWith("/events/")
                        && path.indexOf('/', "/events/".length()) < 0
                        && path.length() > "/events/".length();
        if (!list && !appeal && !events) {
            return null;
        }
        // Dates and numbers follow the visitor's language.
        Locale locale = locales.resolveLocale(request);
        return path + '|' + locale.toLanguageTag();
    }

    private static Page await(CompletableFuture<Page> kept) {
        try {
            return kept.get(WAIT_FOR_RENDER_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** A rendered answer: its headers as the security filters and the view set them, and its bytes. */
    private record Page(String contentType, List<String[]> headers, byte[] body, String etag) {

        static Page of(ContentCachingResponseWrapper response) {
            if (response.getStatus() != HttpStatus.OK.value() || response.containsHeader(HttpHeaders.SET_COOKIE)) {
                return null;
            }
            List<String[]> headers = new ArrayList<>();
            for (String name : response.getHeaderNames()) {
                if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)
                        && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                    for (String value : response.getHeaders(name)) {
                        headers.add(new String[] {name, value});
                    }
                }
            }
            byte[] body = response.getContentAsByteArray();
            CRC32C checksum = new CRC32C();
            checksum.update(body);
            String etag = "\"" + HexFormat.of().toHexDigits(checksum.getValue()) + "-" + body.length + "\"";
            return new Page(response.getContentType(), headers, body, etag);
        }

        void writeTo(HttpServletRequest request, HttpServletResponse response, String cacheControl) throws IOException {
            for (String[] header : headers) {
                response.addHeader(header[0], header[1]);
            }
            describeTo(response, cacheControl);
            if (etag.equals(request.getHeader(HttpHeaders.IF_NONE_MATCH))) {
                response.setStatus(HttpStatus.NOT_MODIFIED.value());
                return;
            }
            response.setContentType(contentType);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }

        /** The caching headers, on the first answer and on every copy. */
        void describeTo(HttpServletResponse response, String cacheControl) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
            // A shared cache in front (a CDN) must keep one copy per language too.
            response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
            response.setHeader(HttpHeaders.ETAG, etag);
        }
    }
}
