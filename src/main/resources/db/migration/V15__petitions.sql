-- Issue #15: petitions and open letters. The text is a template (kind PETITION: heading the title,
-- subject the addressee, body the letter); each signature is also an action report of kind SIGNATURE,
-- so it is in every count, export and tally letter as its own line.

alter table letter_template drop constraint letter_template_kind_check;
alter table letter_template add constraint letter_template_kind_check
    check (kind in ('APPEAL', 'SOLIDARITY', 'CALL', 'SOCIAL', 'PETITION'));

-- A batch of signatures gathered on paper is one report; it may be larger than any one supporter's.
alter table action_report drop constraint action_report_quantity_check;
alter table action_report add constraint action_report_quantity_check
    check (quantity between 1 and 10000 or (kind = 'SIGNATURE' and quantity between 1 and 1000000));

-- What a petition needs besides its text: an optional goal for the progress bar.
create table petition (
    appeal_id bigint  not null primary key references appeal (id) on delete cascade,
    goal      integer check (goal between 1 and 100000000),
    version   bigint  not null default 0
);

-- One row per signature made on the site. The e-mail is kept only with consent; its keyed hash
-- (HMAC, the key in report_token_key) is kept whenever one is given, so an address signs once
-- without the table holding the address.
create table petition_signature (
    id               bigint generated always as identity primary key,
    appeal_id        bigint      not null references appeal (id),
    name             text        not null check (length(name) between 1 and 200),
    country          varchar(2)  not null,
    email            text,
    email_hash       bytea,
    consent_given    boolean     not null default false,
    show_name        boolean     not null default false,
    submission_token uuid        not null unique,
    signed_at        timestamptz not null,
    constraint petition_signature_email_needs_consent check (consent_given or email is null)
);
create unique index petition_signature_email_once on petition_signature (appeal_id, email_hash)
    where email_hash is not null;
-- The names signers chose to show, newest first, on the petition page.
create index petition_signature_shown_idx on petition_signature (appeal_id, signed_at desc) where show_name;

-- The public count, sharded like action_tally: a petition that goes viral takes thousands a minute.
create table petition_tally (
    appeal_id  bigint   not null references appeal (id),
    shard      smallint not null check (shard between 0 and 63),
    signatures bigint   not null default 0 check (signatures >= 0),
    primary key (appeal_id, shard)
);

-- Signatures gathered on paper, entered by staff as one counted batch (and one SIGNATURE report).
create table petition_paper_batch (
    id          bigint generated always as identity primary key,
    appeal_id   bigint      not null references appeal (id),
    signatures  integer     not null check (signatures between 1 and 1000000),
    gathered    text        not null check (length(gathered) between 1 and 500), -- "Stall at Glastonbury, June 2017"
    report_id   bigint      not null references action_report (id),
    recorded_by text        not null,
    recorded_at timestamptz not null
);

-- When the petition was handed in, to whom, and with how many signatures.
create table petition_hand_in (
    id            bigint generated always as identity primary key,
    appeal_id     bigint      not null references appeal (id),
    handed_in_on  date        not null,
    handed_to     text        not null check (length(handed_to) between 1 and 500),
    signatures    integer     not null check (signatures between 0 and 100000000),
    note          text check (length(note) <= 2000),
    recorded_by   text        not null,
    recorded_at   timestamptz not null
);
create index petition_hand_in_appeal_idx on petition_hand_in (appeal_id, handed_in_on);
