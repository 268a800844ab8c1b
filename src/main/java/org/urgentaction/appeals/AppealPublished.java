package org.urgentaction.appeals;

import org.springframework.modulith.NamedInterface;

import org.urgentaction.web.PublicContentEvent;

/** Staff published an appeal: supporters can now find it and act on it. Delivered after commit. */
@NamedInterface("events")
public record AppealPublished(long appealId, String slug) implements PublicContentEvent {}
