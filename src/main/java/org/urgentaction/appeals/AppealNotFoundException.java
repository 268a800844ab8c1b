package org.urgentaction.appeals;

import org.springframework.http.HttpStatus;
import org.springframework.modulith.NamedInterface;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No public appeal by that name: a 404 page, not an error. */
@NamedInterface("api")
@ResponseStatus(HttpStatus.NOT_FOUND)
public class AppealNotFoundException extends RuntimeException {

    public AppealNotFoundException(String slug) {
        super("No public appeal " + slug);
    }
}
