package org.urgentaction.appeals;

import org.springframework.modulith.NamedInterface;

import org.urgentaction.web.PublicContentEvent;

/** Something supporters may see on an appeal changed (its fields, people, officials, updates, documents). Delivered after commit. */
@NamedInterface("events")
public record AppealChanged(long appealId, String slug) implements PublicContentEvent {}
