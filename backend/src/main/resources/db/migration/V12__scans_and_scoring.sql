-- The scan collector (коллектор) and expert scoring.

-- What a subject's answer sheets look like and how experts score them.
create table scan_scheme (
    campaign_id             bigint      not null references campaign (id) on delete cascade,
    subject_key             text        not null,
    pages                   int         not null check (pages between 1 and 50),
    -- [{code, title, maxScore, page}], small and always read whole
    criteria                jsonb       not null default '[]',
    second_scoring_percent  int         not null default 0 check (second_scoring_percent between 0 and 100),
    discrepancy_threshold   int         not null default 2 check (discrepancy_threshold >= 0),
    updated_at              timestamptz not null,
    updated_by              text        not null,
    primary key (campaign_id, subject_key)
);

-- Organizations of a region allowed to upload their own scans (remote territories).
create table local_scanning (
    campaign_id      bigint not null references campaign (id) on delete cascade,
    organization_id  bigint not null references organization (id),
    region_code      text   not null,
    primary key (campaign_id, organization_id)
);

-- One upload: a single file or a zip, for one organization and subject. Its bytes arrive in
-- chunks, each stored as its own blob, so an upload survives a broken connection, a restart,
-- and a chunk landing on another instance.
create table scan_batch (
    id               bigint generated always as identity primary key,
    campaign_id      bigint      not null references campaign (id) on delete cascade,
    subject_key      text        not null,
    organization_id  bigint      not null references organization (id),
    region_code      text        not null,
    file_name        text        not null,
    size             bigint      not null check (size > 0),
    sha256           text,
    received_bytes   bigint      not null default 0,
    status           text        not null default 'RECEIVING'
                         check (status in ('RECEIVING', 'DONE', 'REJECTED', 'CANCELLED')),
    problem          text,
    uploaded_by      text        not null,
    created_at       timestamptz not null,
    completed_at     timestamptz
);
create index scan_batch_by_scope on scan_batch (campaign_id, region_code, organization_id, id desc);

create table scan_chunk (
    batch_id     bigint not null references scan_batch (id) on delete cascade,
    byte_offset  bigint not null,
    size         bigint not null check (size > 0),
    blob_key     text   not null,
    primary key (batch_id, byte_offset)
);

-- One page of one work, as uploaded. A corrected file is a new row that replaces the old one
-- once accepted (the old one becomes REPLACED and stays, as history).
create table scan_sheet (
    id               bigint generated always as identity primary key,
    batch_id         bigint      not null references scan_batch (id) on delete cascade,
    campaign_id      bigint      not null,
    subject_key      text        not null,
    organization_id  bigint      not null,
    region_code      text        not null,
    file_name        text        not null,
    content_type     text        not null,
    blob_key         text        not null,
    size             bigint      not null,
    kit_number       bigint,
    page             int,
    status           text        not null default 'UPLOADED'
                         check (status in ('UPLOADED', 'PROCESSING', 'ACCEPTED', 'ERROR', 'REPLACED',
                                           'ASSIGNED', 'SCORED', 'VERIFIED')),
    error_code       text,
    error_message    text,
    width            int,
    height           int,
    dpi              int,
    thumbnail_key    text,
    replaces_id      bigint references scan_sheet (id),
    uploaded_at      timestamptz not null,
    updated_at       timestamptz not null
);
create index scan_sheet_by_batch on scan_sheet (batch_id);
create index scan_sheet_by_work on scan_sheet (campaign_id, subject_key, kit_number, page);
create index scan_sheet_by_scope on scan_sheet (campaign_id, region_code, organization_id, status);

-- Short-lived one-time tickets that open a live-status WebSocket; only a hash is kept.
create table live_ticket (
    ticket_hash      text        primary key,
    login            text        not null,
    role             text        not null,
    region_code      text,
    municipality_id  bigint,
    organization_id  bigint,
    display_name     text        not null,
    expires_at       timestamptz not null,
    used_at          timestamptz
);

-- Experts of a campaign: the account (role EXPERT) and what they score.
create table expert (
    campaign_id      bigint      not null references campaign (id) on delete cascade,
    login            text        not null references account (login),
    region_code      text        not null,
    organization_id  bigint      not null references organization (id),
    subjects         text[]      not null,
    created_at       timestamptz not null,
    primary key (campaign_id, login)
);

-- One expert's scoring of one work (round 1, the optional round 2, round 3 after a discrepancy).
create table scoring_task (
    id               bigint generated always as identity primary key,
    campaign_id      bigint      not null references campaign (id) on delete cascade,
    subject_key      text        not null,
    kit_number       bigint      not null,
    organization_id  bigint      not null,
    region_code      text        not null,
    round            int         not null check (round between 1 and 3),
    expert_login     text        not null,
    -- [{code, score}]
    scores           jsonb,
    total            int,
    assigned_at      timestamptz not null,
    scored_at        timestamptz,
    unique (campaign_id, subject_key, kit_number, round)
);
create index scoring_task_by_expert on scoring_task (expert_login, scored_at nulls first, id);
create index scoring_task_by_scope on scoring_task (campaign_id, region_code, organization_id);

-- What the experts decided about a work, once decided: FINAL with the scores that stand, or
-- DISCREPANCY while it waits for a third expert. No row: the work is still being scored.
create table scoring_outcome (
    campaign_id      bigint      not null references campaign (id) on delete cascade,
    subject_key      text        not null,
    kit_number       bigint      not null,
    status           text        not null check (status in ('DISCREPANCY', 'FINAL')),
    -- [{code, score}], FINAL only
    scores           jsonb,
    total            int,
    decided_at       timestamptz not null,
    primary key (campaign_id, subject_key, kit_number)
);

-- When a batch's latest chunk was counted: a batch with all its bytes but still RECEIVING long
-- after that was interrupted while being unpacked (a restart), and is completed again.
alter table scan_batch add column last_chunk_at timestamptz;
