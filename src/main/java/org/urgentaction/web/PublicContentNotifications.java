package org.urgentaction.web;

import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Empties every {@link PublicContentCache} of this instance when a {@link PublicContentEvent} is
 * committed: after commit, from Spring Modulith's event publication registry
 * ({@link ApplicationModuleListener}), so the publication stays in the table until it has run.
 */
@Component
public class PublicContentNotifications {

    private final List<PublicContentCache> caches;

    PublicContentNotifications(List<PublicContentCache> caches) {
        this.caches = caches;
    }

    /** This instance's own change, after commit, from the registry. */
    @ApplicationModuleListener
    void forgetOnCommit(PublicContentEvent change) {
        caches.forEach(PublicContentCache::forgetAll);
    }
}
