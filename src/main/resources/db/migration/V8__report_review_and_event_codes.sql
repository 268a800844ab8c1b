-- Counts that cannot be inflated: large reports wait for staff review, staff can void a report (and
-- undo it), submission tokens are signed by the server, and event codes lift the per-address limit.

-- COUNTED: in every count. HELD: above its appeal's review threshold, counted once staff approve it.
-- VOIDED: taken out of every count by staff (reversible). REJECTED: a held report staff turned down
-- (reversible: it can still be approved).
alter table action_report
    add column status varchar(10) not null default 'COUNTED'
        check (status in ('COUNTED', 'HELD', 'VOIDED', 'REJECTED')),
    -- Why staff voided or rejected it (shown on the staff page and in the audit trail).
    add column status_reason text;
-- The held reports of an appeal, for its review queue: a few rows, so the index costs next to nothing.
create index action_report_held_idx on action_report (appeal_id, reported_at) where status = 'HELD';

-- The key that signs submission tokens, made once by the first instance and shared by all
-- (unless urgent-action.reports.token-secret is set).
create table report_token_key (
    singleton boolean primary key default true check (singleton),
    secret    bytea not null check (length(secret) >= 32)
);

-- Per appeal: reports of more actions than this are held for review (none: the configured default).
create table appeal_report_setting (
    appeal_id        bigint  primary key references appeal (id),
    review_threshold integer not null check (review_threshold between 1 and 10000)
);

-- A short code staff hand out at a letter-writing evening: reports on its appeal that carry it are
-- not limited per address while it is valid (they still go through the review threshold).
create table report_event_code (
    id          bigint generated always as identity primary key,
    appeal_id   bigint      not null references appeal (id),
    code        varchar(16) not null,
    valid_from  timestamptz not null,
    valid_until timestamptz not null,
    created_by  text        not null,
    created_at  timestamptz not null default now(),
    revoked_at  timestamptz,
    constraint report_event_code_window check (valid_until > valid_from)
);
create unique index report_event_code_key on report_event_code (appeal_id, code);

alter table action_report add column event_code_id bigint references report_event_code (id);
-- The reports made with a code, for its line on the staff page; only those rows are in the index.
create index action_report_event_code_idx on action_report (event_code_id) where event_code_id is not null;

-- Only counted reports go into the per-day totals (V6's function, with the status filter).
create or replace function roll_up_action_days(before timestamptz) returns void language plpgsql as $$
declare
    slice_start timestamptz;
begin
    select coalesce(rolled_up_before, '-infinity') into slice_start from action_rollup for update;
    if slice_start >= before then
        return;
    end if;
    insert into action_day_total as t (appeal_id, day, kind, supporter_country, actions, reports)
    select appeal_id, (reported_at at time zone 'UTC')::date, kind, supporter_country, sum(quantity), count(*)
    from action_report
    where reported_at >= slice_start and reported_at < before and status = 'COUNTED'
    group by 1, 2, 3, 4
    on conflict (appeal_id, day, kind, coalesce(supporter_country, ''))
    do update set actions = t.actions + excluded.actions, reports = t.reports + excluded.reports;
    insert into action_country_total as c (appeal_id, supporter_country, actions, reports)
    select appeal_id, supporter_country, sum(quantity), count(*)
    from action_report
    where reported_at >= slice_start and reported_at < before and status = 'COUNTED'
    group by 1, 2
    on conflict (appeal_id, coalesce(supporter_country, ''))
    do update set actions = c.actions + excluded.actions, reports = c.reports + excluded.reports;
    insert into action_day_target_total as t (appeal_id, day, target_id, actions, reports)
    select r.appeal_id, (r.reported_at at time zone 'UTC')::date, rt.target_id, sum(r.quantity), count(*)
    from action_report r join action_report_target rt on rt.report_id = r.id
    where r.reported_at >= slice_start and r.reported_at < before and r.status = 'COUNTED'
    group by 1, 2, 3
    on conflict (appeal_id, day, target_id)
    do update set actions = t.actions + excluded.actions, reports = t.reports + excluded.reports;
    update action_rollup set rolled_up_before = before;
end $$;

-- The reports not yet in the totals, counted ones only: action_days, action_countries and
-- action_day_targets read it, so they leave out held, voided and rejected reports too. (r.* gains
-- the new columns at the end; the view's earlier columns are unchanged.)
create or replace view action_report_since_rollup as
select r.*
from action_report r, action_rollup s
where r.reported_at >= coalesce(s.rolled_up_before, '-infinity') and r.status = 'COUNTED';

-- A report that enters (+1) or leaves (-1) the count after it was rolled up (approved, voided,
-- restored) changes its day's totals here; one not rolled up yet is read by the views with its new
-- status. Call it in the transaction that changes the status, after the change.
create function count_report_change(report bigint, sign integer) returns void language plpgsql as $$
declare
    rolled timestamptz;
    r      action_report%rowtype;
begin
    -- Waits for a roll-up in progress (which read the old status) and keeps the next one out until
    -- this commits (it will read the new status), so a report is never added or taken twice.
    select coalesce(rolled_up_before, '-infinity') into rolled from action_rollup for share;
    select * into r from action_report where id = report;
    if r.reported_at >= rolled then
        return;
    end if;
    insert into action_day_total as t (appeal_id, day, kind, supporter_country, actions, reports)
    values (r.appeal_id, (r.reported_at at time zone 'UTC')::date, r.kind, r.supporter_country, sign * r.quantity, sign)
    on conflict (appeal_id, day, kind, coalesce(supporter_country, ''))
    do update set actions = t.actions + excluded.actions, reports = t.reports + excluded.reports;
    insert into action_country_total as c (appeal_id, supporter_country, actions, reports)
    values (r.appeal_id, r.supporter_country, sign * r.quantity, sign)
    on conflict (appeal_id, coalesce(supporter_country, ''))
    do update set actions = c.actions + excluded.actions, reports = c.reports + excluded.reports;
    insert into action_day_target_total as t (appeal_id, day, target_id, actions, reports)
    select r.appeal_id, (r.reported_at at time zone 'UTC')::date, rt.target_id, sign * r.quantity, sign
    from action_report_target rt where rt.report_id = r.id
    on conflict (appeal_id, day, target_id)
    do update set actions = t.actions + excluded.actions, reports = t.reports + excluded.reports;
end $$;

-- Reports made before this migration were all counted; nothing to change in the totals.
