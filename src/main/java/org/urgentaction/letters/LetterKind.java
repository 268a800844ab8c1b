package org.urgentaction.letters;

/** To the officials, or a message of solidarity to the person at risk. */
public enum LetterKind {
    APPEAL, SOLIDARITY
}
