-- Publications: what the federal organizer (or a region) sends to an audience of a campaign,
-- with files, an optional release time, read marks and a log of every download.

create table publication (
    id                 bigint generated always as identity primary key,
    campaign_id        bigint      not null references campaign (id) on delete cascade,
    title              text        not null,
    body               text        not null,
    -- The audience: roles × regions (empty = every region of the campaign), organizations
    -- limited to the campaign's published sample when sample_only.
    audience_roles     text[]      not null,
    audience_regions   text[]      not null default '{}',
    sample_only        boolean     not null default false,
    -- The kinds of organization the campaign is held in, fixed when the audience is set, so
    -- that audience checks stay one SQL predicate.
    organization_kinds text[]      not null,
    status             text        not null check (status in ('DRAFT', 'PUBLISHED')),
    -- Nothing of a published publication exists for its audience before this instant.
    release_at         timestamptz,
    author_login       text        not null,
    author_name        text,
    author_role        text        not null check (author_role in ('FEDERAL', 'REGIONAL')),
    author_region      text references region (code),
    version            bigint      not null default 0,
    created_at         timestamptz not null,
    check ((status = 'DRAFT') = (release_at is null)),
    check ((author_role = 'FEDERAL') = (author_region is null))
);

create index publication_by_campaign on publication (campaign_id, release_at);
create index publication_by_author_region on publication (author_region) where author_region is not null;
create index publication_released on publication (release_at desc) where status = 'PUBLISHED';

-- A file of a publication. A per-organization attachment has no blob of its own: each
-- organization's file is an attachment_file; size and organization_files are their totals.
create table attachment (
    id                 bigint generated always as identity primary key,
    publication_id     bigint      not null references publication (id) on delete cascade,
    kind               text        not null check (kind in ('INSTRUCTION', 'VARIANTS', 'CRITERIA',
                           'CODES_PROTOCOL', 'FORM_TEMPLATE', 'OTHER')),
    file_name          text        not null,
    per_organization   boolean     not null,
    blob_key           text,
    sha256             text,
    size               bigint      not null,
    organization_files integer     not null default 0,
    created_at         timestamptz not null,
    check (per_organization = (blob_key is null))
);

create index attachment_by_publication on attachment (publication_id, id);

create table attachment_file (
    attachment_id   bigint not null references attachment (id) on delete cascade,
    organization_id bigint not null references organization (id),
    file_name       text   not null,
    blob_key        text   not null,
    sha256          text   not null,
    size            bigint not null,
    primary key (attachment_id, organization_id)
);

create table publication_read (
    publication_id bigint      not null references publication (id) on delete cascade,
    login          text        not null,
    read_at        timestamptz not null,
    primary key (publication_id, login)
);

create index publication_read_by_login on publication_read (login, publication_id);

-- Every download. organization_id is set when an organization downloaded (what the downloads
-- report counts); coordinators' downloads are logged with it null.
create table attachment_download (
    id              bigint generated always as identity primary key,
    publication_id  bigint      not null references publication (id) on delete cascade,
    attachment_id   bigint      not null references attachment (id) on delete cascade,
    organization_id bigint references organization (id),
    login           text        not null,
    role            text        not null,
    downloaded_at   timestamptz not null
);

-- The downloads report groups one publication's downloads by organization.
create index attachment_download_report
    on attachment_download (publication_id, organization_id, downloaded_at)
    where organization_id is not null;
-- The "downloaded" flag of an organization's own attachments.
create index attachment_download_by_attachment
    on attachment_download (attachment_id, organization_id);
