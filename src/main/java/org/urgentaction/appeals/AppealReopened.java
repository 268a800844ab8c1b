package org.urgentaction.appeals;

import org.springframework.modulith.NamedInterface;

import org.urgentaction.web.PublicContentEvent;

/** An administrator reopened a closed appeal. Delivered after commit. */
@NamedInterface("events")
public record AppealReopened(long appealId, String slug) implements PublicContentEvent {}
