package org.urgentaction.events;

/** A draft is seen by staff only; a published event is on the public site. */
enum EventStatus {
    DRAFT,
    PUBLISHED
}
