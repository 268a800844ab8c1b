package org.urgentaction.appeals;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AppealRepository extends JpaRepository<Appeal, Long> {

    Optional<Appeal> findBySlug(String slug);

    List<Appeal> findByFollowUpOfAndStatusNot(Appeal original, AppealStatus status);

    /** Whether another appeal already uses this reference and follow-up number. */
    @Query("""
            select count(a) > 0 from Appeal a where a.referenceCode = ?1
            and coalesce(a.followUpNumber, 1) = coalesce(?2, 1) and (?3 is null or a.id <> ?3)""")
    boolean referenceTaken(String referenceCode, Integer followUpNumber, Long exceptId);

    /** The highest follow-up number issued under a reference; the original counts as 1. */
    @Query("select coalesce(max(coalesce(a.followUpNumber, 1)), 1) from Appeal a where a.referenceCode = ?1")
    int lastFollowUpNumber(String referenceCode);
}
