-- Staff accounts that stay in the right hands (issue 13, section 4).

-- A password handed out by an administrator (new account, reset, the printed first administrator)
-- must be replaced at first login and stops working when unused for 72 hours.
alter table staff_account
    add column password_one_time    boolean     not null default false,
    add column password_expires_at  timestamptz,
    -- Sessions started before this are ended (role change, deactivation, password reset).
    add column sessions_valid_from  timestamptz not null default 'epoch',
    -- The authenticator app's secret, encrypted (Tink AEAD, key outside the database); null: none.
    add column totp_secret          bytea,
    -- The last 30-second time step a code was accepted for: a code is good once.
    add column totp_last_step       bigint;

-- Single-use recovery codes for a lost authenticator, stored as SHA-256 of 80 random bits.
create table staff_recovery_code (
    id          bigint generated always as identity primary key,
    account_id  bigint      not null references staff_account (id) on delete cascade,
    code_hash   bytea       not null,
    used_at     timestamptz
);
create index staff_recovery_code_account_idx on staff_recovery_code (account_id);

-- The organisation's security policy: one row.
create table security_policy (
    id                          smallint primary key default 1 check (id = 1),
    editors_need_second_factor  boolean  not null default false,
    version                     bigint   not null default 0
);
insert into security_policy (id) values (1);

-- The login throttle keys on a keyed hash (HMAC-SHA256) of the e-mail and address, never on them:
-- a key of any input length fits, and the table reveals no one. The old keys are plain: drop them.
delete from login_throttle;
comment on column login_throttle.throttle_key is 'base64 HMAC-SHA256 of "account:<email>", "pair:<email> <address>" or "address:<address>"';

-- Keys the app generates for itself on first use (the throttle's HMAC key).
create table app_secret (
    name   text  primary key,
    value  bytea not null
);

-- Sessions from before this version hold a login that the per-request account check does not
-- know (and so could not end): everyone logs in again once.
delete from spring_session;
