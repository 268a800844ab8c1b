-- Issue #15, sections 5 and 6: what the seed documents print, carried as they print it.

-- A target's address block as the issuing document prints it, one line each ("Beijingshi 100017",
-- "Genève", a name line before the ministry). Printed instead of the block composed from name,
-- title, organisation and postal address; address_country stays for search and routing.
alter table target add column printed_address text
    constraint target_printed_address_length check (length(printed_address) <= 2000);

-- How much of an appeal's issue date the document gives: the day ("3 May 2005"), the month only
-- ("December 2014") or the year. A month or a year is kept as its first day.
alter table appeal add column issued_on_precision varchar(5) not null default 'DAY'
    constraint appeal_issued_on_precision_known check (issued_on_precision in ('DAY', 'MONTH', 'YEAR'));
alter table appeal add constraint appeal_issued_on_precision_first_day check (
    issued_on is null
    or issued_on_precision = 'DAY'
    or (issued_on_precision = 'MONTH' and extract(day from issued_on) = 1)
    or (issued_on_precision = 'YEAR' and extract(doy from issued_on) = 1));
