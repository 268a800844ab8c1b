package org.urgentaction.appeals;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AppealRepository extends JpaRepository<Appeal, Long> {

    Optional<Appeal> findBySlug(String slug);

    List<Appeal> findByFollowUpOfAndStatusNot(Appeal original, AppealStatus status);

    /** The highest follow-up number issued under a reference; the original counts as 1. */
    @Query("select coalesce(max(coalesce(a.followUpNumber, 1)), 1) from Appeal a where a.referenceCode = ?1")
    int lastFollowUpNumber(String referenceCode);
}
