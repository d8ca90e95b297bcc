-- Experts in agreement with the federal organizer (issue 19; seed 000_c9abf0b417e3d9bf.txt: the
-- region controls the appointment of experts «по согласованию с федеральным организатором»).
-- A region proposes an expert; the federal organizer approves or rejects (with a reason); only an
-- approved expert is given works. Experts registered before this (and the demo's) stay approved, as
-- does every expert the federal organizer registers itself. Owned by org.oko.scoring.
alter table expert
    add column approval        text not null default 'APPROVED'
        check (approval in ('PROPOSED', 'APPROVED', 'REJECTED')),
    add column decided_by      text,
    add column decided_at      timestamptz,
    add column decision_reason text check (length(decision_reason) <= 500);

create index expert_proposed on expert (campaign_id, region_code) where approval = 'PROPOSED';
