-- ОМК results (issue 17): the final expert scores of the scoring feature's WorkScored events
-- become results rows (the participant code is the work's kit number).

-- Which decision of a work the results hold: an event not later than the one applied changes
-- nothing, so redelivery and a replay of every event give the same results; a later one (a
-- re-scoring) replaces the participant's row.
create table result_work (
    campaign_id     bigint      not null,
    subject_key     text        not null,
    kit_number      bigint      not null,
    organization_id bigint      not null references organization (id),
    decided_at      timestamptz not null,
    primary key (campaign_id, subject_key, kit_number)
);

-- The scheme's criteria as the scoring events carried them (code and maximum, in order): the
-- tasks of a campaign subject that has none of its own (ОМК subjects are scored by criteria).
create table result_criteria (
    campaign_id bigint  not null,
    subject_key text    not null,
    codes       text[]  not null,
    maxima      integer[] not null,
    primary key (campaign_id, subject_key)
);
