-- Issue 17 / seed 003 11.4 and 12–14: the responsible coordinator fills a municipal form
-- («Анализ объективности») for its region's organizations without a municipality. That response
-- belongs to the region's part: neither an organization nor a municipality, keyed by the region.
alter table form_response drop constraint form_response_check;
alter table form_response
    add constraint form_response_one_respondent
        check (organization_id is null or municipality_id is null);

create unique index form_response_per_region_part
    on form_response (form_id, region_code)
    where organization_id is null and municipality_id is null;
