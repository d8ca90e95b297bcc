-- Name search ("лицей", "школа № 5") is a substring match: a trigram index serves ILIKE '%…%'
-- without scanning every organization of the country. pg_trgm is a trusted extension, so the
-- database owner may create it.
create extension if not exists pg_trgm;

create index organization_name_trgm on organization using gin (name gin_trgm_ops);

-- Login search by its beginning ("edu64…") whatever the database's collation.
create index organization_login_prefix on organization (login text_pattern_ops);
