package org.urgentaction.actions;

/** What a supporter did. */
public enum ActionKind {
    LETTER,
    EMAIL,
    FAX,
    PHONE_CALL,
    SOCIAL_POST,
    SOLIDARITY_MESSAGE,
    SIGNATURE
}
