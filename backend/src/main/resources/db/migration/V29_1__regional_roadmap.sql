-- Regional roadmaps (issue 19; seed 003 11.1/11.3/11.4/12: the roadmap approved by the regional
-- ministry sets the region's own deadlines). Each item is a deadline the region sets for its
-- municipal and responsible coordinators inside one federal stage's window. Owned by
-- org.oko.roadmaps.
create table regional_roadmap_item (
    id          bigint generated always as identity primary key,
    campaign_id bigint      not null references campaign (id) on delete cascade,
    region_code text        not null references region (code),
    stage       text        not null,
    title       text        not null check (length(title) between 1 and 200),
    due_at      timestamptz not null,
    position    integer     not null,
    set_by      text        not null,
    set_at      timestamptz not null,
    unique (campaign_id, region_code, position)
);
create index regional_roadmap_by_region on regional_roadmap_item (campaign_id, region_code, due_at);
