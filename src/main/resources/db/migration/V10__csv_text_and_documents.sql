-- Text for a CSV export (replaces V4's): a spreadsheet runs a cell as a formula when it starts with
-- = + - @, a tab or a carriage return. Spreadsheets of semicolon locales split a comma-separated file
-- at every ';' (and naive readers at ',' and at line breaks inside a quoted cell), so such a starter
-- after ; , CR or LF (and any spaces) also gets an apostrophe in front. The cheap test comes first:
-- most cells need nothing. Empty text becomes NULL, which COPY writes as an empty field. Plain SQL,
-- so PostgreSQL still inlines it into the export query.
create or replace function csv_text(value text) returns text
    language sql immutable parallel safe
as $$
    select case when value = '' then null
                when value !~ E'(^|[;,\r\n]) *[=+@\t\r-]' then value
                else regexp_replace(value, E'(^|[;,\r\n])( *)(?=[=+@\t\r-])', E'\\1\\2''', 'g')
           end
$$;

-- Documents are served in slices (substring of content), never whole: stored uncompressed outside the
-- row (EXTERNAL), PostgreSQL reads only the TOAST chunks of each slice. Rows already there are
-- rewritten so they are stored that way too. Their SHA-256 is the ETag a browser or proxy revalidates with.
alter table stored_file alter column content set storage external;
alter table stored_file add column sha256 text;
update stored_file set content = content || ''::bytea, sha256 = encode(sha256(content), 'hex');
alter table stored_file alter column sha256 set not null;
