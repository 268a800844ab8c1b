package org.urgentaction.appeals;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AppealRepository extends JpaRepository<Appeal, Long> {

    Optional<Appeal> findBySlug(String slug);

    List<Appeal> findByFollowUpOfAndStatusNot(Appeal original, AppealStatus status);
}
