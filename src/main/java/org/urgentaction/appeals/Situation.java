package org.urgentaction.appeals;

import org.springframework.modulith.NamedInterface;

/** Where a person at risk stands now. */
@NamedInterface("api")
public enum Situation {
    AT_RISK,
    DETAINED,
    SENTENCED,
    HOUSE_ARREST,
    HARASSED,
    RELEASED,
    DISAPPEARED,
    DECEASED
}
