package org.urgentaction.appeals;

import org.springframework.modulith.NamedInterface;

/** An administrator reopened a closed appeal. Delivered after commit. */
@NamedInterface("events")
public record AppealReopened(long appealId, String slug) {
}
