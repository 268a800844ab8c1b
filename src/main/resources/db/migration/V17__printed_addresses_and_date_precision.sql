-- Issue #15, sections 5 and 6: what the seed documents print, carried as they print it.

-- A target's address block as the issuing document prints it, one line each ("Beijingshi 100017",
-- "Genève", a name line before the ministry). Printed instead of the block composed from name,
-- title, organisation and postal address; address_country stays for search and routing.
alter table target add column printed_address text
    constraint target_printed_address_length check (length(printed_address) <= 2000);
