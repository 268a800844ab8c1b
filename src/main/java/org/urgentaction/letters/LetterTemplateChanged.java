package org.urgentaction.letters;

import org.springframework.modulith.NamedInterface;

import org.urgentaction.web.PublicContentEvent;

/** A letter template of an appeal was created or edited. Delivered after commit. */
@NamedInterface("events")
public record LetterTemplateChanged(long appealId) implements PublicContentEvent {}
