-- Data collection (Сбор данных): forms defined per campaign, filled by organizations or
-- municipalities in the browser or as an .xlsx template, submitted and reopened.

-- The current definition of a form. Its schema (sheets, columns, rules) is small and always
-- read whole, so it is one jsonb document; every published version is kept in form_definition_version.
create table form_definition (
    id                 bigint generated always as identity primary key,
    campaign_id        bigint      not null references campaign (id) on delete cascade,
    code               text        not null check (code ~ '^[a-z][a-z0-9-]{1,40}$'),
    title              text        not null,
    instruction        text        not null default '',
    stage_code         text        not null,
    respondent         text        not null check (respondent in ('ORGANIZATION', 'MUNICIPALITY')),
    organization_kinds text[]      not null default '{}',
    subject_key        text,
    schema             jsonb       not null,
    version            bigint      not null default 1,
    updated_at         timestamptz not null,
    updated_by         text        not null,
    unique (campaign_id, code)
);

create table form_definition_version (
    form_id     bigint      not null references form_definition (id) on delete cascade,
    version     bigint      not null,
    schema      jsonb       not null,
    created_at  timestamptz not null,
    created_by  text        not null,
    primary key (form_id, version)
);

-- Rows pre-filled per organization for a sheet (prefill STORED), e.g. the kit numbers of a point.
create table form_prefill (
    form_id         bigint not null references form_definition (id) on delete cascade,
    sheet_key       text   not null,
    organization_id bigint not null references organization (id),
    rows            jsonb  not null,
    primary key (form_id, sheet_key, organization_id)
);

-- One respondent's response: the current content (a draft, or what was submitted last).
-- Exactly one of organization_id and municipality_id is set, as the form's respondent says.
create table form_response (
    id                 bigint generated always as identity primary key,
    form_id            bigint      not null references form_definition (id) on delete cascade,
    organization_id    bigint references organization (id),
    municipality_id    bigint references municipality (id),
    -- copied from the respondent so that monitoring filters by region without a join
    region_code        text        not null references region (code),
    status             text        not null check (status in ('DRAFT', 'SUBMITTED')),
    -- sheet key -> [row: column key -> value as typed]
    content            jsonb       not null,
    -- how many problems the content had when saved (0 is required to submit)
    problem_count      integer     not null default 0,
    definition_version bigint      not null,
    version            bigint      not null default 1,
    updated_at         timestamptz not null,
    updated_by         text        not null,
    submitted_at       timestamptz,
    submitted_by       text,
    submissions        integer     not null default 0,
    check ((organization_id is null) <> (municipality_id is null))
);

create unique index form_response_per_organization
    on form_response (form_id, organization_id) where organization_id is not null;
create unique index form_response_per_municipality
    on form_response (form_id, municipality_id) where municipality_id is not null;
create index form_response_by_region on form_response (form_id, region_code, status);

-- Every submitted version, frozen ("Сдать отчёт"), for comparison and audit.
create table form_response_version (
    response_id        bigint      not null references form_response (id) on delete cascade,
    number             integer     not null,
    content            jsonb       not null,
    row_count          integer     not null,
    definition_version bigint      not null,
    submitted_at       timestamptz not null,
    submitted_by       text        not null,
    primary key (response_id, number)
);

-- Idempotency keys of submissions by regional systems: a retry returns the first result.
create table form_submission_key (
    client_id     text        not null,
    idem_key      text        not null,
    form_id       bigint      not null references form_definition (id) on delete cascade,
    request_hash  text        not null,
    response_id   bigint      not null references form_response (id) on delete cascade,
    version       bigint      not null,
    created_at    timestamptz not null,
    primary key (client_id, idem_key)
);
