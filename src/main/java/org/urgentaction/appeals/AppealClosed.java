package org.urgentaction.appeals;

import org.springframework.modulith.NamedInterface;

import org.urgentaction.web.PublicContentEvent;

/** Staff closed an appeal with an outcome: it stops taking reports. Delivered after commit. */
@NamedInterface("events")
public record AppealClosed(long appealId, String slug) implements PublicContentEvent {}
