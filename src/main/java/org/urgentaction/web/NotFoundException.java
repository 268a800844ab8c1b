package org.urgentaction.web;

import org.springframework.http.HttpStatus;
import org.springframework.modulith.NamedInterface;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A record named in the URL does not exist (or is not part of what the URL names): a 404 page. */
@NamedInterface("api")
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, long id) {
        super("No " + what + " " + id);
    }
}
