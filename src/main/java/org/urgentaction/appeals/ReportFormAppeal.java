package org.urgentaction.appeals;

import java.util.List;
import java.util.Set;

import org.springframework.modulith.NamedInterface;

/**
 * What the report form and its thank-you page show of a public appeal, read in one query. Every
 * supporter who acts opens the form, so it does not load the whole appeal.
 *
 * @param reference the reference as printed ("UA 44.22", "Second UA 44.22")
 * @param targets   the officials a report may name, in the appeal's order
 * @param actions   the ways to act the appeal offers: the kinds a report may have
 */
@NamedInterface("api")
public record ReportFormAppeal(
        long id,
        String slug,
        String reference,
        String title,
        DeadlineState deadlineState,
        List<Official> targets,
        Set<ActionKind> actions) {

    public record Official(long id, String name, String title) {}

    public boolean offersCalls() {
        return actions.contains(ActionKind.PHONE_CALL);
    }

    public boolean acceptsReports() {
        return deadlineState.acceptsReports();
    }
}
