-- The whole urgent-action domain, as DESIGN.md and the seed appeals show it.
-- Country columns hold ISO 3166-1 alpha-2 codes; languages hold BCP 47 tags.

-- Target directory -----------------------------------------------------------------------------
-- Officials and bodies supporters write to. They recur across appeals (a head of state, an embassy),
-- so they live in a directory and appeals link to them.
create table target (
    id                  bigint generated always as identity primary key,
    name                text        not null,
    title               text,                    -- "Director of Guangzhou Public Security Bureau"
    organisation        text,                    -- "Guangzhou Public Security Bureau"
    salutation          text,                    -- "Dear Director", "Your Excellency"
    preferred_language  varchar(35),
    address_lines       text,                    -- street lines, one per line
    address_city        text,
    address_region      text,
    address_postcode    varchar(20),
    address_country     varchar(2),
    email               text,
    fax                 varchar(40),
    phone               varchar(40),
    social_handle       text,
    -- An embassy or mission is a target too; this is the country it is accredited in, so a supporter
    -- in that country knows it is "their" embassy to copy.
    accredited_country  varchar(2),
    notes               text,
    version             bigint      not null default 0,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);
create index target_name_idx on target (lower(name));
create index target_accredited_country_idx on target (accredited_country) where accredited_country is not null;

-- Appeals --------------------------------------------------------------------------------------
create table appeal (
    id                   bigint generated always as identity primary key,
    reference_code       text        not null,   -- "UA 44.22", "ASA 17/040/2014", "CHN 002 / 0505 / OBS 028"
    follow_up_of_id      bigint references appeal (id),   -- null when the original is not in the system
    follow_up_number     integer check (follow_up_number > 0),   -- 2 for "Second UA 44.22"
    follow_up_label      text,                   -- as the issuer prints it: "Second UA", "216b"
    slug                 text        not null unique,
    title                text        not null,
    country              varchar(2)     not null,
    themes               text[]      not null default '{}',
    issuer               text,                   -- "Amnesty International", "The Observatory (OMCT / FIDH)"
    summary              text        not null,
    background           text,
    demands_intro        text,                   -- "Please write to the Chinese authorities, urging them to:"
    target_note          text,                   -- "Since there are two targets, we suggest ..."
    action_instructions  text,                   -- "Kindly inform us of any action undertaken quoting the code ..."
    issued_on            date,                   -- not every document shows one
    issued_place         text,                   -- "Geneva-Paris"
    deadline             date,                   -- null: "This action has no end date"
    status               varchar(16) not null default 'DRAFT' check (status in ('DRAFT', 'PUBLISHED', 'CLOSED')),
    outcome              varchar(32) check (outcome in ('RELEASED', 'CHARGES_DROPPED', 'SENTENCE_COMMUTED',
                                                        'SENTENCE_REDUCED', 'DIED_IN_CUSTODY', 'NO_CHANGE', 'OTHER')),
    outcome_note         text,
    closed_on            date,
    -- People's names live in their own table; the appeal keeps them here too so one full-text index
    -- covers reference, title, summary and people.
    search_text          text        not null default '',
    search_vector        tsvector generated always as (to_tsvector('english', search_text)) stored,
    version              bigint      not null default 0,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    constraint appeal_closed_has_outcome check (status <> 'CLOSED' or outcome is not null)
);
create unique index appeal_reference_follow_up_uq on appeal (reference_code, coalesce(follow_up_number, 1));
create index appeal_search_idx on appeal using gin (search_vector);
create index appeal_themes_idx on appeal using gin (themes);
create index appeal_public_list_idx on appeal (status, deadline, country);
create index appeal_follow_up_of_idx on appeal (follow_up_of_id);

-- "Action requested: i. ... ii. ..."
create table appeal_demand (
    appeal_id  bigint  not null references appeal (id) on delete cascade,
    position   integer not null check (position >= 0),
    text       text    not null,
    primary key (appeal_id, position)
);

-- The running case timeline: dated updates.
create table appeal_update (
    id          bigint generated always as identity primary key,
    appeal_id   bigint not null references appeal (id) on delete cascade,
    happened_on date   not null,
    headline    text   not null,
    body        text
);
create index appeal_update_appeal_idx on appeal_update (appeal_id, happened_on desc);

-- PDF of the original, links.
create table appeal_resource (
    id           bigint generated always as identity primary key,
    appeal_id    bigint  not null references appeal (id) on delete cascade,
    position     integer not null,
    label        text    not null,
    url          text,
    file_name    text,
    content_type text,
    size_bytes   bigint check (size_bytes >= 0),
    storage_key  text,
    constraint appeal_resource_has_location check (url is not null or storage_key is not null)
);
create index appeal_resource_appeal_idx on appeal_resource (appeal_id, position);

create table person_at_risk (
    id                        bigint generated always as identity primary key,
    appeal_id                 bigint  not null references appeal (id) on delete cascade,
    position                  integer not null,
    name                      text    not null,   -- Latin script
    native_name               text,               -- 黄雪琴
    description               text,               -- "#MeToo activist", "labour activist"
    situation                 varchar(24) not null check (situation in ('AT_RISK', 'DETAINED', 'SENTENCED',
                                  'HOUSE_ARREST', 'HARASSED', 'RELEASED', 'DISAPPEARED', 'DECEASED')),
    situation_detail          text,               -- "Sentenced to 5 years for 'inciting subversion of state power'"
    detention_place           text,               -- "Jiangxi Nanchang Women's Prison"
    detention_address_lines   text,
    detention_address_city    text,
    detention_address_region  text,
    detention_address_postcode varchar(20),
    detention_address_country varchar(2),
    birth_date                date,               -- for solidarity and birthday cards
    health_concerns           text
);
create index person_at_risk_appeal_idx on person_at_risk (appeal_id, position);

-- An appeal lists its targets in order, each as primary recipient or copy (CC).
create table appeal_target (
    appeal_id  bigint      not null references appeal (id) on delete cascade,
    target_id  bigint      not null references target (id),
    position   integer     not null,
    role       varchar(16) not null check (role in ('PRIMARY', 'COPY')),
    primary key (appeal_id, target_id)
);
create index appeal_target_target_idx on appeal_target (target_id);

-- Letters ---------------------------------------------------------------------------------------
create table letter_template (
    id         bigint generated always as identity primary key,
    appeal_id  bigint      not null references appeal (id) on delete cascade,
    language   varchar(35) not null,
    kind       varchar(16) not null check (kind in ('APPEAL', 'SOLIDARITY')),
    heading    text        not null,   -- "Write to the Chinese President"
    guidance   text,                   -- what the letter should say, for those who write their own
    subject    text        not null,
    body       text        not null,   -- with {placeholders}
    version    bigint      not null default 0,
    unique (appeal_id, language, kind)
);

-- Action reports --------------------------------------------------------------------------------
create table action_report (
    id                bigint generated always as identity primary key,
    appeal_id         bigint      not null references appeal (id),
    kind              varchar(24) not null check (kind in ('LETTER', 'EMAIL', 'FAX', 'PHONE_CALL', 'SOCIAL_POST',
                                                           'SOLIDARITY_MESSAGE', 'SIGNATURE')),
    quantity          integer     not null check (quantity between 1 and 10000),
    supporter_country varchar(2),
    supporter_name    text,
    supporter_email   text,
    consent_given     boolean     not null default false,
    -- Issued with the form; a double click, a resubmit or a back-and-resubmit carries the same token.
    submission_token  uuid        not null unique,
    reported_at       timestamptz not null default now(),
    constraint action_report_personal_data_needs_consent
        check (consent_given or (supporter_name is null and supporter_email is null))
);
create index action_report_appeal_time_idx on action_report (appeal_id, reported_at);

create table action_report_target (
    report_id  bigint not null references action_report (id) on delete cascade,
    target_id  bigint not null references target (id),
    primary key (report_id, target_id)
);
create index action_report_target_target_idx on action_report_target (target_id);

-- The public count. Each report adds to one of several shard rows chosen at random, so supporters
-- reporting on the same appeal at the same moment do not queue on one row lock; readers sum the shards.
create table action_tally (
    appeal_id bigint   not null references appeal (id),
    shard     smallint not null check (shard between 0 and 63),
    actions   bigint   not null default 0 check (actions >= 0),
    reports   bigint   not null default 0 check (reports >= 0),
    primary key (appeal_id, shard)
);

-- Events (later): protests, vigils and letter-writing evenings tied to appeals.
create table event (
    id               bigint generated always as identity primary key,
    title            text        not null,
    description      text,
    venue            text        not null,   -- "opposite the Chinese Embassy"
    address_lines    text,
    address_city     text,
    address_region   text,
    address_postcode varchar(20),
    address_country  varchar(2),
    directions       text,                   -- "Nearest tubes: Great Portland Street, Oxford Circus"
    starts_at        timestamptz not null,
    ends_at          timestamptz,
    time_zone        text        not null default 'UTC',
    organiser        text,
    constraint event_ends_after_start check (ends_at is null or ends_at > starts_at)
);

create table event_appeal (
    event_id  bigint not null references event (id) on delete cascade,
    appeal_id bigint not null references appeal (id) on delete cascade,
    primary key (event_id, appeal_id)
);
