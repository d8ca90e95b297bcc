-- Issue 20: the campaign as the seeds run it.
-- Stages may overlap where the procedure runs them side by side (seed 003 8.2–8.5, seed 000:
-- uploading and expert checking together); ScheduleRules keeps the real order instead of the
-- database refusing any overlap.
do $$
declare
    excl text;
begin
    select conname into excl from pg_constraint
     where conrelid = 'campaign_stage'::regclass and contype = 'x';
    if excl is not null then
        execute format('alter table campaign_stage drop constraint %I', excl);
    end if;
end $$;

-- The day an organization holds the test of a subject, a local date of its region chosen within
-- the federal conduct period (seed 004: the school picks its days in its application). The
-- conduct and results-protocol windows of the organization follow from them (StageGate).
create table organization_test_day (
    campaign_id     bigint      not null references campaign (id) on delete cascade,
    organization_id bigint      not null references organization (id),
    subject_key     text        not null,
    test_date       date        not null,
    chosen_by       text        not null,
    chosen_at       timestamptz not null,
    primary key (campaign_id, organization_id, subject_key)
);

create index organization_test_day_by_organization on organization_test_day (organization_id);

-- A release at each region's local time. When set, the publication opens in each
-- region of its audience at this wall-clock time in the region's zone (materials open in the
-- morning of the test day in every time zone); release_at then holds the earliest of those
-- moments (for ordering and for "scheduled"), and AudienceRule.RELEASED checks the reader's own.
alter table publication add column release_local timestamp;
