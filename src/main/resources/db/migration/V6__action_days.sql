-- Organisers' figures over millions of reports, read from per-day totals.
--
-- Reports are only ever added, at the time they are made. roll_up_action_days(before) adds the
-- reports made before `before` that are not yet in the totals to their day's totals; the app calls
-- it every five minutes with the moment ten minutes before (leaving time for reports still being
-- committed). The figures are read through the action_days / action_countries / action_day_targets
-- views: the totals plus the reports made since, in one statement, so always complete, and the
-- reports read one by one are never more than a quarter of an hour's.

create table action_rollup (
    singleton        boolean primary key default true check (singleton),
    -- Reports made before this are in the totals; null: none yet.
    rolled_up_before timestamptz
);
insert into action_rollup (rolled_up_before) values (null);

-- A day's actions on an appeal by kind and supporter country (null: not given).
create table action_day_total (
    appeal_id         bigint      not null references appeal (id),
    day               date        not null,
    kind              varchar(24) not null,
    supporter_country varchar(2),
    actions           bigint      not null,
    reports           bigint      not null
);
create unique index action_day_total_key on action_day_total (appeal_id, day, kind, coalesce(supporter_country, ''));
create index action_day_total_day_idx on action_day_total (day);

-- All rolled-up reports together, per appeal and supporter country: the all-time figures of every
-- appeal at once (the organisers' overview) without reading every day.
create table action_country_total (
    appeal_id         bigint      not null references appeal (id),
    supporter_country varchar(2),
    actions           bigint      not null,
    reports           bigint      not null
);
create unique index action_country_total_key on action_country_total (appeal_id, coalesce(supporter_country, ''));

-- A day's actions on an appeal that named an official (a report naming two counts for each).
create table action_day_target_total (
    appeal_id bigint not null references appeal (id),
    day       date   not null,
    target_id bigint not null references target (id),
    actions   bigint not null,
    reports   bigint not null,
    primary key (appeal_id, day, target_id)
);

-- The reports made since the last roll-up are found by time. Reports arrive in time order, so a
-- BRIN index (a few pages for millions of rows) serves, and costs the insert next to nothing.
create index action_report_reported_at_brin on action_report using brin (reported_at);

create function roll_up_action_days(before timestamptz) returns void language plpgsql as $$
declare
    slice_start timestamptz;
begin
    -- One caller at a time (several instances may run the job); the others wait, then find it done.
    select coalesce(rolled_up_before, '-infinity') into slice_start from action_rollup for update;
    if slice_start >= before then
        return;
    end if;
    -- Each slice adds to its days' rows: a day's row is one row however often it is added to.
    insert into action_day_total as t (appeal_id, day, kind, supporter_country, actions, reports)
    select appeal_id, (reported_at at time zone 'UTC')::date, kind, supporter_country, sum(quantity), count(*)
    from action_report
    where reported_at >= slice_start and reported_at < before
    group by 1, 2, 3, 4
    on conflict (appeal_id, day, kind, coalesce(supporter_country, ''))
    do update set actions = t.actions + excluded.actions, reports = t.reports + excluded.reports;
    insert into action_country_total as c (appeal_id, supporter_country, actions, reports)
    select appeal_id, supporter_country, sum(quantity), count(*)
    from action_report
    where reported_at >= slice_start and reported_at < before
    group by 1, 2
    on conflict (appeal_id, coalesce(supporter_country, ''))
    do update set actions = c.actions + excluded.actions, reports = c.reports + excluded.reports;
    insert into action_day_target_total as t (appeal_id, day, target_id, actions, reports)
    select r.appeal_id, (r.reported_at at time zone 'UTC')::date, rt.target_id, sum(r.quantity), count(*)
    from action_report r join action_report_target rt on rt.report_id = r.id
    where r.reported_at >= slice_start and r.reported_at < before
    group by 1, 2, 3
    on conflict (appeal_id, day, target_id)
    do update set actions = t.actions + excluded.actions, reports = t.reports + excluded.reports;
    update action_rollup set rolled_up_before = before;
end $$;

-- Starts the totals afresh: for a database whose reports were loaded or changed by hand (a data
-- import, the benchmark's generator, tests that move reports between days).
create function rebuild_action_days(before timestamptz) returns void language plpgsql as $$
begin
    perform 1 from action_rollup for update;
    truncate action_day_total, action_country_total, action_day_target_total;
    update action_rollup set rolled_up_before = null;
    perform roll_up_action_days(before);
end $$;

-- The reports not yet in the totals: the one definition of what the views below read one by one.
create view action_report_since_rollup as
select r.*
from action_report r, action_rollup s
where r.reported_at >= coalesce(s.rolled_up_before, '-infinity');

create view action_days as
select t.appeal_id, t.day, t.kind, t.supporter_country, t.actions, t.reports
from action_day_total t
union all
select r.appeal_id, (r.reported_at at time zone 'UTC')::date, r.kind, r.supporter_country, r.quantity, 1
from action_report_since_rollup r;

create view action_countries as
select t.appeal_id, t.supporter_country, t.actions, t.reports
from action_country_total t
union all
select r.appeal_id, r.supporter_country, r.quantity, 1
from action_report_since_rollup r;

create view action_day_targets as
select t.appeal_id, t.day, t.target_id, t.actions, t.reports
from action_day_target_total t
union all
select r.appeal_id, (r.reported_at at time zone 'UTC')::date, rt.target_id, r.quantity, 1
from action_report_since_rollup r join action_report_target rt on rt.report_id = r.id;

-- The reports already here (this runs before the app takes requests).
select roll_up_action_days(now() - interval '10 minutes');
