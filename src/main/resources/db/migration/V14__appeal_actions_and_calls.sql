-- Issue #15: the ways to act an appeal offers, call scripts and social posts, and what a call needs.

-- The ways to act each appeal offers; the report form accepts only these. Appeals that exist keep
-- what they offered before: letters, e-mails and faxes, and a message of solidarity where they have one.
create table appeal_action (
    appeal_id bigint      not null references appeal (id) on delete cascade,
    kind      varchar(24) not null check (kind in ('LETTER', 'EMAIL', 'FAX', 'PHONE_CALL', 'SOCIAL_POST',
                                                   'SOLIDARITY_MESSAGE', 'SIGNATURE')),
    primary key (appeal_id, kind)
);
insert into appeal_action (appeal_id, kind)
select a.id, k.kind from appeal a cross join (values ('LETTER'), ('EMAIL'), ('FAX')) as k (kind);
insert into appeal_action (appeal_id, kind)
select distinct appeal_id, 'SOLIDARITY_MESSAGE' from letter_template where kind = 'SOLIDARITY';

-- A template is also a call script (with what to say to voicemail) or a set of social posts.
alter table letter_template drop constraint letter_template_kind_check;
alter table letter_template add constraint letter_template_kind_check
    check (kind in ('APPEAL', 'SOLIDARITY', 'CALL', 'SOCIAL'));
alter table letter_template add column voicemail text;

-- When a target's office answers the phone, in its own time zone ("it is 3 am there now").
alter table target add column time_zone    varchar(64);   -- IANA: "Asia/Shanghai"
alter table target add column office_opens time;
alter table target add column office_closes time;
alter table target add column office_days  varchar(64);   -- "MONDAY,TUESDAY,..." (ISO day names)
-- Supporters who called say when a number was wrong; staff see it on the target until they fix it.
alter table target add column wrong_number_reports integer not null default 0 check (wrong_number_reports >= 0);
alter table target add column wrong_number_reported_at timestamptz;

-- How a call went. Only a conversation or a message left counts as a call (a report is not stored
-- for no answer or a wrong number), so the column is set on every phone-call report from now on.
alter table action_report add column call_outcome varchar(16)
    check (call_outcome in ('SPOKE', 'VOICEMAIL'));
alter table action_report add constraint action_report_outcome_only_for_calls
    check (call_outcome is null or kind = 'PHONE_CALL');
