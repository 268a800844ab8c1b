package org.urgentaction.web;

import java.time.Duration;
import java.util.List;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.NamedInterface;

/**
 * Every cache the app keeps besides the page cache, configured here alone, used through Spring's
 * cache abstraction ({@code @Cacheable}, or the {@link CacheManager}). A name not listed here is
 * an error, not a new unbounded cache.
 */
@NamedInterface("api")
@Configuration(proxyBeanMethods = false)
@EnableCaching
public class Caches {

    /** Rendered views and fragments, keyed by the record they show and the language (RenderedFragments). */
    public static final String RENDERED = "rendered";

    /** The appeal list's filter choices (countries, themes), emptied on every public change. */
    public static final String FILTER_OPTIONS = "filterOptions";

    @Bean
    CacheManager cacheManager(@Value("${urgent-action.page-cache.time-to-live:5s}") Duration timeToLive) {
        CaffeineCacheManager caches = new CaffeineCacheManager();
        caches.setCacheNames(List.of());
        caches.setAllowNullValues(false);
        // Bounded by characters, not entries: a card is about a kilobyte, a list page eight, and each
        // visitor's language makes its own copies; 20 million characters stay under some 40 MB.
        caches.registerCustomCache(
                RENDERED,
                Caffeine.newBuilder()
                        .maximumWeight(20_000_000)
                        .weigher((Object key, Object html) -> ((String) html).length())
                        .build());
        // The choices change only with public appeals, which empty it; expiring too bounds a change
        // made past the app (by hand in the database).
        caches.registerCustomCache(
                FILTER_OPTIONS,
                Caffeine.newBuilder()
                        .expireAfterWrite(timeToLive.isZero() ? Duration.ofNanos(1) : timeToLive)
                        .build());
        return caches;
    }
}
