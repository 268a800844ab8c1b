package org.urgentaction.appeals;

/** Staff closed an appeal with an outcome: it stops taking reports. Delivered after commit. */
public record AppealClosed(long appealId, String slug) {
}
