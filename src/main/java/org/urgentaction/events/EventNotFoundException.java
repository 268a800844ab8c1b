package org.urgentaction.events;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No published event by that name (a draft is not found either): a 404 page. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class EventNotFoundException extends RuntimeException {

    EventNotFoundException(String slug) {
        super("No public event " + slug);
    }
}
