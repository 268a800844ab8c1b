package org.urgentaction.appeals;

/** Where a person at risk stands now. */
public enum Situation {
    AT_RISK, DETAINED, SENTENCED, HOUSE_ARREST, HARASSED, RELEASED, DISAPPEARED, DECEASED
}
