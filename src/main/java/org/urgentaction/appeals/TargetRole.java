package org.urgentaction.appeals;

import org.springframework.modulith.NamedInterface;

/** A target is written to directly, or copied in (an embassy, a ministry). */
@NamedInterface("api")
public enum TargetRole {
    PRIMARY,
    COPY
}
