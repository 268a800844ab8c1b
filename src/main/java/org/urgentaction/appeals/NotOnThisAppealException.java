package org.urgentaction.appeals;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A person, target, update or resource named in a request is not part of the appeal: a 404 page. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotOnThisAppealException extends RuntimeException {

    public NotOnThisAppealException(String what) {
        super("No such " + what + " on this appeal");
    }
}
