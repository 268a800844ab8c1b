package org.urgentaction.web;

import org.springframework.modulith.NamedInterface;

/** A form was based on an older version of the record than the one now saved. */
@NamedInterface("api")
public class StaleEditException extends RuntimeException {

    public StaleEditException() {
        super("The record was changed by someone else");
    }

    /** @throws StaleEditException when the form's version is not the saved one */
    public static void check(Long formVersion, long savedVersion) {
        if (formVersion == null || formVersion != savedVersion) {
            throw new StaleEditException();
        }
    }
}
