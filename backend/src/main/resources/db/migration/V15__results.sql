-- Results and statistical reports (issue 17), owned by the results feature. Fed by the forms'
-- FormSubmitted / FormReopened events; reports read the tallies, kept up to date on every write.

-- Element-wise sum of two integer arrays (a shorter one counts as zeros): how a unit's tally
-- takes the change of one organization's.
create function results_add(a integer[], b integer[]) returns integer[]
    language sql immutable parallel safe as
$$
select coalesce(array_agg(coalesce(x, 0) + coalesce(y, 0) order by n), '{}')
from unnest(a, b) with ordinality as t(x, y, n)
$$;

-- Per campaign subject: the lowest primary scores of the отметки 3, 4 and 5 (the task maxima are
-- the campaign subject's tasks).
create table result_grade_scale (
    campaign_id bigint      not null references campaign (id) on delete cascade,
    subject_key text        not null,
    boundaries  integer[]   not null check (cardinality(boundaries) = 3),
    updated_at  timestamptz not null,
    updated_by  text        not null,
    primary key (campaign_id, subject_key)
);

-- The REPORTS stage, per region: organizations and municipalities see their reports once released.
create table result_release (
    campaign_id bigint      not null references campaign (id) on delete cascade,
    region_code text        not null references region (code),
    released_at timestamptz not null,
    released_by text        not null,
    primary key (campaign_id, region_code)
);

-- Which submitted version of an organization's protocol the results hold: the latest applied
-- version number, and whether it stands (a reopened protocol is withdrawn until submitted again).
-- An event of a number not above the applied one changes nothing: replays are idempotent.
create table result_protocol (
    campaign_id     bigint      not null,
    subject_key     text        not null,
    organization_id bigint      not null references organization (id),
    region_code     text        not null,
    municipality_id bigint,
    form_id         bigint      not null,
    response_id     bigint      not null,
    number          integer     not null,
    active          boolean     not null,
    updated_at      timestamptz not null,
    primary key (campaign_id, subject_key, organization_id)
);

-- One row per participant code: its task scores (one array: 15 tasks of a million participants
-- are 15 million scores in a million rows), total, grade by the scale and the journal grade.
create table result_participant (
    campaign_id     bigint     not null,
    subject_key     text       not null,
    organization_id bigint     not null,
    code            text       not null,
    class_letter    text,
    variant         smallint,
    scores          smallint[] not null,
    total           integer    not null,
    grade           smallint,
    journal_grade   smallint,
    primary key (campaign_id, subject_key, organization_id, code)
);

-- The reports' figures per unit: one row per organization, municipality, region and the country
-- (unit '' ), maintained on every write (an organization's row replaced, the units above it moved
-- by the difference), so a report at any level reads a handful of rows.
create table result_tally (
    campaign_id        bigint           not null,
    subject_key        text             not null,
    level              text             not null
        check (level in ('COUNTRY', 'REGION', 'MUNICIPALITY', 'ORGANIZATION')),
    unit               text             not null,
    region_code        text,
    municipality_id    bigint,
    organization_id    bigint,
    participants       integer          not null default 0,
    score_sum          bigint           not null default 0,
    score_sq_sum       bigint           not null default 0,
    -- participants with the отметки 2, 3, 4, 5
    grades             integer[]        not null default '{0,0,0,0}',
    -- participants per primary score 0…max
    histogram          integer[]        not null default '{}',
    -- per task, the sum of scores; then the same per grade group 2..5 (4 × tasks)
    task_sums          integer[]        not null default '{}',
    grade_task_sums    integer[]        not null default '{}',
    -- with a journal grade: lowered, confirmed, raised
    journal            integer[]        not null default '{0,0,0}',
    -- organization rows: the largest group of identical task-score vectors and how many
    -- participants are in groups of three or more
    identical_max      integer          not null default 0,
    identical_count    integer          not null default 0,
    -- aggregate rows: organizations with participants, and the sums of their mean scores and
    -- squared means (the spread of schools' means, for the high-results test)
    schools            integer          not null default 0,
    school_mean_sum    double precision not null default 0,
    school_mean_sq_sum double precision not null default 0,
    primary key (campaign_id, subject_key, level, unit)
);

create index result_tally_by_region on result_tally (campaign_id, subject_key, level, region_code);
create index result_tally_by_organization on result_tally (organization_id, subject_key)
    where level = 'ORGANIZATION';

-- Who opened their statistical reports (monitoring, seed 000).
create table result_opening (
    campaign_id     bigint      not null,
    organization_id bigint      not null references organization (id),
    region_code     text        not null,
    first_opened_at timestamptz not null,
    last_opened_at  timestamptz not null,
    opens           integer     not null,
    primary key (campaign_id, organization_id)
);

