package org.urgentaction.accounts;

/** The organisation's rules for staff logins (table security_policy, one row). */
record SecurityPolicy(boolean editorsNeedSecondFactor, long version) {}
