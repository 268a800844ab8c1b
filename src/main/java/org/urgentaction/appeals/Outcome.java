package org.urgentaction.appeals;

/** How a closed case ended. */
public enum Outcome {
    RELEASED,
    CHARGES_DROPPED,
    SENTENCE_COMMUTED,
    SENTENCE_REDUCED,
    DIED_IN_CUSTODY,
    NO_CHANGE,
    OTHER
}
