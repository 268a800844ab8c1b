package org.urgentaction.appeals;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * What an appeal's deadline means today: "12 days left", "no end date", "deadline passed",
 * "closed — released". The page turns it into words through the message bundle.
 */
public record DeadlineState(Kind kind, long daysLeft, Outcome outcome) {

    public enum Kind {
        DRAFT,
        OPEN_UNTIL,
        NO_END_DATE,
        PASSED,
        CLOSED
    }

    static DeadlineState of(AppealStatus status, LocalDate deadline, Outcome outcome, LocalDate today) {
        return switch (status) {
            case DRAFT -> new DeadlineState(Kind.DRAFT, 0, null);
            case CLOSED -> new DeadlineState(Kind.CLOSED, 0, outcome);
            case PUBLISHED -> {
                if (deadline == null) {
                    yield new DeadlineState(Kind.NO_END_DATE, 0, null);
                }
                long days = ChronoUnit.DAYS.between(today, deadline);
                yield days < 0
                        ? new DeadlineState(Kind.PASSED, 0, null)
                        : new DeadlineState(Kind.OPEN_UNTIL, days, null);
            }
        };
    }

    public boolean acceptsReports() {
        return kind == Kind.OPEN_UNTIL || kind == Kind.NO_END_DATE;
    }

    /** The message-bundle key for this state. */
    public String messageKey() {
        return "appeal.deadline." + kind.name().toLowerCase();
    }
}
