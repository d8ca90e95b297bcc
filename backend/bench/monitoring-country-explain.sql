-- EXPLAIN (ANALYZE, BUFFERS) of the monitoring calls' SQL on a loaded country (issue 24, part 3).
-- Start the benchmark with HOLD=1500, then, with the ids it prints:
--   psql -h localhost -p PORT -U postgres oko -v campaign=VPR -v form=FORM -v omk=OMK -v scans=SCANS \
--     -v point=POINT -v lastoffset=40000 -f backend/bench/monitoring-country-explain.sql
-- Sections 1-6 compare the SQL before session 7 (OLD) with today's (NEW).
\timing off
-- usage: psql -v campaign=.. -v form=.. -v omk=.. -v scans=.. -f explain.sql
\echo '=== forms monitoring, federal, first page'
explain (analyze, buffers, costs) with part as (
      select o.id, o.login, o.name, o.region_code, o.municipality_id, m.name as municipality,
             r.status, r.updated_at, r.submitted_at, coalesce(r.submissions, 0) as submissions,
             g.time_zone
      from (select e.campaign_id, e.organization_id, e.region_code, e.participants, e.subjects
       from sample_entry e
       join sample_publication sp on sp.campaign_id = e.campaign_id
                                 and sp.region_code = e.region_code
       where e.status = 'SELECTED') e
      join organization o on o.id = e.organization_id
      join region g on g.code = o.region_code
      left join municipality m on m.id = o.municipality_id
      left join form_response r on r.form_id = :form and r.organization_id = o.id
      where e.campaign_id = :campaign and o.kind = any('{SCHOOL}') and (true)),
      totals as (
        select count(*) filter (where status is null) as not_started,
               count(*) filter (where status = 'DRAFT') as draft,
               count(*) filter (where status = 'SUBMITTED') as submitted,
               count(*) as matching
        from part
      ),
      page as (
        select * from part
        order by municipality nulls last, login nulls first, municipality_id
        limit 50 offset 0
      )
      select t.not_started, t.draft, t.submitted, t.matching, page.*
      from totals t left join page on true
      order by page.municipality nulls last, page.login nulls first, page.municipality_id;
\echo '=== forms monitoring, federal, last page'
explain (analyze, buffers, costs) with part as (
      select o.id, o.login, o.name, o.region_code, o.municipality_id, m.name as municipality,
             r.status, r.updated_at, r.submitted_at, coalesce(r.submissions, 0) as submissions,
             g.time_zone
      from (select e.campaign_id, e.organization_id, e.region_code, e.participants, e.subjects
       from sample_entry e
       join sample_publication sp on sp.campaign_id = e.campaign_id
                                 and sp.region_code = e.region_code
       where e.status = 'SELECTED') e
      join organization o on o.id = e.organization_id
      join region g on g.code = o.region_code
      left join municipality m on m.id = o.municipality_id
      left join form_response r on r.form_id = :form and r.organization_id = o.id
      where e.campaign_id = :campaign and o.kind = any('{SCHOOL}') and (true)),
      totals as (
        select count(*) filter (where status is null) as not_started,
               count(*) filter (where status = 'DRAFT') as draft,
               count(*) filter (where status = 'SUBMITTED') as submitted,
               count(*) as matching
        from part
      ),
      page as (
        select * from part
        order by municipality nulls last, login nulls first, municipality_id
        limit 50 offset :lastoffset
      )
      select t.not_started, t.draft, t.submitted, t.matching, page.*
      from totals t left join page on true
      order by page.municipality nulls last, page.login nulls first, page.municipality_id;
\echo '=== forms monitoring, region 64, first page'
explain (analyze, buffers, costs) with part as (
      select o.id, o.login, o.name, o.region_code, o.municipality_id, m.name as municipality,
             r.status, r.updated_at, r.submitted_at, coalesce(r.submissions, 0) as submissions,
             g.time_zone
      from (select e.campaign_id, e.organization_id, e.region_code, e.participants, e.subjects
       from sample_entry e
       join sample_publication sp on sp.campaign_id = e.campaign_id
                                 and sp.region_code = e.region_code
       where e.status = 'SELECTED') e
      join organization o on o.id = e.organization_id
      join region g on g.code = o.region_code
      left join municipality m on m.id = o.municipality_id
      left join form_response r on r.form_id = :form and r.organization_id = o.id
      where e.campaign_id = :campaign and o.kind = any('{SCHOOL}') and (o.region_code = '64')),
      totals as (
        select count(*) filter (where status is null) as not_started,
               count(*) filter (where status = 'DRAFT') as draft,
               count(*) filter (where status = 'SUBMITTED') as submitted,
               count(*) as matching
        from part
      ),
      page as (
        select * from part
        order by municipality nulls last, login nulls first, municipality_id
        limit 50 offset 0
      )
      select t.not_started, t.draft, t.submitted, t.matching, page.*
      from totals t left join page on true
      order by page.municipality nulls last, page.login nulls first, page.municipality_id;
\echo '=== questionnaires: kits per point'
explain (analyze, buffers, costs) select organization_id, subject_key, category, count(*) as kits from kit_credential
 where campaign_id = :omk group by organization_id, subject_key, category;
\echo '=== questionnaires: sessions per point (federal)'
explain (analyze, buffers, costs) select organization_id, status, count(*) as n from questionnaire_session
 where campaign_id = :omk group by organization_id, status;
\echo '=== questionnaires: sessions per point (region 64)'
explain (analyze, buffers, costs) select organization_id, status, count(*) as n from questionnaire_session
 where campaign_id = :omk and region_code = '64' group by organization_id, status;
\echo '=== scans progress by region (federal)'
explain (analyze, buffers, costs) select r.code, r.name, count(s.id) as uploaded,
 count(s.id) filter (where s.status in ('UPLOADED', 'PROCESSING')) as processing,
 count(s.id) filter (where s.status in ('ACCEPTED', 'ASSIGNED', 'SCORED', 'VERIFIED')) as accepted,
 count(s.id) filter (where s.status = 'ERROR') as errors
 from campaign_region cr join region r on r.code = cr.region_code
 left join scan_sheet s on s.region_code = cr.region_code and s.campaign_id = :scans and s.status <> 'REPLACED'
 where cr.campaign_id = :scans group by r.code, r.name order by r.code;
\echo '=== scans progress by organization (region 64)'
explain (analyze, buffers, costs) select o.id, o.name, count(s.id) as uploaded,
 count(s.id) filter (where s.status = 'ERROR') as errors
 from organization o left join scan_sheet s on s.organization_id = o.id and s.campaign_id = :scans and s.status <> 'REPLACED'
 where o.region_code = '64' and exists (select 1 from scan_batch b where b.campaign_id = :scans and b.organization_id = o.id)
 group by o.id, o.name order by o.name, o.id;
\pset pager off
\echo '### 1 kits per point OLD (kit_credential)'
explain (analyze, buffers) select organization_id, subject_key, category, count(*) as kits from kit_credential where campaign_id = :omk group by organization_id, subject_key, category;
\echo '### 1 kits per point NEW (kit_range)'
explain (analyze, buffers) select organization_id, subject_key, category, cast(sum(last_number - first_number + 1) as bigint) as kits from kit_range where campaign_id = :omk group by organization_id, subject_key, category;
\echo '### 2 used per point OLD (content assembled), federal'
explain (analyze, buffers) with sheets as (
  select f.id, f.subject_key, s->>'key' as sheet, s->>'keyColumn' as key_column
  from form_definition f, jsonb_array_elements(f.schema->'sheets') s
  where f.campaign_id = :omk and f.subject_key is not null and s->>'prefill' = 'KITS'),
latest as (
  select distinct on (r.id, x.sheet) r.organization_id, x.subject_key, x.key_column,
         form_response_content(v.response_id, v.content_gen) -> x.sheet as rows
  from sheets x
  join form_response r on r.form_id = x.id and r.organization_id is not null
  join form_response_version v on v.response_id = r.id
  order by r.id, x.sheet, v.number desc)
select l.organization_id, l.subject_key, count(*) as used
from latest l, jsonb_array_elements(case when jsonb_typeof(l.rows) = 'array' then l.rows else '[]' end) row
where row->>'comment' = 'использован' group by l.organization_id, l.subject_key;
\echo '### 2 used per point NEW (rows), federal'
explain (analyze, buffers) with sheets as (
  select f.id, f.subject_key, s->>'key' as sheet
  from form_definition f, jsonb_array_elements(f.schema->'sheets') s
  where f.campaign_id = :omk and f.subject_key is not null and s->>'prefill' = 'KITS'),
latest as (
  select distinct on (r.id) r.id, r.form_id, r.organization_id, v.content_gen
  from form_response r join form_response_version v on v.response_id = r.id
  where r.form_id in (select id from sheets) and r.organization_id is not null
  order by r.id, v.number desc)
select l.organization_id, x.subject_key, count(*) as used
from latest l join sheets x on x.id = l.form_id
join form_response_row w on w.response_id = l.id and w.sheet = x.sheet and w.valid_from <= l.content_gen and (w.valid_to is null or w.valid_to > l.content_gen)
where w.cells->>'comment' = 'использован' group by l.organization_id, x.subject_key;
\echo '### 2 used per point NEW (rows), region 64'
explain (analyze, buffers) with sheets as (
  select f.id, f.subject_key, s->>'key' as sheet
  from form_definition f, jsonb_array_elements(f.schema->'sheets') s
  where f.campaign_id = :omk and f.subject_key is not null and s->>'prefill' = 'KITS'),
latest as (
  select distinct on (r.id) r.id, r.form_id, r.organization_id, v.content_gen
  from form_response r join form_response_version v on v.response_id = r.id
  where r.form_id in (select id from sheets) and r.organization_id is not null and r.region_code = '64'
  order by r.id, v.number desc)
select l.organization_id, x.subject_key, count(*) as used
from latest l join sheets x on x.id = l.form_id
join form_response_row w on w.response_id = l.id and w.sheet = x.sheet and w.valid_from <= l.content_gen and (w.valid_to is null or w.valid_to > l.content_gen)
where w.cells->>'comment' = 'использован' group by l.organization_id, x.subject_key;
\echo '### 3 sessions per point, region 64, WITHOUT the V53 index'
begin;
drop index questionnaire_session_by_region;
explain (analyze, buffers) select organization_id, status, count(*) as n from questionnaire_session where campaign_id = :omk and region_code = '64' group by organization_id, status;
rollback;
\echo '### 3 sessions per point, region 64, WITH the V53 index'
explain (analyze, buffers) select organization_id, status, count(*) as n from questionnaire_session where campaign_id = :omk and region_code = '64' group by organization_id, status;
\echo '### 3 sessions per point, federal'
explain (analyze, buffers) select organization_id, status, count(*) as n from questionnaire_session where campaign_id = :omk group by organization_id, status;
\echo '### 4 scans by organization, region 64, OLD join'
explain (analyze, buffers) select o.id, o.name, count(s.id) as uploaded, count(s.id) filter (where s.status = 'ERROR') as errors
 from organization o left join scan_sheet s on s.organization_id = o.id and s.campaign_id = :scans and s.status <> 'REPLACED'
 where o.region_code = '64' and exists (select 1 from scan_batch b where b.campaign_id = :scans and b.organization_id = o.id)
 group by o.id, o.name order by o.name, o.id;
\echo '### 4 scans by organization, region 64, NEW join'
explain (analyze, buffers) select o.id, o.name, count(s.status) as uploaded, count(*) filter (where s.status = 'ERROR') as errors
 from organization o left join scan_sheet s on s.organization_id = o.id and s.region_code = '64' and s.campaign_id = :scans and s.status <> 'REPLACED'
 where o.region_code = '64' and exists (select 1 from scan_batch b where b.campaign_id = :scans and b.organization_id = o.id)
 group by o.id, o.name order by o.name, o.id;
\echo '### 5 scans of one point by subject OLD'
explain (analyze, buffers) select s.subject_key, count(s.id) from scan_sheet s where s.organization_id = :point and s.campaign_id = :scans and s.status <> 'REPLACED' group by s.subject_key;
\echo '### 5 scans of one point by subject NEW'
explain (analyze, buffers) select s.subject_key, count(s.status) from scan_sheet s where s.organization_id = :point and s.region_code = (select o.region_code from organization o where o.id = :point) and s.campaign_id = :scans and s.status <> 'REPLACED' group by s.subject_key;
\echo '### 6 scans by region, federal OLD count(s.id)'
explain (analyze, buffers) select r.code, count(s.id), count(s.id) filter (where s.status = 'ERROR')
 from campaign_region cr join region r on r.code = cr.region_code
 left join scan_sheet s on s.region_code = cr.region_code and s.campaign_id = :scans and s.status <> 'REPLACED'
 where cr.campaign_id = :scans group by r.code order by r.code;
\echo '### 6 scans by region, federal NEW count(s.status)'
explain (analyze, buffers) select r.code, count(s.status), count(*) filter (where s.status = 'ERROR')
 from campaign_region cr join region r on r.code = cr.region_code
 left join scan_sheet s on s.region_code = cr.region_code and s.campaign_id = :scans and s.status <> 'REPLACED'
 where cr.campaign_id = :scans group by r.code order by r.code;
