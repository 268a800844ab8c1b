package org.urgentaction.actions;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ActionReportRepository extends JpaRepository<ActionReport, Long> {

    boolean existsBySubmissionToken(UUID submissionToken);
}
