package org.urgentaction.appeals;

/** Another appeal took this reference (and follow-up number) after the form was checked. */
class ReferenceTakenException extends RuntimeException {

    ReferenceTakenException() {
        super("the reference is taken", null, false, false);
    }
}
