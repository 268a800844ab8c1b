-- Text for a CSV export: a value a spreadsheet would run as a formula (starting with = + - @, a tab
-- or a carriage return) gets an apostrophe in front so it stays text; empty text becomes NULL, which
-- COPY writes as an empty field. Plain SQL, so PostgreSQL inlines it into the export query.
create function csv_text(value text) returns text
    language sql immutable parallel safe
as $$
    select case when value = '' then null
                when left(value, 1) in ('=', '+', '-', '@', E'\t', E'\r') then '''' || value
                else value end
$$;
