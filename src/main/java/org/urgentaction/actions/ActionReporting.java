package org.urgentaction.actions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.urgentaction.appeals.Appeal;
import org.urgentaction.appeals.AppealNotFoundException;
import org.urgentaction.appeals.AppealRepository;

/** Records what supporters did, each submission exactly once. */
@Service
class ActionReporting {

    enum Result {
        RECORDED, ALREADY_RECORDED
    }

    private final AppealRepository appeals;
    private final ActionReportRepository reports;
    private final ActionTally tally;
    private final JdbcClient jdbc;
    private final Clock clock;

    ActionReporting(AppealRepository appeals, ActionReportRepository reports, ActionTally tally, JdbcClient jdbc,
                    Clock clock) {
        this.appeals = appeals;
        this.reports = reports;
        this.tally = tally;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @throws org.urgentaction.appeals.AppealNotAcceptingReportsException when the appeal is closed
     *                                                                     or past its deadline
     */
    @Transactional
    Result record(String slug, ActionReportForm form) {
        // Two copies of one submission (a double click) wait here for each other; the second then
        // sees the first's committed row and is not counted again.
        jdbc.sql("select pg_advisory_xact_lock(:key)")
                .param("key", form.submissionToken().getMostSignificantBits() ^ form.submissionToken().getLeastSignificantBits())
                .query().singleRow();
        if (reports.existsBySubmissionToken(form.submissionToken())) {
            return Result.ALREADY_RECORDED;
        }
        Appeal appeal = appeals.findBySlug(slug).filter(Appeal::isPublic)
                .orElseThrow(() -> new AppealNotFoundException(slug));
        ActionReport report = ActionReport.on(appeal, LocalDate.now(clock), form.kind(), form.quantity(),
                new HashSet<>(form.targetIds()), form.country(), form.contact(), form.submissionToken());
        reports.save(report);
        tally.add(appeal.getId(), report.getQuantity());
        return Result.RECORDED;
    }
}
