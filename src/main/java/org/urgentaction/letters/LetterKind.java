package org.urgentaction.letters;

import java.util.Set;

import org.springframework.modulith.NamedInterface;

import org.urgentaction.appeals.ActionKind;

/** What a template is: a letter to the officials, a message to the person at risk, a call script, social posts,
 * a petition. */
@NamedInterface("api")
public enum LetterKind {
    APPEAL(ActionKind.LETTER, ActionKind.EMAIL, ActionKind.FAX),
    SOLIDARITY(ActionKind.SOLIDARITY_MESSAGE),
    CALL(ActionKind.PHONE_CALL),
    SOCIAL(ActionKind.SOCIAL_POST),
    // Heading the title, subject the addressee, body the text everyone signs.
    PETITION(ActionKind.SIGNATURE);

    private final Set<ActionKind> actions;

    LetterKind(ActionKind... actions) {
        this.actions = Set.of(actions);
    }

    /** A letter or message the composer turns into one letter per recipient. */
    public boolean isWritten() {
        return this == APPEAL || this == SOLIDARITY;
    }

    /** A letter or message has a subject; a petition, in the same field, its addressee. */
    public boolean needsSubject() {
        return isWritten() || this == PETITION;
    }

    /** The ways to act this template gives supporters the text for. */
    public Set<ActionKind> actions() {
        return actions;
    }
}
