package org.urgentaction.appeals;

import java.util.Set;

import org.springframework.modulith.NamedInterface;

/**
 * What recording an action report needs of a public appeal, read in one query: which appeal, whether
 * it still takes reports, which officials a report may name and which kinds of action it offers. The report form's hot path uses
 * this instead of loading the whole appeal.
 */
@NamedInterface("api")
public record ReportableAppeal(long id, DeadlineState deadlineState, Set<Long> targetIds, Set<ActionKind> actions) {

    /** @throws AppealNotAcceptingReportsException when the appeal is closed or past its deadline */
    public void ensureAcceptsReports() {
        if (!deadlineState.acceptsReports()) {
            throw new AppealNotAcceptingReportsException(deadlineState);
        }
    }
}
