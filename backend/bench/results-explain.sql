-- The statements of one organization's report (ReportStore, ReleaseStore), with the ids results.sh
-- prints when run with HOLD=seconds:
--   psql -h localhost -p PORT -U postgres oko -v campaign=… -v organization=… -v region=… \
--     -f backend/bench/results-explain.sql
\timing on
select municipality_id as municipality from organization where id = :organization \gset
explain (analyze, buffers)
select o.id, o.login, o.name, o.region_code, o.municipality_id, m.name as mname
  from organization o left join municipality m on m.id = o.municipality_id where o.id = :organization;
explain (analyze, buffers)
select t.level, t.unit, t.participants, t.score_sum, t.score_sq_sum, t.grades, t.histogram,
       t.task_sums, t.grade_task_sums, t.journal, t.identical_max, t.identical_count, t.schools,
       t.school_mean_sum, t.school_mean_sq_sum
  from unnest(cast(array['ORGANIZATION','MUNICIPALITY','REGION','COUNTRY'] as text[]),
              cast(array[cast(:organization as text), cast(:municipality as text), :'region', ''] as text[])) as u(level, unit)
  cross join lateral (select * from result_tally t where t.campaign_id = :campaign
     and t.subject_key = 'math-5' and t.level = u.level and t.unit = u.unit) t;
explain (analyze, buffers)
select code, name from region where code = :'region';
explain (analyze, buffers)
select exists (select 1 from result_release where campaign_id = :campaign and region_code = :'region') as x;
