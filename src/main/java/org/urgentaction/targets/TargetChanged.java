package org.urgentaction.targets;

import org.springframework.modulith.NamedInterface;

import org.urgentaction.web.PublicContentEvent;

/** An official in the directory was created or edited; every appeal naming them shows the change. Delivered after commit. */
@NamedInterface("events")
public record TargetChanged(long targetId) implements PublicContentEvent {}
