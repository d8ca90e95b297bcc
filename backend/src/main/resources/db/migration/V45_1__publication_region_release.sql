-- When a publication opened in each region of its audience (issue 23, "Change feed": publications
-- released). publications.PublicationPublished is written when a publication is scheduled, before
-- its audience may know of it; PublicationReleaseWorker appends publications.PublicationReleased
-- for a region once its release time has come there, and records it here in the same transaction,
-- so that each region's release is announced exactly once, whichever instance sees it first.
create table publication_region_release (
    publication_id bigint      not null references publication (id) on delete cascade,
    region_code    text        not null references region (code),
    released_at    timestamptz not null,
    announced_at   timestamptz not null,
    primary key (publication_id, region_code)
);

-- What was released before the announcements existed is not announced late.
insert into publication_region_release (publication_id, region_code, released_at, announced_at)
select p.id, cr.region_code, p.release_at, now()
from publication p
join campaign_region cr on cr.campaign_id = p.campaign_id
where p.status = 'PUBLISHED' and p.release_at <= now()
  and (cardinality(p.audience_regions) = 0 or cr.region_code = any (p.audience_regions));
