package org.urgentaction.events;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface EventRepository extends JpaRepository<Event, Long> {

    Optional<Event> findBySlug(String slug);

    List<Event> findByStatus(EventStatus status);

    List<Event> findAllByOrderByStartsAtDescIdDesc();
}
