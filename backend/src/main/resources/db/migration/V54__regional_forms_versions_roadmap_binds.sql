-- Issue 19 (seed 003 11.4/12): a region defines its own forms — the objectivity analysis approved
-- by the regional ministry, filled by its municipal and responsible coordinators — with the same
-- engine as the federal organizer's. A form records the region that owns it (null: the federal
-- organizer's); only that region's respondents fill it, only its coordinator changes it.
alter table form_definition add column region_code text references region (code);

-- A form's code is unique among its owner's forms in the campaign: two regions may both call
-- theirs «analiz-obektivnosti», and a region does not learn another's codes from a 409.
alter table form_definition drop constraint form_definition_campaign_id_code_key;
create unique index form_definition_code_per_owner
    on form_definition (campaign_id, coalesce(region_code, ''), code);

-- Issue 19, «versions kept»: the designer lists a form's earlier versions — who published each
-- (the name as it was then), when, and what changed — and opens one read-only. A version now
-- keeps its title and instruction too (null for versions published before: the current ones).
alter table form_definition_version
    add column title           text,
    add column instruction     text,
    add column created_by_name text;

-- Issue 19 (seed 003 11–12): a regional roadmap's deadline names whom it binds — municipal or
-- responsible coordinators, organizations, the scanning centre, experts, observers (role names);
-- empty: everyone in the region, as every deadline set before did.
alter table regional_roadmap_item add column binds text[] not null default '{}';
