package org.urgentaction.targets;

/** An official in the directory was created or edited; every appeal naming them shows the change. Delivered after commit. */
public record TargetChanged(long targetId) {
}
