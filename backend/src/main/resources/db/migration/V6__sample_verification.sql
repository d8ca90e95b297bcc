-- Uploaded verification forms (формы выверки): what a coordinator's file would change, kept until
-- the coordinator confirms it. Nothing of it touches sample_entry before the confirmation.
create table sample_verification (
    id              bigint generated always as identity primary key,
    campaign_id     bigint      not null references campaign (id) on delete cascade,
    -- the part of the sample the form covers: a municipality, or (null) the region's
    -- organizations that belong to no municipality
    region_code     text        not null references region (code),
    municipality_id bigint references municipality (id),
    uploaded_by     text        not null,
    uploaded_at     timestamptz not null,
    -- [{organizationId, field, before, after}], the diff shown to the coordinator, as uploaded
    changes         jsonb       not null,
    confirmed_at    timestamptz
);

create index sample_verification_by_campaign on sample_verification (campaign_id, uploaded_by);

-- One row per organization of the uploaded form: the values to apply, and the entry's version
-- when the form was uploaded, so that a confirmation after someone else's change is refused.
create table sample_verification_row (
    verification_id  bigint  not null references sample_verification (id) on delete cascade,
    organization_id  bigint  not null references organization (id),
    entry_version    bigint  not null,
    status           text    not null check (status in ('SELECTED', 'WITHDRAWN')),
    participants     integer not null check (participants between 0 and 100000),
    institution_type text    not null,
    settlement_type  text    not null check (settlement_type in ('CITY', 'TOWN', 'VILLAGE')),
    education_levels text[]  not null,
    subjects         text[]  not null,
    primary key (verification_id, organization_id)
);
