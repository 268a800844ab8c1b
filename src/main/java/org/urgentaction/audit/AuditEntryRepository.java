package org.urgentaction.audit;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface AuditEntryRepository extends JpaRepository<AuditEntry, Long> {

    List<AuditEntry> findBySubjectTypeAndSubjectIdOrderByHappenedAtDescIdDesc(
            String subjectType, Long subjectId, Pageable page);

    List<AuditEntry> findByActionOrderByIdDesc(String action, Pageable page);
}
