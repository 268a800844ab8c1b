package org.urgentaction.appeals;

/** An administrator reopened a closed appeal. Delivered after commit. */
public record AppealReopened(long appealId, String slug) {
}
