package org.urgentaction.appeals;

public enum AppealStatus {
    DRAFT,
    PUBLISHED,
    CLOSED
}
