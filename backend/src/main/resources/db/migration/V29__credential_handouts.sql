-- Credentials hand-out (issue 19; seed 000: the region receives the sample's logins in its
-- personal account and hands them out confidentially; seed 003 8.1/9.1: the municipality receives
-- its schools' logins from the region "if needed"). Owned by org.oko.accounts.
--
-- The issued list waits for its one download as a sealed file: AES-GCM ciphertext in the blob
-- store, its key here. Neither alone reveals a password; both are dropped at the download.
create table credential_handout (
    id              bigint generated always as identity primary key,
    campaign_id     bigint references campaign (id) on delete set null,
    campaign_title  text,
    region_code     text        not null references region (code),
    municipality_id bigint references municipality (id),
    organization_id bigint references organization (id),
    scope_label     text        not null,
    accounts        integer     not null check (accounts > 0),
    resets          integer     not null check (resets >= 0),
    issued_by       text        not null,
    issued_role     text        not null,
    issued_at       timestamptz not null,
    blob_key        text,
    sealing_key     bytea,
    downloaded_by   text,
    downloaded_at   timestamptz,
    check ((blob_key is null) = (sealing_key is null))
);
create index credential_handout_by_region on credential_handout (region_code, issued_at desc, id desc);

-- A municipality's part of a hand-out (municipality_id null: the region's organizations that
-- belong to no municipality, the responsible coordinator's), passed on by the region.
create table credential_handout_part (
    id                bigint generated always as identity primary key,
    handout_id        bigint      not null references credential_handout (id) on delete cascade,
    region_code       text        not null references region (code),
    municipality_id   bigint references municipality (id),
    municipality_name text,
    accounts          integer     not null check (accounts > 0),
    blob_key          text,
    sealing_key       bytea,
    passed_by         text,
    passed_at         timestamptz,
    downloaded_by     text,
    downloaded_at     timestamptz,
    unique nulls not distinct (handout_id, municipality_id),
    check ((blob_key is null) = (sealing_key is null))
);
create index credential_handout_part_passed on credential_handout_part (region_code, municipality_id, handout_id)
    where passed_at is not null;
