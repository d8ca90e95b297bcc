-- Kits (комплекты) of an ОМК: ranges of kit numbers assigned to assessment points per subject.
-- No kit number of a campaign's subject belongs to two ranges: the database refuses overlaps.
create table kit_range (
    id              bigint generated always as identity primary key,
    campaign_id     bigint      not null references campaign (id) on delete cascade,
    subject_key     text        not null,
    organization_id bigint      not null references organization (id),
    -- copied from the organization so that lists filter by region without a join
    region_code     text        not null references region (code),
    first_number    bigint      not null check (first_number between 1 and 999999999),
    last_number     bigint      not null check (last_number between 1 and 999999999),
    assigned_by     text        not null,
    assigned_at     timestamptz not null,
    check (first_number <= last_number and last_number - first_number < 10000),
    exclude using gist (campaign_id with =, subject_key with =,
                        int8range(first_number, last_number, '[]') with &&)
);

create index kit_range_by_organization on kit_range (campaign_id, organization_id, subject_key);
create index kit_range_by_region on kit_range (campaign_id, region_code, subject_key, first_number);
