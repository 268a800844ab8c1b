-- Issue #15: a call that reached no one counts nothing, but its form still counts once: a replayed
-- "wrong number" must not flag the target again. Only the token, the appeal and the outcome are kept.
create table uncounted_call (
    submission_token uuid        primary key,
    appeal_id        bigint      not null references appeal (id),
    outcome          varchar(16) not null check (outcome in ('NO_ANSWER', 'WRONG_NUMBER')),
    reported_at      timestamptz not null default now()
);
