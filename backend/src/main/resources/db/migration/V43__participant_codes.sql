-- The ВПР codes protocol (seed 004, 6.13.2; issue 20): participant codes of a school per subject
-- (a subject is taken in one class), unique in the campaign. Numbered per campaign; the code is
-- the number written with seven digits. Names never come here: they stay in the school's browser.
create table participant_code (
    campaign_id     bigint      not null references campaign (id) on delete cascade,
    number          integer     not null check (number between 1 and 8999999),
    code            text        not null,
    organization_id bigint      not null references organization (id),
    subject_key     text        not null,
    issued_by       text        not null,
    issued_at       timestamptz not null,
    primary key (campaign_id, number),
    unique (campaign_id, code)
);

create index participant_code_of_school
    on participant_code (campaign_id, organization_id, subject_key, code);
