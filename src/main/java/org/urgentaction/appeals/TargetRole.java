package org.urgentaction.appeals;

/** A target is written to directly, or copied in (an embassy, a ministry). */
public enum TargetRole {
    PRIMARY, COPY
}
