-- Issue 18: the acts' and the archives' deadlines (seed 003 11.2–11.3, "в сроки, указанные в
-- дорожной карте") and the region's hand-over of violations to the federal organizer (seed 000).
-- A filing after its deadline is accepted but marked late; the deadline it was judged by is kept
-- with it (an extension granted later does not rewrite history).

alter table observer_act
    add column deadline timestamptz,
    add column late     boolean not null default false;

alter table observer_archive_handover
    add column deadline timestamptz,
    add column late     boolean not null default false;

-- One row per campaign and region: «передать сведения о нарушениях» to the federal organizer. Handing over
-- again (corrected information) replaces it; the summary is what the region passed at that moment.
create table observer_violation_handover (
    campaign_id    bigint      not null,
    region_code    text        not null references region (code),
    acts           int         not null,
    points         int         not null,
    municipalities int         not null,
    units_passed   int         not null,
    handed_at      timestamptz not null,
    handed_by      text        not null,
    deadline       timestamptz,
    late           boolean     not null,
    primary key (campaign_id, region_code)
);
