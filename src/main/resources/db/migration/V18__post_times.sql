-- Issue #15 §4: how long a letter by post typically takes to reach each country, which staff adjust;
-- a country without a row takes urgent-action.letters.default-post-days.
create table post_time (
    country varchar(2) primary key check (country ~ '^[A-Z]{2}$'),
    days    integer    not null check (days between 1 and 90),
    version bigint     not null default 0
);
