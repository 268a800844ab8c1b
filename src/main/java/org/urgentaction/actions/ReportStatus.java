package org.urgentaction.actions;

/**
 * Where a report stands. Only COUNTED reports are in any count (public, dashboard, exports, tally);
 * every change staff make can be undone, so a mistaken void or rejection loses nothing.
 */
enum ReportStatus {
    COUNTED,
    HELD,
    VOIDED,
    REJECTED;

    /** Whether the report is in the counts. */
    boolean counts() {
        return this == COUNTED;
    }

    /** A held report staff checked, or a rejected one they reconsidered, is counted. */
    ReportStatus approved() {
        return require(this == HELD || this == REJECTED, COUNTED);
    }

    ReportStatus rejected() {
        return require(this == HELD, REJECTED);
    }

    ReportStatus voided() {
        return require(this == COUNTED, VOIDED);
    }

    /** Undoes a void. */
    ReportStatus restored() {
        return require(this == VOIDED, COUNTED);
    }

    private ReportStatus require(boolean allowed, ReportStatus next) {
        if (!allowed) {
            throw new IllegalReportChangeException(this, next);
        }
        return next;
    }

    /** A change that does not apply to the report as it now stands (a second void, say). */
    static class IllegalReportChangeException extends RuntimeException {

        IllegalReportChangeException(ReportStatus from, ReportStatus to) {
            super("A " + from + " report cannot become " + to);
        }
    }
}
