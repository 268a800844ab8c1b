package org.urgentaction.appeals;

import org.springframework.modulith.NamedInterface;

/** A way to act on an appeal, and what a supporter reports they did. Staff choose which an appeal offers. */
@NamedInterface("api")
public enum ActionKind {
    LETTER,
    EMAIL,
    FAX,
    PHONE_CALL,
    SOCIAL_POST,
    SOLIDARITY_MESSAGE,
    SIGNATURE
}
