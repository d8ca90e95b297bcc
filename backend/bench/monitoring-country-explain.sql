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
-- Sections 7-10 (session 8): the organization page's stages and the tallies of V60. They need
-- -v school=SCHOOL too (the benchmark prints it) and, for NEW, the V60 tables.
\echo '### 7 organization page: stages OLD, one stage of 24 (x2 with the roadmap query per stage)'
explain (analyze, buffers) select coalesce(w.opens_at, s.opens_at) as opens_at,
       coalesce(w.closes_at, s.closes_at) as closes_at,
       greatest(coalesce(w.closes_at, s.closes_at),
           (select max(x.closes_at) from stage_extension x
           where x.campaign_id = s.campaign_id and x.stage_code = s.code
             and (x.region_code = '64' or x.organization_id = :school))) as effective,
       (select time_zone from region where code = '64') as zone,
       (select min(d.test_date) from organization_test_day d
         where d.campaign_id = s.campaign_id and d.organization_id = :school) as first_day,
       (select max(d.test_date) from organization_test_day d
         where d.campaign_id = s.campaign_id and d.organization_id = :school) as last_day
from campaign_stage s
left join stage_region_window w on w.campaign_id = s.campaign_id
    and w.stage_code = s.code and w.region_code = '64'
where s.campaign_id = :campaign and s.code = 'CONDUCT';
explain (analyze, buffers) select title, due_at from regional_roadmap_item where campaign_id = :campaign
 and region_code = '64' and stage = 'CONDUCT' order by due_at desc, position desc limit 1;
\echo '### 7 organization page: stages NEW, every stage at once (x2: the school, its region) + roadmap once'
explain (analyze, buffers) select s.code, coalesce(w.opens_at, s.opens_at) as opens_at,
       coalesce(w.closes_at, s.closes_at) as closes_at,
       greatest(coalesce(w.closes_at, s.closes_at),
           (select max(x.closes_at) from stage_extension x
           where x.campaign_id = s.campaign_id and x.stage_code = s.code
             and (x.region_code = '64' or x.organization_id = :school))) as effective,
       (select time_zone from region where code = '64') as zone,
       (select min(d.test_date) from organization_test_day d
         where d.campaign_id = s.campaign_id and d.organization_id = :school) as first_day,
       (select max(d.test_date) from organization_test_day d
         where d.campaign_id = s.campaign_id and d.organization_id = :school) as last_day
from campaign_stage s
left join stage_region_window w on w.campaign_id = s.campaign_id
    and w.stage_code = s.code and w.region_code = '64'
where s.campaign_id = :campaign;
explain (analyze, buffers) select distinct on (campaign_id, stage) campaign_id, stage, title, due_at
 from regional_roadmap_item where campaign_id = any(array[:campaign]::bigint[]) and region_code = '64'
 order by campaign_id, stage, due_at desc, position desc;
\echo '### 8 sessions per point, federal, NEW (tally)'
explain (analyze, buffers) select organization_id, status, cast(sum(sessions) as bigint) as n
 from questionnaire_session_tally where campaign_id = :omk group by organization_id, status
 having sum(sessions) > 0;
\echo '### 8 sessions per point, region 64, NEW (tally)'
explain (analyze, buffers) select organization_id, status, cast(sum(sessions) as bigint) as n
 from questionnaire_session_tally where campaign_id = :omk and region_code = '64'
 group by organization_id, status having sum(sessions) > 0;
\echo '### 9 used per point, federal, NEW (frozen versions marks)'
explain (analyze, buffers) with sheets as (
  select f.id, f.subject_key, s->>'key' as sheet
  from form_definition f, jsonb_array_elements(f.schema->'sheets') s
  where f.campaign_id = :omk and f.subject_key is not null and s->>'prefill' = 'KITS'),
latest as (
  select distinct on (r.id) r.id, r.form_id, r.organization_id, v.number
  from form_response r join form_response_version v on v.response_id = r.id
  where r.form_id in (select id from sheets) and r.organization_id is not null
  order by r.id, v.number desc)
select l.organization_id, x.subject_key, cast(sum(m.used) as bigint) as used
from latest l join sheets x on x.id = l.form_id
join form_response_version_mark m on m.response_id = l.id and m.number = l.number and m.sheet = x.sheet
where m.used > 0 group by l.organization_id, x.subject_key;
\echo '### 10 scans by region, federal, NEW (tally)'
explain (analyze, buffers) select r.code, r.name, cast(coalesce(sum(t.sheets), 0) as bigint) as uploaded,
 cast(coalesce(sum(t.sheets) filter (where t.status in ('ERROR')), 0) as bigint) as errors
 from campaign_region cr join region r on r.code = cr.region_code
 left join scan_sheet_tally t on t.region_code = cr.region_code and t.campaign_id = :scans
      and t.status <> 'REPLACED'
 where cr.campaign_id = :scans group by r.code, r.name order by r.code;
\echo '### 10 scans by organization, region 64, NEW (tally)'
explain (analyze, buffers) select o.id, o.name, cast(coalesce(sum(t.sheets), 0) as bigint) as uploaded
 from organization o left join scan_sheet_tally t on t.organization_id = o.id and t.region_code = '64'
      and t.campaign_id = :scans and t.status <> 'REPLACED'
 where o.region_code = '64' and exists (select 1 from scan_batch b where b.campaign_id = :scans and b.organization_id = o.id)
 group by o.id, o.name order by o.name, o.id;

-- Section 11: the forms monitoring from the tallies (V62), the calls of the first three sections
-- and the benchmark's status filter, as FormMonitoringStore sends them (issue 24 part 3, s9).
\echo '### 11 forms monitoring, federal, first page, NEW (tallies, place by place)'
explain (analyze, buffers, costs)       with       placed as (
        select c.region_code, c.municipality_id, m.name as municipality, c.not_started,
               c.draft, c.submitted,
               case cast(cast(null as text) as text) when 'NOT_STARTED' then c.not_started
                    when 'DRAFT' then c.draft when 'SUBMITTED' then c.submitted
                    else c.not_started + c.draft + c.submitted end as matching
        from (
          select p.region_code, p.municipality_id,
                 p.participants - coalesce(a.draft, 0) - coalesce(a.submitted, 0) as not_started,
                 coalesce(a.draft, 0) as draft, coalesce(a.submitted, 0) as submitted
          from (select t.region_code, t.municipality_id, sum(t.participants) as participants
                from       (select campaign_id, region_code, municipality_id, kind, participants
       from sample_participant_tally) t
                where t.campaign_id = :campaign and t.kind = any('{SCHOOL}')
                group by 1, 2) p
          left join (select t.region_code, t.municipality_id,
                            sum(t.responses) filter (where t.status = 'DRAFT') as draft,
                            sum(t.responses) filter (where t.status = 'SUBMITTED') as submitted
                     from form_response_tally t
                     where t.form_id = :form and t.kind = any('{SCHOOL}')
                     group by 1, 2) a
                 on a.region_code = p.region_code
                and a.municipality_id is not distinct from p.municipality_id
        ) c
        left join municipality m on m.id = c.municipality_id
      ),
      totals as (
        select cast(coalesce(sum(not_started), 0) as bigint) as not_started,
               cast(coalesce(sum(draft), 0) as bigint) as draft,
               cast(coalesce(sum(submitted), 0) as bigint) as submitted,
               cast(coalesce(sum(matching), 0) as bigint) as matching
        from placed
      ),
      chosen as (
        select municipality, before from (
          select municipality, n,
                 coalesce(sum(n) over (order by municipality nulls last
                                       rows between unbounded preceding and 1 preceding), 0)
                   as before
          from (select municipality, sum(matching) as n from placed
                group by municipality having sum(matching) > 0) g
        ) g
        where before < 0 + 50 and before + n > 0
      ),
      page as (
        select o.id, o.login, o.name, o.region_code, o.municipality_id, p.municipality as municipality,
      r.status, r.updated_at, r.submitted_at, coalesce(r.submissions, 0) as submissions,
      g.time_zone
        from placed p
        join chosen c on c.municipality is not distinct from p.municipality
        cross join lateral (
          select * from organization x
          where x.region_code = p.region_code and x.municipality_id = p.municipality_id
          union all
          select * from organization x
          where x.region_code = p.region_code and x.municipality_id is null
            and p.municipality_id is null
        ) o
        join       (select e.campaign_id, e.organization_id, e.region_code, e.participants, e.subjects
       from sample_entry e
       join sample_publication sp on sp.campaign_id = e.campaign_id
                                 and sp.region_code = e.region_code
       where e.status = 'SELECTED') e on e.campaign_id = :campaign and e.organization_id = o.id
        join region g on g.code = o.region_code
        left join form_response r on r.form_id = :form and r.organization_id = o.id
        where p.matching > 0 and o.kind = any('{SCHOOL}') and (cast(cast(null as text) as text) is null or coalesce(r.status, 'NOT_STARTED') = cast(null as text))
        order by p.municipality nulls last, o.login
        limit 50 offset 0 - (select cast(coalesce(min(before), 0) as bigint) from chosen)
      )
      select t.not_started, t.draft, t.submitted, t.matching, page.*
      from totals t left join page on true
      order by page.municipality nulls last, page.login nulls first, page.municipality_id;
\echo '### 11 forms monitoring, federal, last page, NEW'
explain (analyze, buffers, costs)       with       placed as (
        select c.region_code, c.municipality_id, m.name as municipality, c.not_started,
               c.draft, c.submitted,
               case cast(cast(null as text) as text) when 'NOT_STARTED' then c.not_started
                    when 'DRAFT' then c.draft when 'SUBMITTED' then c.submitted
                    else c.not_started + c.draft + c.submitted end as matching
        from (
          select p.region_code, p.municipality_id,
                 p.participants - coalesce(a.draft, 0) - coalesce(a.submitted, 0) as not_started,
                 coalesce(a.draft, 0) as draft, coalesce(a.submitted, 0) as submitted
          from (select t.region_code, t.municipality_id, sum(t.participants) as participants
                from       (select campaign_id, region_code, municipality_id, kind, participants
       from sample_participant_tally) t
                where t.campaign_id = :campaign and t.kind = any('{SCHOOL}')
                group by 1, 2) p
          left join (select t.region_code, t.municipality_id,
                            sum(t.responses) filter (where t.status = 'DRAFT') as draft,
                            sum(t.responses) filter (where t.status = 'SUBMITTED') as submitted
                     from form_response_tally t
                     where t.form_id = :form and t.kind = any('{SCHOOL}')
                     group by 1, 2) a
                 on a.region_code = p.region_code
                and a.municipality_id is not distinct from p.municipality_id
        ) c
        left join municipality m on m.id = c.municipality_id
      ),
      totals as (
        select cast(coalesce(sum(not_started), 0) as bigint) as not_started,
               cast(coalesce(sum(draft), 0) as bigint) as draft,
               cast(coalesce(sum(submitted), 0) as bigint) as submitted,
               cast(coalesce(sum(matching), 0) as bigint) as matching
        from placed
      ),
      chosen as (
        select municipality, before from (
          select municipality, n,
                 coalesce(sum(n) over (order by municipality nulls last
                                       rows between unbounded preceding and 1 preceding), 0)
                   as before
          from (select municipality, sum(matching) as n from placed
                group by municipality having sum(matching) > 0) g
        ) g
        where before < :lastoffset + 50 and before + n > :lastoffset
      ),
      page as (
        select o.id, o.login, o.name, o.region_code, o.municipality_id, p.municipality as municipality,
      r.status, r.updated_at, r.submitted_at, coalesce(r.submissions, 0) as submissions,
      g.time_zone
        from placed p
        join chosen c on c.municipality is not distinct from p.municipality
        cross join lateral (
          select * from organization x
          where x.region_code = p.region_code and x.municipality_id = p.municipality_id
          union all
          select * from organization x
          where x.region_code = p.region_code and x.municipality_id is null
            and p.municipality_id is null
        ) o
        join       (select e.campaign_id, e.organization_id, e.region_code, e.participants, e.subjects
       from sample_entry e
       join sample_publication sp on sp.campaign_id = e.campaign_id
                                 and sp.region_code = e.region_code
       where e.status = 'SELECTED') e on e.campaign_id = :campaign and e.organization_id = o.id
        join region g on g.code = o.region_code
        left join form_response r on r.form_id = :form and r.organization_id = o.id
        where p.matching > 0 and o.kind = any('{SCHOOL}') and (cast(cast(null as text) as text) is null or coalesce(r.status, 'NOT_STARTED') = cast(null as text))
        order by p.municipality nulls last, o.login
        limit 50 offset :lastoffset - (select cast(coalesce(min(before), 0) as bigint) from chosen)
      )
      select t.not_started, t.draft, t.submitted, t.matching, page.*
      from totals t left join page on true
      order by page.municipality nulls last, page.login nulls first, page.municipality_id;
\echo '### 11 forms monitoring, federal, NOT_STARTED, first page, NEW'
explain (analyze, buffers, costs)       with       placed as (
        select c.region_code, c.municipality_id, m.name as municipality, c.not_started,
               c.draft, c.submitted,
               case cast('NOT_STARTED' as text) when 'NOT_STARTED' then c.not_started
                    when 'DRAFT' then c.draft when 'SUBMITTED' then c.submitted
                    else c.not_started + c.draft + c.submitted end as matching
        from (
          select p.region_code, p.municipality_id,
                 p.participants - coalesce(a.draft, 0) - coalesce(a.submitted, 0) as not_started,
                 coalesce(a.draft, 0) as draft, coalesce(a.submitted, 0) as submitted
          from (select t.region_code, t.municipality_id, sum(t.participants) as participants
                from       (select campaign_id, region_code, municipality_id, kind, participants
       from sample_participant_tally) t
                where t.campaign_id = :campaign and t.kind = any('{SCHOOL}')
                group by 1, 2) p
          left join (select t.region_code, t.municipality_id,
                            sum(t.responses) filter (where t.status = 'DRAFT') as draft,
                            sum(t.responses) filter (where t.status = 'SUBMITTED') as submitted
                     from form_response_tally t
                     where t.form_id = :form and t.kind = any('{SCHOOL}')
                     group by 1, 2) a
                 on a.region_code = p.region_code
                and a.municipality_id is not distinct from p.municipality_id
        ) c
        left join municipality m on m.id = c.municipality_id
      ),
      totals as (
        select cast(coalesce(sum(not_started), 0) as bigint) as not_started,
               cast(coalesce(sum(draft), 0) as bigint) as draft,
               cast(coalesce(sum(submitted), 0) as bigint) as submitted,
               cast(coalesce(sum(matching), 0) as bigint) as matching
        from placed
      ),
      chosen as (
        select municipality, before from (
          select municipality, n,
                 coalesce(sum(n) over (order by municipality nulls last
                                       rows between unbounded preceding and 1 preceding), 0)
                   as before
          from (select municipality, sum(matching) as n from placed
                group by municipality having sum(matching) > 0) g
        ) g
        where before < 0 + 50 and before + n > 0
      ),
      page as (
        select o.id, o.login, o.name, o.region_code, o.municipality_id, p.municipality as municipality,
      r.status, r.updated_at, r.submitted_at, coalesce(r.submissions, 0) as submissions,
      g.time_zone
        from placed p
        join chosen c on c.municipality is not distinct from p.municipality
        cross join lateral (
          select * from organization x
          where x.region_code = p.region_code and x.municipality_id = p.municipality_id
          union all
          select * from organization x
          where x.region_code = p.region_code and x.municipality_id is null
            and p.municipality_id is null
        ) o
        join       (select e.campaign_id, e.organization_id, e.region_code, e.participants, e.subjects
       from sample_entry e
       join sample_publication sp on sp.campaign_id = e.campaign_id
                                 and sp.region_code = e.region_code
       where e.status = 'SELECTED') e on e.campaign_id = :campaign and e.organization_id = o.id
        join region g on g.code = o.region_code
        left join form_response r on r.form_id = :form and r.organization_id = o.id
        where p.matching > 0 and o.kind = any('{SCHOOL}') and (cast('NOT_STARTED' as text) is null or coalesce(r.status, 'NOT_STARTED') = 'NOT_STARTED')
        order by p.municipality nulls last, o.login
        limit 50 offset 0 - (select cast(coalesce(min(before), 0) as bigint) from chosen)
      )
      select t.not_started, t.draft, t.submitted, t.matching, page.*
      from totals t left join page on true
      order by page.municipality nulls last, page.login nulls first, page.municipality_id;
\echo '### 11 forms monitoring, region 64, first page, NEW'
explain (analyze, buffers, costs)       with       placed as (
        select c.region_code, c.municipality_id, m.name as municipality, c.not_started,
               c.draft, c.submitted,
               case cast(cast(null as text) as text) when 'NOT_STARTED' then c.not_started
                    when 'DRAFT' then c.draft when 'SUBMITTED' then c.submitted
                    else c.not_started + c.draft + c.submitted end as matching
        from (
          select p.region_code, p.municipality_id,
                 p.participants - coalesce(a.draft, 0) - coalesce(a.submitted, 0) as not_started,
                 coalesce(a.draft, 0) as draft, coalesce(a.submitted, 0) as submitted
          from (select t.region_code, t.municipality_id, sum(t.participants) as participants
                from       (select campaign_id, region_code, municipality_id, kind, participants
       from sample_participant_tally) t
                where t.campaign_id = :campaign and t.kind = any('{SCHOOL}') and (t.region_code = '64')
                group by 1, 2) p
          left join (select t.region_code, t.municipality_id,
                            sum(t.responses) filter (where t.status = 'DRAFT') as draft,
                            sum(t.responses) filter (where t.status = 'SUBMITTED') as submitted
                     from form_response_tally t
                     where t.form_id = :form and t.kind = any('{SCHOOL}') and (t.region_code = '64')
                     group by 1, 2) a
                 on a.region_code = p.region_code
                and a.municipality_id is not distinct from p.municipality_id
        ) c
        left join municipality m on m.id = c.municipality_id
      ),
      totals as (
        select cast(coalesce(sum(not_started), 0) as bigint) as not_started,
               cast(coalesce(sum(draft), 0) as bigint) as draft,
               cast(coalesce(sum(submitted), 0) as bigint) as submitted,
               cast(coalesce(sum(matching), 0) as bigint) as matching
        from placed
      ),
      chosen as (
        select municipality, before from (
          select municipality, n,
                 coalesce(sum(n) over (order by municipality nulls last
                                       rows between unbounded preceding and 1 preceding), 0)
                   as before
          from (select municipality, sum(matching) as n from placed
                group by municipality having sum(matching) > 0) g
        ) g
        where before < 0 + 50 and before + n > 0
      ),
      page as (
        select o.id, o.login, o.name, o.region_code, o.municipality_id, p.municipality as municipality,
      r.status, r.updated_at, r.submitted_at, coalesce(r.submissions, 0) as submissions,
      g.time_zone
        from placed p
        join chosen c on c.municipality is not distinct from p.municipality
        cross join lateral (
          select * from organization x
          where x.region_code = p.region_code and x.municipality_id = p.municipality_id
          union all
          select * from organization x
          where x.region_code = p.region_code and x.municipality_id is null
            and p.municipality_id is null
        ) o
        join       (select e.campaign_id, e.organization_id, e.region_code, e.participants, e.subjects
       from sample_entry e
       join sample_publication sp on sp.campaign_id = e.campaign_id
                                 and sp.region_code = e.region_code
       where e.status = 'SELECTED') e on e.campaign_id = :campaign and e.organization_id = o.id
        join region g on g.code = o.region_code
        left join form_response r on r.form_id = :form and r.organization_id = o.id
        where p.matching > 0 and o.kind = any('{SCHOOL}') and (cast(cast(null as text) as text) is null or coalesce(r.status, 'NOT_STARTED') = cast(null as text))
        order by p.municipality nulls last, o.login
        limit 50 offset 0 - (select cast(coalesce(min(before), 0) as bigint) from chosen)
      )
      select t.not_started, t.draft, t.submitted, t.matching, page.*
      from totals t left join page on true
      order by page.municipality nulls last, page.login nulls first, page.municipality_id;
