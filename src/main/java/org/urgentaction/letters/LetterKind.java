package org.urgentaction.letters;

import org.springframework.modulith.NamedInterface;

/** To the officials, or a message of solidarity to the person at risk. */
@NamedInterface("api")
public enum LetterKind {
    APPEAL,
    SOLIDARITY
}
