package org.urgentaction.web;

import org.springframework.modulith.NamedInterface;

/**
 * A cache of something supporters see, emptied by {@link PublicContentNotifications} after a
 * {@link PublicContentEvent} is committed here or on another instance of the app.
 */
@NamedInterface("api")
public interface PublicContentCache {

    /** Forgets every kept copy; called from any thread. */
    void forgetAll();
}
