-- Staff registers per campaign (issue 19; seed 000_c9abf0b417e3d9bf.txt): the responsible
-- organizers, classroom organizers and technical specialists of each organization of the
-- published sample, with names and contacts (no login), and the region's list of responsible
-- organizers as it sent it to the federal organizer. Owned by accounts.
create table staff_member (
    id              bigserial primary key,
    campaign_id     bigint not null references campaign (id) on delete cascade,
    organization_id bigint not null references organization (id),
    region_code     text   not null,
    duty            text   not null
        check (duty in ('RESPONSIBLE_ORGANIZER', 'CLASSROOM_ORGANIZER', 'TECHNICAL_SPECIALIST')),
    full_name       text   not null check (length(full_name) between 1 and 200),
    phone           text,
    email           text,
    updated_by      text   not null,
    updated_at      timestamptz not null default now()
);

create index staff_member_campaign_organization on staff_member (campaign_id, organization_id);

create table staff_register_submission (
    campaign_id   bigint      not null references campaign (id) on delete cascade,
    region_code   text        not null,
    submitted_at  timestamptz not null,
    submitted_by  text        not null,
    organizations integer     not null,
    primary key (campaign_id, region_code)
);

-- The list frozen as sent, one line per responsible organizer.
create table staff_register_submitted_line (
    campaign_id        bigint  not null,
    region_code        text    not null,
    line_no            integer not null,
    organization_login text    not null,
    organization_name  text    not null,
    municipality_name  text,
    full_name          text    not null,
    phone              text,
    email              text,
    primary key (campaign_id, region_code, line_no),
    foreign key (campaign_id, region_code)
        references staff_register_submission (campaign_id, region_code) on delete cascade
);
