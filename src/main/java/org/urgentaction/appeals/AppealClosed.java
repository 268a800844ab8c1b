package org.urgentaction.appeals;

import org.springframework.modulith.NamedInterface;

/** Staff closed an appeal with an outcome: it stops taking reports. Delivered after commit. */
@NamedInterface("events")
public record AppealClosed(long appealId, String slug) {
}
