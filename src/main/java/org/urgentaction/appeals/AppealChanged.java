package org.urgentaction.appeals;

/** Something supporters may see on an appeal changed (its fields, people, officials, updates, documents). Delivered after commit. */
public record AppealChanged(long appealId, String slug) {
}
