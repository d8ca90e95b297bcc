-- Campaigns and their schedule (план-график). Stage windows are instants; the SPA shows them
-- in the region's local time.
create extension if not exists btree_gist;

create table campaign (
    id            bigint generated always as identity primary key,
    kind          text        not null check (kind in ('VPR', 'SPO', 'OMK')),
    title         text        not null,
    academic_year text        not null check (academic_year ~ '^[0-9]{4}/[0-9]{4}$'),
    -- [{key, name, grade, maxScore}], small and always read whole
    subjects      jsonb       not null default '[]',
    version       bigint      not null default 0,
    created_at    timestamptz not null,
    created_by    text        not null
);

create table campaign_region (
    campaign_id bigint not null references campaign (id) on delete cascade,
    region_code text   not null references region (code),
    primary key (campaign_id, region_code)
);

create index campaign_region_by_region on campaign_region (region_code, campaign_id);

create table campaign_stage (
    campaign_id bigint      not null references campaign (id) on delete cascade,
    code        text        not null check (code in ('PRELIMINARY_LIST', 'VERIFICATION', 'APPLICATION',
                    'CONTEXT_DATA', 'MATERIALS', 'CONDUCT', 'RESULTS_PROTOCOL', 'QUESTIONNAIRE',
                    'SCANNING', 'SCORING', 'REPORTS')),
    opens_at    timestamptz not null,
    closes_at   timestamptz not null,
    primary key (campaign_id, code),
    check (opens_at < closes_at),
    -- Stages follow one another: the database itself refuses overlapping windows.
    exclude using gist (campaign_id with =, tstzrange(opens_at, closes_at, '[)') with &&)
);

-- A stage kept open longer for one region or one organization. Not tied to the stage row:
-- replacing the schedule keeps the extensions already granted.
create table stage_extension (
    id              bigint generated always as identity primary key,
    campaign_id     bigint      not null references campaign (id) on delete cascade,
    stage_code      text        not null,
    region_code     text references region (code),
    organization_id bigint references organization (id),
    closes_at       timestamptz not null,
    reason          text,
    granted_by      text        not null,
    granted_at      timestamptz not null,
    check ((region_code is null) <> (organization_id is null))
);

create unique index stage_extension_per_region
    on stage_extension (campaign_id, stage_code, region_code) where region_code is not null;
create unique index stage_extension_per_organization
    on stage_extension (campaign_id, stage_code, organization_id) where organization_id is not null;

-- The preliminary list and the sample: one row per organization a region proposed.
-- Other features read it (published rows only) to know who takes part in a campaign.
create table sample_entry (
    campaign_id      bigint      not null references campaign (id) on delete cascade,
    organization_id  bigint      not null references organization (id),
    region_code      text        not null references region (code),
    status           text        not null default 'PROPOSED'
                         check (status in ('PROPOSED', 'SELECTED', 'WITHDRAWN')),
    participants     integer     not null check (participants between 0 and 100000),
    institution_type text        not null,
    settlement_type  text        not null check (settlement_type in ('CITY', 'TOWN', 'VILLAGE')),
    education_levels text[]      not null default '{}',
    subjects         text[]      not null default '{}',
    verified_at      timestamptz,
    verified_by      text,
    version          bigint      not null default 0,
    primary key (campaign_id, organization_id)
);

create index sample_entry_by_region on sample_entry (campaign_id, region_code, status);
create index sample_entry_by_organization on sample_entry (organization_id);

-- The sample is published region by region.
create table sample_publication (
    campaign_id  bigint      not null references campaign (id) on delete cascade,
    region_code  text        not null references region (code),
    published_at timestamptz not null,
    published_by text        not null,
    primary key (campaign_id, region_code)
);
