package org.urgentaction.appeals;

import org.springframework.modulith.NamedInterface;

/** Raised when a supporter reports an action on an appeal that is closed or past its deadline. */
@NamedInterface("api")
public class AppealNotAcceptingReportsException extends RuntimeException {

    private final DeadlineState state;

    AppealNotAcceptingReportsException(DeadlineState state) {
        super("Appeal does not accept reports: " + state.kind());
        this.state = state;
    }

    public DeadlineState state() {
        return state;
    }
}
