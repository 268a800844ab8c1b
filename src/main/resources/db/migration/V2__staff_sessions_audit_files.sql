-- Staff sessions (Spring Session JDBC's own PostgreSQL schema), so every app instance sees every session.
CREATE TABLE SPRING_SESSION (
	PRIMARY_ID CHAR(36) NOT NULL,
	SESSION_ID CHAR(36) NOT NULL,
	CREATION_TIME BIGINT NOT NULL,
	LAST_ACCESS_TIME BIGINT NOT NULL,
	MAX_INACTIVE_INTERVAL INT NOT NULL,
	EXPIRY_TIME BIGINT NOT NULL,
	PRINCIPAL_NAME VARCHAR(100),
	CONSTRAINT SPRING_SESSION_PK PRIMARY KEY (PRIMARY_ID)
);

CREATE UNIQUE INDEX SPRING_SESSION_IX1 ON SPRING_SESSION (SESSION_ID);
CREATE INDEX SPRING_SESSION_IX2 ON SPRING_SESSION (EXPIRY_TIME);
CREATE INDEX SPRING_SESSION_IX3 ON SPRING_SESSION (PRINCIPAL_NAME);

CREATE TABLE SPRING_SESSION_ATTRIBUTES (
	SESSION_PRIMARY_ID CHAR(36) NOT NULL,
	ATTRIBUTE_NAME VARCHAR(200) NOT NULL,
	ATTRIBUTE_BYTES BYTEA NOT NULL,
	CONSTRAINT SPRING_SESSION_ATTRIBUTES_PK PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
	CONSTRAINT SPRING_SESSION_ATTRIBUTES_FK FOREIGN KEY (SESSION_PRIMARY_ID) REFERENCES SPRING_SESSION(PRIMARY_ID) ON DELETE CASCADE
);

-- Staff accounts ---------------------------------------------------------------------------------
create table staff_account (
    id            bigint generated always as identity primary key,
    email         text        not null,
    display_name  text        not null,
    password_hash text        not null,   -- bcrypt only
    role          varchar(16) not null check (role in ('EDITOR', 'ORGANISER', 'ADMIN')),
    enabled       boolean     not null default true,
    version       bigint      not null default 0,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);
create unique index staff_account_email_uq on staff_account (lower(email));

-- Failed logins per account and per client address, shared by all instances.
create table login_throttle (
    throttle_key      text        primary key,   -- "account:ann@example.org", "address:203.0.113.7"
    failures          integer     not null default 0 check (failures >= 0),
    last_failure_at   timestamptz not null,
    locked_until      timestamptz
);

-- Who changed what, and when ---------------------------------------------------------------------
create table audit_entry (
    id           bigint generated always as identity primary key,
    happened_at  timestamptz not null default now(),
    actor        text        not null,
    action       text        not null,   -- "appeal.updated", "login.failed"
    subject_type text        not null,   -- "appeal", "target", "letter_template", "staff_account", "login"
    subject_id   bigint,
    details      text
);
create index audit_entry_subject_idx on audit_entry (subject_type, subject_id, happened_at desc);

-- Uploaded documents (the PDF of the original appeal), in the database so they survive a restart
-- and every instance serves them.
create table stored_file (
    id           bigint generated always as identity primary key,
    file_name    text   not null,
    content_type text   not null,
    size_bytes   bigint not null check (size_bytes >= 0),
    content      bytea  not null,
    created_at   timestamptz not null default now()
);

-- Background is written in Markdown; this is its rendering, sanitised, exactly as the public page shows it.
alter table appeal add column background_html text;
