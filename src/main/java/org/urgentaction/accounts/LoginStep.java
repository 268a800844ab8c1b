package org.urgentaction.accounts;

/** What a staff member must still do, after the password, before reaching /admin. */
enum LoginStep {
    /** Enter a code from the authenticator app, or a recovery code. */
    SECOND_FACTOR("/login/code"),
    /** Replace a handed-out (one-time) password with one of their own. */
    NEW_PASSWORD("/admin/account/password"),
    /** Set up an authenticator app: required for this role or by the organisation's policy. */
    ENROL_SECOND_FACTOR("/admin/account/second-factor");

    final String path;

    LoginStep(String path) {
        this.path = path;
    }

    /** The authority a half-logged-in session holds instead of its role. */
    String authority() {
        return "LOGIN_STEP_" + name();
    }

    /**
     * The next step for this account, given what this login has done; null when none is left.
     * The second factor comes first, so a stolen password alone can change nothing.
     */
    static LoginStep next(StaffAccount account, SecurityPolicy policy, boolean secondFactorDone) {
        if (account.hasSecondFactor() && !secondFactorDone) {
            return SECOND_FACTOR;
        }
        if (account.isPasswordOneTime()) {
            return NEW_PASSWORD;
        }
        if (!account.hasSecondFactor() && account.needsSecondFactor(policy)) {
            return ENROL_SECOND_FACTOR;
        }
        return null;
    }
}
