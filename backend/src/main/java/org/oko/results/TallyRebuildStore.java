package org.oko.results;

import java.util.function.IntFunction;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Every tally of a campaign subject recomputed set-based: one grouped statement writes the
 * organizations' rows from their stored participants, one more (grouping sets) the municipalities',
 * regions' and the country's rows as sums of the organizations'. What {@link TallyRules#tally}
 * computes for one organization, spelled in SQL (the array columns element by element, so a pass
 * over the participants reads each row once). Runs in the caller's transaction, under the subject's
 * lock; 40 000 schools take seconds, not the minutes of reading them one by one (docs/results.md).
 */
@Component
class TallyRebuildStore {

  private final DatabaseClient db;

  TallyRebuildStore(DatabaseClient db) {
    this.db = db;
  }

  /** Rebuilds the subject's tallies; the number of organizations with results. */
  Mono<Integer> rebuild(Subject subject) {
    long campaign = subject.campaignId();
    String key = subject.key();
    return freshStatistics()
        .then(organizations(subject))
        .flatMap(
            count ->
                dropOrganizationsWithoutResults(campaign, key)
                    .then(dropAggregates(campaign, key))
                    .then(aggregates(subject))
                    .thenReturn(count));
  }

  /**
   * Statistics of the participants before the grouped statements are planned. A rebuild often
   * follows a bulk write (an import of a region's results, a new scale right after loading): until
   * autovacuum has analysed those rows PostgreSQL plans the rebuild for an empty table, and on a
   * country of 15 million scores it took 169 s instead of 12 s (docs/benchmarks.md, «Results»).
   * Sampling the tables costs well under a second.
   */
  private Mono<Void> freshStatistics() {
    return db.sql("analyze result_participant, result_protocol").then();
  }

  private Mono<Integer> organizations(Subject subject) {
    int tasks = subject.tasks();
    int max = subject.maxScore();
    String grades = array(4, g -> "count(*) filter (where grade = " + (g + 2) + ")");
    String histogram =
        array(max + 1, b -> "count(*) filter (where least(total, " + max + ") = " + b + ")");
    String taskSums = array(tasks, t -> "coalesce(sum(scores[" + (t + 1) + "]), 0)");
    String gradeTaskSums =
        array(
            4 * tasks,
            i ->
                "coalesce(sum(scores["
                    + (i % tasks + 1)
                    + "]) filter (where grade = "
                    + (i / tasks + 2)
                    + "), 0)");
    String journal =
        "array[count(*) filter (where grade < journal_grade),"
            + " count(*) filter (where grade = journal_grade),"
            + " count(*) filter (where grade > journal_grade)]::integer[]";
    String sql =
        """
        with p as (
            select rp.organization_id, pr.region_code, pr.municipality_id, rp.scores, rp.total,
                   rp.grade, rp.journal_grade
            from result_participant rp
            join result_protocol pr on pr.campaign_id = rp.campaign_id
                and pr.subject_key = rp.subject_key and pr.organization_id = rp.organization_id
                and pr.active
            where rp.campaign_id = :c and rp.subject_key = :s
        ), identical as (
            select organization_id, max(n) as identical_max,
                   coalesce(sum(n) filter (where n >= %d), 0) as identical_count
            from (select organization_id, count(*) as n from p
                  where total > 0 and total < %d group by organization_id, scores) v
            group by organization_id
        ), o as (
            select organization_id, min(region_code) as region_code,
                   min(municipality_id) as municipality_id, count(*) as participants,
                   sum(total) as score_sum, sum(cast(total as bigint) * total) as score_sq_sum,
                   %s as grades, %s as histogram, %s as task_sums, %s as grade_task_sums,
                   %s as journal, cast(sum(total) as double precision) / count(*) as mean
            from p group by organization_id
        )
        insert into result_tally (campaign_id, subject_key, level, unit, region_code,
            municipality_id, organization_id, %s)
        select :c, :s, 'ORGANIZATION', cast(o.organization_id as text), o.region_code,
               o.municipality_id, o.organization_id, o.participants, o.score_sum, o.score_sq_sum,
               o.grades, o.histogram, o.task_sums, o.grade_task_sums, o.journal,
               coalesce(i.identical_max, 0), coalesce(i.identical_count, 0), 1, o.mean,
               o.mean * o.mean
        from o left join identical i on i.organization_id = o.organization_id
        on conflict (campaign_id, subject_key, level, unit) do update set
            region_code = excluded.region_code, municipality_id = excluded.municipality_id, %s
        """
            .formatted(
                TallyRules.IDENTICAL_GROUP,
                max,
                grades,
                histogram,
                taskSums,
                gradeTaskSums,
                journal,
                TallyStore.TALLY_COLUMNS,
                TallyStore.setAll());
    return db.sql(sql)
        .bind("c", subject.campaignId())
        .bind("s", subject.key())
        .fetch()
        .rowsUpdated()
        .map(Long::intValue);
  }

  /** An organization row whose protocol is withdrawn or empty (the incremental path deletes it). */
  private Mono<Void> dropOrganizationsWithoutResults(long campaign, String key) {
    return db.sql(
            """
            delete from result_tally t
            where t.campaign_id = :c and t.subject_key = :s and t.level = 'ORGANIZATION'
              and not exists (
                select 1 from result_protocol pr
                join result_participant rp on rp.campaign_id = pr.campaign_id
                    and rp.subject_key = pr.subject_key and rp.organization_id = pr.organization_id
                where pr.campaign_id = t.campaign_id and pr.subject_key = t.subject_key
                  and pr.organization_id = t.organization_id and pr.active)
            """)
        .bind("c", campaign)
        .bind("s", key)
        .then();
  }

  private Mono<Void> dropAggregates(long campaign, String key) {
    return db.sql(
            "delete from result_tally where campaign_id = :c and subject_key = :s"
                + " and level <> 'ORGANIZATION'")
        .bind("c", campaign)
        .bind("s", key)
        .then();
  }

  /**
   * The country, each region and each municipality as the sums of their organizations' rows, in one
   * grouped statement; the regions marked for their organizations' flags ({@link FlagWorker}).
   */
  private Mono<Void> aggregates(Subject subject) {
    int tasks = subject.tasks();
    int max = subject.maxScore();
    String sql =
        """
        insert into result_tally (campaign_id, subject_key, level, unit, region_code,
            municipality_id, flags_stale, %s)
        select :c, :s, g.level,
               case g.level when 'COUNTRY' then '' when 'REGION' then g.region_code
                    else cast(g.municipality_id as text) end,
               g.region_code, g.municipality_id, g.level = 'REGION', g.participants, g.score_sum,
               g.score_sq_sum, g.grades, g.histogram, g.task_sums, g.grade_task_sums, g.journal,
               0, 0, g.schools, g.school_mean_sum, g.school_mean_sq_sum
        from (
            select case grouping(region_code, municipality_id) when 3 then 'COUNTRY'
                        when 1 then 'REGION' else 'MUNICIPALITY' end as level,
                   region_code, municipality_id, sum(participants) as participants,
                   sum(score_sum) as score_sum, sum(score_sq_sum) as score_sq_sum,
                   %s as grades, %s as histogram, %s as task_sums, %s as grade_task_sums,
                   %s as journal, sum(schools) as schools,
                   sum(school_mean_sum) as school_mean_sum,
                   sum(school_mean_sq_sum) as school_mean_sq_sum
            from result_tally
            where campaign_id = :c and subject_key = :s and level = 'ORGANIZATION'
            group by grouping sets ((), (region_code), (region_code, municipality_id))
            having count(*) > 0 and (grouping(municipality_id) = 1 or municipality_id is not null)
        ) g
        """
            .formatted(
                TallyStore.TALLY_COLUMNS,
                sums("grades", 4),
                sums("histogram", max + 1),
                sums("task_sums", tasks),
                sums("grade_task_sums", 4 * tasks),
                sums("journal", 3));
    return db.sql(sql).bind("c", subject.campaignId()).bind("s", subject.key()).then();
  }

  /** {@code array[sum(column[1]), …, sum(column[n])]}: organizations' arrays added up. */
  private static String sums(String column, int n) {
    return array(n, i -> "coalesce(sum(" + column + "[" + (i + 1) + "]), 0)");
  }

  private static String array(int n, IntFunction<String> element) {
    if (n == 0) {
      return "cast('{}' as integer[])";
    }
    StringBuilder out = new StringBuilder("cast(array[");
    for (int i = 0; i < n; i++) {
      out.append(i == 0 ? "" : ", ").append(element.apply(i));
    }
    return out.append("] as integer[])").toString();
  }
}
