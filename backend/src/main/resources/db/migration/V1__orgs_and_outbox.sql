-- The organization hierarchy: region → municipality → organization.

create table region (
    code      text primary key check (code ~ '^[0-9]{2}$'),
    name      text not null,
    time_zone text not null
);

create table municipality (
    id          bigint generated always as identity primary key,
    region_code text   not null references region (code),
    name        text   not null,
    unique (region_code, name)
);

create table organization (
    id               bigint generated always as identity primary key,
    login            text   not null unique check (login ~ '^[a-z]{2,4}[0-9]{4,8}$'),
    name             text   not null,
    kind             text   not null check (kind in ('SCHOOL', 'COLLEGE', 'ASSESSMENT_POINT', 'SCANNING_CENTRE')),
    region_code      text   not null references region (code),
    -- null for state, federal and private organizations under the regional authority
    municipality_id  bigint references municipality (id),
    settlement_type  text   not null check (settlement_type in ('CITY', 'TOWN', 'VILLAGE')),
    education_levels text[] not null default '{}',
    address          text   not null default '',
    registered_at    timestamptz not null default now()
);

create index organization_by_place on organization (region_code, municipality_id, login);
create index organization_by_kind on organization (kind, login);

-- Transactional outbox: a state change and its event commit together; the relay publishes
-- unpublished rows to Kafka in id order and marks them, so nothing acknowledged is lost.
create table outbox (
    id           bigint generated always as identity primary key,
    topic        text        not null,
    event_key    text        not null,
    payload      jsonb       not null,
    occurred_at  timestamptz not null default now(),
    published_at timestamptz
);

create index outbox_unpublished on outbox (id) where published_at is null;
