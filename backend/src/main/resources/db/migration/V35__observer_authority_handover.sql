-- Issue 18, seed 000 («Собирает и передает ОИВ и Федеральному организатору служебные записки о
-- нарушениях»): the regional coordinator's hand-over of the observers' violations to the region's
-- education authority (ОИВ) is its own record, kept apart from the one to the federal organizer
-- (observer_violation_handover): the authority has no account here, so the coordinator records to
-- whom (the authority's name) and by which letter it went, and the register of acts it carried.
-- Passing again (corrected information) replaces it; after the deadline it is accepted but late.
create table observer_authority_handover (
    campaign_id    bigint      not null,
    region_code    text        not null references region (code),
    authority      text        not null,
    reference      text,
    acts           int         not null,
    points         int         not null,
    municipalities int         not null,
    handed_at      timestamptz not null,
    handed_by      text        not null,
    deadline       timestamptz,
    late           boolean     not null,
    primary key (campaign_id, region_code)
);
