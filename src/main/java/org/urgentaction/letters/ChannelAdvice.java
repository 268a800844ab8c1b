package org.urgentaction.letters;

import java.util.List;

import org.urgentaction.appeals.AppealDetails;

/**
 * The composer's word on timing: from the days left, where the letters go and how long post takes
 * there, whether a letter will arrive in time, and which faster channel the officials have.
 * A passed deadline or a closed case is a notice of its own.
 *
 * @param key         the message ("compose.advice.late.fax", "compose.notice.passed", ...)
 * @param days        days left until the deadline
 * @param destination where the letters go (country code of the officials, else of the appeal)
 * @param postDays    how long post typically takes there
 */
record ChannelAdvice(String key, boolean notice, long days, String destination, int postDays) {

    static ChannelAdvice of(AppealDetails appeal, String destination, int postDays, List<Recipient> recipients) {
        return switch (appeal.deadlineState().kind()) {
            case CLOSED -> notice("compose.notice.closed");
            case PASSED -> notice("compose.notice.passed");
            case DRAFT -> notice("compose.notice.draft");
            case NO_END_DATE -> new ChannelAdvice("compose.advice.noEndDate", false, 0, destination, postDays);
            case OPEN_UNTIL -> {
                long days = appeal.deadlineState().daysLeft();
                if (days >= postDays) {
                    yield new ChannelAdvice("compose.advice.inTime", false, days, destination, postDays);
                }
                boolean fax = appeal.offers("FAX") && recipients.stream().anyMatch(r -> r.fax() != null);
                boolean email = appeal.offers("EMAIL") && recipients.stream().anyMatch(r -> r.email() != null);
                String faster = fax && email ? "both" : fax ? "fax" : email ? "email" : "none";
                yield new ChannelAdvice("compose.advice.late." + faster, false, days, destination, postDays);
            }
        };
    }

    private static ChannelAdvice notice(String key) {
        return new ChannelAdvice(key, true, 0, null, 0);
    }
}
