package org.urgentaction.events;

import org.springframework.modulith.NamedInterface;

/** What sort of gathering an event is. */
@NamedInterface("api")
public enum EventKind {
    PROTEST,
    VIGIL,
    LETTER_WRITING
}
