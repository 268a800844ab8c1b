package org.urgentaction.actions;

import java.util.HashSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.urgentaction.appeals.ReportableAppeal;

/** Records what supporters did, each submission exactly once. */
@Service
class ActionReporting {

    enum Result {
        RECORDED, ALREADY_RECORDED
    }

    private final ActionReportRepository reports;
    private final ActionTally tally;
    private final JdbcClient jdbc;

    ActionReporting(ActionReportRepository reports, ActionTally tally, JdbcClient jdbc) {
        this.reports = reports;
        this.tally = tally;
        this.jdbc = jdbc;
    }

    /**
     * @throws org.urgentaction.appeals.AppealNotAcceptingReportsException when the appeal is closed
     *                                                                     or past its deadline
     */
    @Transactional
    Result record(ReportableAppeal appeal, ActionReportForm form) {
        // Two copies of one submission (a double click) wait here for each other; the second then
        // sees the first's committed row and is not counted again.
        jdbc.sql("select pg_advisory_xact_lock(:key)")
                .param("key", form.getSubmissionToken().getMostSignificantBits() ^ form.getSubmissionToken().getLeastSignificantBits())
                .query().singleRow();
        if (reports.existsBySubmissionToken(form.getSubmissionToken())) {
            return Result.ALREADY_RECORDED;
        }
        ActionReport report = ActionReport.on(appeal, form.getKind(), form.getQuantity(),
                new HashSet<>(form.getTargetIds()), form.getCountry(), form.contact(), form.getSubmissionToken());
        reports.save(report);
        tally.add(appeal.id(), report.getQuantity());
        return Result.RECORDED;
    }
}
