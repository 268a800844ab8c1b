-- Events (seed 003): a protest, vigil or letter-writing evening tied to appeals. Its start and end are
-- the wall-clock times at the venue (timestamp without time zone) read in its IANA time zone, so
-- "Sunday 10 December 2017, 11 am – 1 pm" stays 11 am in London whatever the server's zone or a
-- later change of that zone's rules.
--
-- V1 made placeholder tables "event" and "event_appeal" that nothing has ever written to. They are
-- replaced: the start becomes the time at the venue, the links get an order, and an event gets a
-- slug, a kind, a status and a version. Refused, rather than dropping anything, if they hold rows.
do $$
begin
    if exists (select 1 from event_appeal) or exists (select 1 from event) then
        raise exception 'V16: the tables event and event_appeal hold rows; move them by hand first';
    end if;
end
$$;
drop table event_appeal;
drop table event;

create table event (
    id                bigint generated always as identity primary key,
    slug              text         not null unique,
    kind              varchar(16)  not null check (kind in ('PROTEST', 'VIGIL', 'LETTER_WRITING')),
    status            varchar(16)  not null default 'DRAFT' check (status in ('DRAFT', 'PUBLISHED')),
    title             text         not null,
    description       text,
    venue             text,                    -- "opposite the Chinese Embassy"
    address_lines     text,
    address_city      text,
    address_region    text,
    address_postcode  varchar(20),
    address_country   varchar(2),
    directions        text,                    -- "Nearest tubes: Great Portland Street, Oxford Circus"
    starts_at         timestamp    not null,
    ends_at           timestamp    not null,
    time_zone         varchar(64)  not null,   -- "Europe/London"
    organiser         text,
    version           bigint       not null default 0,
    created_at        timestamptz  not null default now(),
    updated_at        timestamptz  not null default now(),
    constraint event_ends_after_start check (ends_at > starts_at)
);
create index event_public_idx on event (status, starts_at);

-- The appeals an event is held for, in the order staff list them.
create table event_appeal (
    event_id   bigint  not null references event (id) on delete cascade,
    position   integer not null check (position >= 0),
    appeal_id  bigint  not null references appeal (id),
    primary key (event_id, position)
);
create index event_appeal_appeal_idx on event_appeal (appeal_id);

-- Event codes (V8) handed out for an event, so its room can report; a code belongs to one event.
create table event_report_code (
    event_id              bigint not null references event (id) on delete cascade,
    report_event_code_id  bigint not null unique references report_event_code (id),
    primary key (event_id, report_event_code_id)
);
