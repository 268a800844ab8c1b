package org.urgentaction.appeals;

/** Staff published an appeal: supporters can now find it and act on it. Delivered after commit. */
public record AppealPublished(long appealId, String slug) {
}
