-- Issue 20: a stage whose window differs per region, set by the federal organizer (ВПР test
-- days and the materials' release run at each region's local hours: seed 004, 6.x; seed 003,
-- 8.2–8.5). The organizer types wall-clock times of the region (kept as typed, `opens_local`,
-- `closes_local`); the instants are those times in the region's zone when they were set. The
-- region's window replaces the schedule's for it; extensions still move its close.
create table stage_region_window (
    campaign_id  bigint      not null references campaign (id) on delete cascade,
    stage_code   text        not null,
    region_code  text        not null references region (code),
    opens_local  timestamp   not null,
    closes_local timestamp   not null,
    time_zone    text        not null,
    opens_at     timestamptz not null,
    closes_at    timestamptz not null,
    set_by       text        not null,
    set_at       timestamptz not null,
    primary key (campaign_id, stage_code, region_code),
    check (opens_at < closes_at)
);
