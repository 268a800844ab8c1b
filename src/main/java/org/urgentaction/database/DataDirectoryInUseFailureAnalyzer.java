package org.urgentaction.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A second instance on the same data directory ends with what happened and what to do, not a stack trace. */
class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUseException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Stop the other instance first, or give this one a data directory of its own with "
                        + "URGENT_ACTION_DATA_DIR (urgent-action.embedded-database.directory). To run several "
                        + "instances on one database, use an external PostgreSQL (SPRING_DATASOURCE_URL).",
                cause);
    }
}
