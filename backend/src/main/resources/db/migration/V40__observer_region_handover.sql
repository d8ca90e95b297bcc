-- Issue 16 (D4/D6) for issue 18: a region's hand-over of its observers' violations (seed 000,
-- «Собирает и передает ОИВ и Федеральному организатору служебные записки о нарушениях») is one
-- record with a kind: FEDERAL (to the federal organizer, V28's observer_violation_handover) or
-- AUTHORITY (to the region's education authority, ОИВ, V35's observer_authority_handover). Their
-- rows move here unchanged; the authority's name and letter are set only for AUTHORITY, the number
-- of archives received from the municipalities is kept for both (null for the authority's rows
-- that moved, which never recorded it).
create table observer_region_handover (
    campaign_id    bigint      not null,
    region_code    text        not null references region (code),
    kind           text        not null check (kind in ('FEDERAL', 'AUTHORITY')),
    authority      text,
    reference      text,
    acts           int         not null,
    points         int         not null,
    municipalities int         not null,
    units_passed   int,
    handed_at      timestamptz not null,
    handed_by      text        not null,
    deadline       timestamptz,
    late           boolean     not null,
    primary key (campaign_id, region_code, kind),
    check (kind = 'FEDERAL' or authority is not null)
);

insert into observer_region_handover (campaign_id, region_code, kind, acts, points,
    municipalities, units_passed, handed_at, handed_by, deadline, late)
select campaign_id, region_code, 'FEDERAL', acts, points, municipalities, units_passed,
       handed_at, handed_by, deadline, late
from observer_violation_handover;

insert into observer_region_handover (campaign_id, region_code, kind, authority, reference, acts,
    points, municipalities, handed_at, handed_by, deadline, late)
select campaign_id, region_code, 'AUTHORITY', authority, reference, acts, points, municipalities,
       handed_at, handed_by, deadline, late
from observer_authority_handover;

drop table observer_violation_handover;
drop table observer_authority_handover;
