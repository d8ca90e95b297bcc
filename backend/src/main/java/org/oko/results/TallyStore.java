package org.oko.results;

import io.r2dbc.spi.Readable;
import org.oko.results.ResultsStore.Place;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The tallies ({@code result_tally}): an organization's row replaced or deleted, a unit above moved
 * by a difference, a subject's aggregates deleted before a rebuild; and how a row reads as a {@link
 * Tally}.
 */
@Component
class TallyStore {

  static final String TALLY_COLUMNS =
      "participants, score_sum, score_sq_sum, grades, histogram, task_sums, grade_task_sums,"
          + " journal, identical_max, identical_count, schools, school_mean_sum,"
          + " school_mean_sq_sum";

  private final DatabaseClient db;

  TallyStore(DatabaseClient db) {
    this.db = db;
  }

  Mono<Tally> organizationTally(long campaignId, String subjectKey, long organizationId) {
    return db.sql(
            "select "
                + TALLY_COLUMNS
                + " from result_tally where campaign_id = :c and subject_key = :s"
                + " and level = 'ORGANIZATION' and unit = :u")
        .bind("c", campaignId)
        .bind("s", subjectKey)
        .bind("u", Long.toString(organizationId))
        .map(TallyStore::tally)
        .one();
  }

  /** Puts an organization's own row (replacing it). */
  Mono<Void> putOrganizationTally(long campaignId, String subjectKey, Place place, Tally tally) {
    return bindTally(
            db.sql(
                "insert into result_tally (campaign_id, subject_key, level, unit, region_code,"
                    + " municipality_id, organization_id, "
                    + TALLY_COLUMNS
                    + ") values (:c, :s, 'ORGANIZATION', :u, :r, :m, :o, "
                    + TALLY_VALUES
                    + ") on conflict (campaign_id, subject_key, level, unit) do update set "
                    + setAll()),
            tally)
        .bind("c", campaignId)
        .bind("s", subjectKey)
        .bind("u", Long.toString(place.organizationId()))
        .bind("r", place.regionCode())
        .bind("m", Parameter.fromOrEmpty(place.municipalityId(), Long.class))
        .bind("o", place.organizationId())
        .then();
  }

  Mono<Void> deleteOrganizationTally(long campaignId, String subjectKey, long organizationId) {
    return db.sql(
            "delete from result_tally where campaign_id = :c and subject_key = :s"
                + " and level = 'ORGANIZATION' and unit = :u")
        .bind("c", campaignId)
        .bind("s", subjectKey)
        .bind("u", Long.toString(organizationId))
        .then();
  }

  /**
   * Moves an aggregate unit's row by {@code delta} (creating it at zero first): the change of one
   * organization, added in SQL so that concurrent writers never lose each other's. A region's row
   * is marked for its organizations' flags to be decided again ({@link FlagWorker}).
   */
  Mono<Void> addToUnit(
      long campaignId,
      String subjectKey,
      String level,
      String unit,
      String regionCode,
      Long municipalityId,
      Tally delta) {
    return bindTally(
            db.sql(
                "insert into result_tally (campaign_id, subject_key, level, unit, region_code,"
                    + " municipality_id, flags_stale, "
                    + TALLY_COLUMNS
                    + ") values (:c, :s, :l, :u, :r, :m, :l = 'REGION', "
                    + TALLY_VALUES
                    + ") on conflict (campaign_id, subject_key, level, unit) do update set"
                    + " flags_stale = result_tally.flags_stale or excluded.flags_stale,"
                    + " participants = result_tally.participants + excluded.participants,"
                    + " score_sum = result_tally.score_sum + excluded.score_sum,"
                    + " score_sq_sum = result_tally.score_sq_sum + excluded.score_sq_sum,"
                    + " grades = results_add(result_tally.grades, excluded.grades),"
                    + " histogram = results_add(result_tally.histogram, excluded.histogram),"
                    + " task_sums = results_add(result_tally.task_sums, excluded.task_sums),"
                    + " grade_task_sums = results_add(result_tally.grade_task_sums,"
                    + " excluded.grade_task_sums),"
                    + " journal = results_add(result_tally.journal, excluded.journal),"
                    + " schools = result_tally.schools + excluded.schools,"
                    + " school_mean_sum = result_tally.school_mean_sum + excluded.school_mean_sum,"
                    + " school_mean_sq_sum = result_tally.school_mean_sq_sum"
                    + " + excluded.school_mean_sq_sum"),
            delta)
        .bind("c", campaignId)
        .bind("s", subjectKey)
        .bind("l", level)
        .bind("u", unit)
        .bind("r", Parameter.fromOrEmpty(regionCode, String.class))
        .bind("m", Parameter.fromOrEmpty(municipalityId, Long.class))
        .then();
  }

  /** Removes every aggregate row of a subject (a rebuild writes them again). */
  Mono<Void> deleteAggregates(long campaignId, String subjectKey) {
    return db.sql(
            "delete from result_tally where campaign_id = :c and subject_key = :s"
                + " and level <> 'ORGANIZATION'")
        .bind("c", campaignId)
        .bind("s", subjectKey)
        .then();
  }

  private static final String TALLY_VALUES =
      ":participants, :score_sum, :score_sq_sum, :grades, :histogram, :task_sums,"
          + " :grade_task_sums, :journal, :identical_max, :identical_count, :schools,"
          + " :school_mean_sum, :school_mean_sq_sum";

  static String setAll() {
    StringBuilder set = new StringBuilder();
    for (String column : TALLY_COLUMNS.split(",")) {
      String c = column.trim();
      if (set.length() > 0) {
        set.append(", ");
      }
      set.append(c).append(" = excluded.").append(c);
    }
    return set.toString();
  }

  private static GenericExecuteSpec bindTally(GenericExecuteSpec spec, Tally t) {
    return spec.bind("participants", t.participants())
        .bind("score_sum", t.scoreSum())
        .bind("score_sq_sum", t.scoreSqSum())
        .bind("grades", IntArrays.box(t.grades()))
        .bind("histogram", IntArrays.box(t.histogram()))
        .bind("task_sums", IntArrays.box(t.taskSums()))
        .bind("grade_task_sums", IntArrays.box(t.gradeTaskSums()))
        .bind("journal", IntArrays.box(t.journal()))
        .bind("identical_max", t.identicalMax())
        .bind("identical_count", t.identicalCount())
        .bind("schools", t.schools())
        .bind("school_mean_sum", t.schoolMeanSum())
        .bind("school_mean_sq_sum", t.schoolMeanSqSum());
  }

  static Tally tally(Readable r) {
    return new Tally(
        r.get("participants", Integer.class),
        r.get("score_sum", Long.class),
        r.get("score_sq_sum", Long.class),
        IntArrays.unbox(r.get("grades", Integer[].class)),
        IntArrays.unbox(r.get("histogram", Integer[].class)),
        IntArrays.unbox(r.get("task_sums", Integer[].class)),
        IntArrays.unbox(r.get("grade_task_sums", Integer[].class)),
        IntArrays.unbox(r.get("journal", Integer[].class)),
        r.get("identical_max", Integer.class),
        r.get("identical_count", Integer.class),
        r.get("schools", Integer.class),
        r.get("school_mean_sum", Double.class),
        r.get("school_mean_sq_sum", Double.class));
  }
}
