-- Delegated account management (issue 19): contact data, who created an account, when it was
-- deactivated. Identity keeps owning the table; org.oko.accounts reaches it through IdentityAdmin.
alter table account
    add column phone       text check (phone ~ '^\+7[0-9]{10}$'),
    add column email       text check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and length(email) <= 254),
    add column created_by  text,
    add column disabled_at timestamptz;

-- Lists of a region's (or a municipality's) accounts page by login.
create index account_by_region on account (region_code, login);
create index account_by_municipality on account (municipality_id, login) where municipality_id is not null;
create index account_disabled on account (login) where disabled;
