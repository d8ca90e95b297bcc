-- Observers (issue 18, seed 004 9.1): a school's results protocol is entered in the presence of a
-- public observer. One row per results protocol form and organization: whether (and when) the
-- protocol was submitted, fed by forms' FormSubmitted / FormReopened events, and which observer's
-- assignment was present, recorded by the school or confirmed by the observer. Either side may come
-- first, so both are nullable.

create table observer_protocol (
    form_id         bigint      not null,
    organization_id bigint      not null references organization (id),
    campaign_id     bigint      not null,
    region_code     text        not null references region (code),
    form_title      text        not null,
    -- the latest version applied (an older event redelivered changes nothing)
    version         int         not null default 0,
    submitted_at    timestamptz,
    assignment_id   bigint references observer_assignment (id),
    witnessed_at    timestamptz,
    witnessed_by    text,
    witnessed_as    text check (witnessed_as in ('ORGANIZATION', 'OBSERVER')),
    primary key (form_id, organization_id),
    check ((assignment_id is null) = (witnessed_at is null))
);

create index observer_protocol_by_campaign on observer_protocol (campaign_id, region_code, organization_id);
create index observer_protocol_by_assignment on observer_protocol (assignment_id) where assignment_id is not null;

-- Seed 003 11.2–11.3: the municipal (or responsible) coordinator passes the archive of acts with
-- violations to РЦОКО. One row per campaign and coordinating unit: a municipality ('m' || id) or a
-- responsible coordinator's set of organizations (their login). Handing over again replaces it.
create table observer_archive_handover (
    campaign_id     bigint      not null,
    unit_key        text        not null,
    region_code     text        not null references region (code),
    municipality_id bigint references municipality (id),
    acts            int         not null,
    handed_at       timestamptz not null,
    handed_by       text        not null,
    primary key (campaign_id, unit_key)
);

create index observer_archive_handover_by_region on observer_archive_handover (campaign_id, region_code);
