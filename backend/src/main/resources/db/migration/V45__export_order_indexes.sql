-- The machine exports' order (issue 23, "Bulk exports of any size"): NDJSON is read page by page
-- in key order (platform.excel.KeysetRows), each page `where campaign = … and key > :after order
-- by key limit 1000`. These indexes let every page walk its order instead of sorting the
-- campaign's rows first, so the first line leaves at once however large the campaign is
-- (docs/benchmarks.md: 1.8 s to NDJSON's first byte at 200 000 questionnaires without it).
-- result_participant's primary key (campaign_id, subject_key, organization_id, code) already is
-- the results' order.
create index questionnaire_session_submitted on questionnaire_session (campaign_id, id)
    where status = 'SUBMITTED';
create index scan_sheet_by_campaign_id on scan_sheet (campaign_id, id);
