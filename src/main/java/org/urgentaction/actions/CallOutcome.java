package org.urgentaction.actions;

/** How a supporter's call went. Only a conversation or a message left counts as a call. */
public enum CallOutcome {
    SPOKE,
    VOICEMAIL,
    NO_ANSWER,
    WRONG_NUMBER;

    public boolean counts() {
        return this == SPOKE || this == VOICEMAIL;
    }
}
