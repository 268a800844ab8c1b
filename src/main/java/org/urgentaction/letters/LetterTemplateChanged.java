package org.urgentaction.letters;

/** A letter template of an appeal was created or edited. Delivered after commit. */
public record LetterTemplateChanged(long appealId) {
}
