-- Questionnaires (анкетирование) of ОМК participants, and the kit credentials they sign in with.

-- Kits are assigned per participant category (учителя, методисты): protocol 1 and the
-- questionnaire differ between them.
alter table kit_range
    add column category text not null default 'TEACHER' check (category in ('TEACHER', 'METHODIST'));

-- One questionnaire credential per kit, made when the kit is assigned. The password is kept as
-- typed because the point prints it again and again (protocol 1); five digits are guarded by
-- the sign-in lock-out, not by a hash, which would be searched through in milliseconds anyway.
-- Only the range is a foreign key (deleting it deletes its credentials; a campaign's deletion
-- reaches them through its ranges): campaign, organization and region are copied from the range,
-- and a key check per row on each would make assigning 100 000 kits several times slower.
create table kit_credential (
    login           text        primary key check (login ~ '^[a-z]{4}[0-9]{2}[0-9]{1,9}$'),
    range_id        bigint      not null references kit_range (id) on delete cascade,
    campaign_id     bigint      not null,
    subject_key     text        not null,
    category        text        not null,
    kit_number      bigint      not null,
    organization_id bigint      not null,
    region_code     text        not null,
    password        text        not null check (password ~ '^[0-9]{5}$'),
    unique (campaign_id, subject_key, kit_number)
);
-- A point's kits, and no two of them share a password for a subject (the backstop for
-- concurrent assignments).
create unique index kit_credential_password_per_point
    on kit_credential (campaign_id, organization_id, subject_key, password);

-- The current definition per campaign and category; every published version is kept.
create table questionnaire_definition (
    id           bigint generated always as identity primary key,
    campaign_id  bigint      not null references campaign (id) on delete cascade,
    category     text        not null check (category in ('TEACHER', 'METHODIST')),
    title        text        not null,
    content      jsonb       not null,
    version      bigint      not null default 1,
    updated_at   timestamptz not null,
    updated_by   text        not null,
    unique (campaign_id, category)
);

create table questionnaire_definition_version (
    questionnaire_id bigint      not null references questionnaire_definition (id) on delete cascade,
    version          bigint      not null,
    title            text        not null,
    content          jsonb       not null,
    created_at       timestamptz not null,
    created_by       text        not null,
    primary key (questionnaire_id, version)
);

-- A participant's session: one per credential login, answered on the definition version it
-- started with. Answers are merged question by question as they are saved.
create table questionnaire_session (
    id                 uuid        primary key,
    -- no cascade: a kit range whose participants started answering cannot be taken back
    login              text        not null unique references kit_credential (login),
    questionnaire_id   bigint      not null references questionnaire_definition (id),
    definition_version bigint      not null,
    -- copied from the credential so that monitoring counts without joins
    campaign_id        bigint      not null,
    subject_key        text        not null,
    organization_id    bigint      not null,
    region_code        text        not null,
    status             text        not null check (status in ('STARTED', 'SUBMITTED')),
    answers            jsonb       not null default '{}',
    revision           bigint      not null default 0,
    started_at         timestamptz not null,
    updated_at         timestamptz not null,
    submitted_at       timestamptz,
    -- the Idempotency-Key of the submission that succeeded, so that its retry is answered as one
    submit_key         text
);
create index questionnaire_session_by_point on questionnaire_session (campaign_id, organization_id, status);
