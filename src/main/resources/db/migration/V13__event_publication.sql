-- Spring Modulith's event publication registry: one row per domain event and listener, written in
-- the transaction that published the event and deleted once that listener has run after the commit
-- (spring.modulith.events.completion-mode=delete). Exactly the schema of spring-modulith-events-jdbc
-- 2.1.1 (org/springframework/modulith/events/jdbc/schemas/v2/schema-postgresql.sql); the starter's
-- own schema initialisation is off, so Flyway owns this table like every other.
CREATE TABLE IF NOT EXISTS event_publication
(
  id                     UUID NOT NULL,
  listener_id            TEXT NOT NULL,
  event_type             TEXT NOT NULL,
  serialized_event       TEXT NOT NULL,
  publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date        TIMESTAMP WITH TIME ZONE,
  status                 TEXT,
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS event_publication_serialized_event_hash_idx ON event_publication USING hash(serialized_event);
CREATE INDEX IF NOT EXISTS event_publication_by_completion_date_idx ON event_publication (completion_date);
