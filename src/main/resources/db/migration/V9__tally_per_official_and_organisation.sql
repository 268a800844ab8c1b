-- The tally letter: per-official figures that never count a message of solidarity, and the
-- organisation's sign-off and wording.

-- A message of solidarity goes to the person at risk, never to an official, so a report of one
-- names no official: the per-official figures (action_day_targets) then cannot count it as
-- pressure on anyone, whatever a form sent. Skipped rather than refused, so a report is never lost.
create function action_report_target_skip_solidarity() returns trigger language plpgsql as $$
begin
    if exists (select from action_report where id = new.report_id and kind = 'SOLIDARITY_MESSAGE') then
        return null;
    end if;
    return new;
end $$;
create trigger action_report_target_not_for_solidarity before insert on action_report_target
    for each row execute function action_report_target_skip_solidarity();

-- Reports already made: their officials go, and the per-day totals are rebuilt without them.
do $$
begin
    delete from action_report_target rt using action_report r
    where r.id = rt.report_id and r.kind = 'SOLIDARITY_MESSAGE';
    if found then
        perform rebuild_action_days(now() - interval '10 minutes');
    end if;
end $$;

-- One organisation per installation: the sign-off of its tally letters and their wording.
create table organisation_settings (
    singleton        boolean primary key default true check (singleton),
    name             text,
    signatory        text,        -- "Jane Doe, Campaigns Director"
    address          text,        -- lines as typed
    paper_size       varchar(8)  not null default 'A4' check (paper_size in ('A4', 'LETTER')),
    -- The tally's wording with {placeholders}; null: the built-in wording of that language.
    tally_wording_en text,
    tally_wording_fr text,
    version          bigint      not null default 0
);
insert into organisation_settings default values;

-- An appeal's own tally wording, in place of the organisation's.
create table appeal_tally_wording (
    appeal_id bigint      not null references appeal (id) on delete cascade,
    language  varchar(2)  not null check (language in ('en', 'fr')),
    wording   text        not null,
    primary key (appeal_id, language)
);
