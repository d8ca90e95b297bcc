-- Observers (issue 18): public observers proposed by organizations and independent ones
-- appointed by the region; their assignments to points and days, presence, notes and acts.

create table observer (
    id                        bigint generated always as identity primary key,
    campaign_id               bigint      not null,
    kind                      text        not null check (kind in ('PUBLIC', 'INDEPENDENT')),
    status                    text        not null check (status in ('PROPOSED', 'ACCEPTED', 'REJECTED')),
    full_name                 text        not null,
    phone                     text,
    email                     text,
    workplace                 text        not null,
    -- the organization where an independent observer works: never sent there
    workplace_organization_id bigint references organization (id),
    -- the organization that proposed a public observer (its scope); null for independent ones
    organization_id           bigint references organization (id),
    region_code               text        not null references region (code),
    login                     text unique,
    rejection_reason          text,
    created_by                text        not null,
    created_at                timestamptz not null,
    decided_at                timestamptz,
    check ((kind = 'PUBLIC') = (organization_id is not null))
);

create index observer_by_campaign on observer (campaign_id, region_code, organization_id, id);

create table observer_assignment (
    id              bigint generated always as identity primary key,
    observer_id     bigint      not null references observer (id),
    campaign_id     bigint      not null,
    organization_id bigint      not null references organization (id),
    region_code     text        not null references region (code),
    day             date        not null,
    activity        text        not null check (activity in ('CONDUCT', 'CHECKING')),
    assigned_by     text        not null,
    assigned_at     timestamptz not null,
    present_at      timestamptz,
    -- one place a day: the backstop of the service's check
    unique (observer_id, day)
);

create index observer_assignment_by_point on observer_assignment (campaign_id, region_code, organization_id, day);

create table observer_note (
    id            bigint generated always as identity primary key,
    assignment_id bigint      not null references observer_assignment (id),
    occurred_at   timestamptz,
    room          text,
    what          text        not null,
    text          text        not null,
    created_at    timestamptz not null
);

create index observer_note_by_assignment on observer_note (assignment_id, id);

create table observer_act (
    id               bigint generated always as identity primary key,
    assignment_id    bigint      not null unique references observer_assignment (id),
    campaign_id      bigint      not null,
    organization_id  bigint      not null references organization (id),
    region_code      text        not null references region (code),
    violations_found boolean     not null,
    violations       text,
    remarks          text,
    submitted_at     timestamptz not null,
    reviewed_at      timestamptz,
    reviewed_by      text,
    with_violations  boolean,
    review_comment   text
);

create index observer_act_by_point on observer_act (campaign_id, region_code, organization_id);

-- Photos of notes and the scan of an act: a blob each.
create table observer_file (
    id            bigint generated always as identity primary key,
    assignment_id bigint      not null references observer_assignment (id),
    note_id       bigint references observer_note (id),
    act_id        bigint references observer_act (id),
    blob_key      text        not null,
    file_name     text        not null,
    content_type  text        not null,
    size          bigint      not null,
    sha256        text        not null,
    uploaded_at   timestamptz not null,
    check ((note_id is null) <> (act_id is null))
);

create index observer_file_by_note on observer_file (note_id) where note_id is not null;
create unique index observer_file_one_scan on observer_file (act_id) where act_id is not null;
