package org.oko.results;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.oko.campaigns.CampaignReadModel;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The results' own tables: protocols applied, participants, tallies, grade scales. */
@Component
class ResultsStore {

  /** Where an organization stands in the hierarchy (orgs' read model). */
  record Place(long organizationId, String regionCode, Long municipalityId) {}

  /** The version of an organization's protocol the results hold. */
  record Applied(
      long campaignId,
      String subjectKey,
      long organizationId,
      String regionCode,
      Long municipalityId,
      long responseId,
      int number,
      boolean active) {}

  static final String TALLY_COLUMNS =
      "participants, score_sum, score_sq_sum, grades, histogram, task_sums, grade_task_sums,"
          + " journal, identical_max, identical_count, schools, school_mean_sum,"
          + " school_mean_sq_sum";

  private final DatabaseClient db;
  private final JsonMapper json;

  ResultsStore(DatabaseClient db, JsonMapper json) {
    this.db = db;
    this.json = json;
  }

  // --- subjects and scales

  /**
   * The campaign subject with its tasks (or, without them, the criteria its scoring events carried)
   * and scale; empty when the campaign does not list it.
   */
  Mono<Subject> subject(long campaignId, String subjectKey) {
    return db.sql(
            "select c.subjects, s.boundaries, k.codes, k.maxima from "
                + CampaignReadModel.campaigns()
                + " c left join result_grade_scale s on s.campaign_id = c.id"
                + " and s.subject_key = :subject"
                + " left join result_criteria k on k.campaign_id = c.id"
                + " and k.subject_key = :subject where c.id = :campaign")
        .bind("campaign", campaignId)
        .bind("subject", subjectKey)
        .map(
            row -> {
              JsonNode subjects = json.readTree(row.get("subjects", Json.class).asString());
              Integer[] boundaries = row.get("boundaries", Integer[].class);
              for (JsonNode s : subjects) {
                if (!subjectKey.equals(s.path("key").asString())) {
                  continue;
                }
                List<String> labels = new ArrayList<>();
                List<Integer> max = new ArrayList<>();
                for (JsonNode t : s.path("tasks")) {
                  labels.add(t.path("label").asString());
                  max.add(t.path("maxScore").asInt());
                }
                String[] codes = row.get("codes", String[].class);
                Integer[] maxima = row.get("maxima", Integer[].class);
                if (labels.isEmpty() && codes != null && maxima != null) {
                  // No tasks of its own (an ОМК subject): the scoring scheme's criteria.
                  labels.addAll(List.of(codes));
                  max.addAll(List.of(maxima));
                }
                return java.util.Optional.of(
                    new Subject(
                        campaignId,
                        subjectKey,
                        s.path("name").asString(subjectKey),
                        List.copyOf(labels),
                        max.stream().mapToInt(Integer::intValue).toArray(),
                        boundaries == null ? null : unbox(boundaries)));
              }
              return java.util.Optional.<Subject>empty();
            })
        .one()
        .flatMap(Mono::justOrEmpty);
  }

  record Scale(int[] boundaries, Instant updatedAt, String updatedBy) {}

  Mono<Scale> scale(long campaignId, String subjectKey) {
    return db.sql(
            "select boundaries, updated_at, updated_by from result_grade_scale"
                + " where campaign_id = :c and subject_key = :s")
        .bind("c", campaignId)
        .bind("s", subjectKey)
        .map(
            r ->
                new Scale(
                    unbox(r.get("boundaries", Integer[].class)),
                    r.get("updated_at", Instant.class),
                    r.get("updated_by", String.class)))
        .one();
  }

  Mono<Void> putScale(long campaignId, String subjectKey, int[] boundaries, Instant at, String by) {
    return db.sql(
            """
            insert into result_grade_scale (campaign_id, subject_key, boundaries, updated_at,
                updated_by) values (:c, :s, :b, :at, :by)
            on conflict (campaign_id, subject_key) do update set boundaries = excluded.boundaries,
                updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """)
        .bind("c", campaignId)
        .bind("s", subjectKey)
        .bind("b", box(boundaries))
        .bind("at", at)
        .bind("by", by)
        .then();
  }

  /** Serializes the writes of one campaign subject (a protocol, a new scale) until commit. */
  Mono<Void> lock(long campaignId, String subjectKey) {
    return db.sql("select pg_advisory_xact_lock(hashtext('results'), hashtext(:k))")
        .bind("k", campaignId + "/" + subjectKey)
        .fetch()
        .rowsUpdated()
        .then();
  }

  // --- protocols

  Mono<Place> place(long organizationId) {
    return db.sql("select id, region_code, municipality_id from organization where id = :id")
        .bind("id", organizationId)
        .map(
            r ->
                new Place(
                    r.get("id", Long.class),
                    r.get("region_code", String.class),
                    r.get("municipality_id", Long.class)))
        .one();
  }

  Mono<Applied> applied(long campaignId, String subjectKey, long organizationId) {
    return db.sql(
            "select * from result_protocol where campaign_id = :c and subject_key = :s"
                + " and organization_id = :o")
        .bind("c", campaignId)
        .bind("s", subjectKey)
        .bind("o", organizationId)
        .map(ResultsStore::applied)
        .one();
  }

  Mono<Applied> appliedByResponse(long responseId) {
    return db.sql("select * from result_protocol where response_id = :r")
        .bind("r", responseId)
        .map(ResultsStore::applied)
        .one();
  }

  Flux<Applied> activeProtocols(long campaignId, String subjectKey) {
    return db.sql(
            "select * from result_protocol where campaign_id = :c and subject_key = :s"
                + " and active order by organization_id")
        .bind("c", campaignId)
        .bind("s", subjectKey)
        .map(ResultsStore::applied)
        .all();
  }

  private static Applied applied(Readable r) {
    return new Applied(
        r.get("campaign_id", Long.class),
        r.get("subject_key", String.class),
        r.get("organization_id", Long.class),
        r.get("region_code", String.class),
        r.get("municipality_id", Long.class),
        r.get("response_id", Long.class),
        r.get("number", Integer.class),
        r.get("active", Boolean.class));
  }

  Mono<Void> putProtocol(
      long campaignId,
      String subjectKey,
      Place place,
      long formId,
      long responseId,
      int number,
      boolean active,
      Instant at) {
    return db.sql(
            """
            insert into result_protocol (campaign_id, subject_key, organization_id, region_code,
                municipality_id, form_id, response_id, number, active, updated_at)
            values (:c, :s, :o, :r, :m, :f, :resp, :n, :a, :at)
            on conflict (campaign_id, subject_key, organization_id) do update set
                region_code = excluded.region_code, municipality_id = excluded.municipality_id,
                form_id = excluded.form_id, response_id = excluded.response_id,
                number = excluded.number, active = excluded.active, updated_at = excluded.updated_at
            """)
        .bind("c", campaignId)
        .bind("s", subjectKey)
        .bind("o", place.organizationId())
        .bind("r", place.regionCode())
        .bind("m", Parameter.fromOrEmpty(place.municipalityId(), Long.class))
        .bind("f", formId)
        .bind("resp", responseId)
        .bind("n", number)
        .bind("a", active)
        .bind("at", at)
        .then();
  }

  // --- participants

  Mono<Void> replaceParticipants(
      long campaignId, String subjectKey, long organizationId, List<Participant> participants) {
    Mono<Void> delete =
        db.sql(
                "delete from result_participant where campaign_id = :c and subject_key = :s"
                    + " and organization_id = :o")
            .bind("c", campaignId)
            .bind("s", subjectKey)
            .bind("o", organizationId)
            .then();
    if (participants.isEmpty()) {
      return delete;
    }
    int n = participants.size();
    String[] codes = new String[n];
    String[] classes = new String[n];
    Integer[] variants = new Integer[n];
    String[] scores = new String[n];
    Integer[] totals = new Integer[n];
    Integer[] grades = new Integer[n];
    Integer[] journals = new Integer[n];
    for (int i = 0; i < n; i++) {
      Participant p = participants.get(i);
      codes[i] = p.code();
      classes[i] = p.classLetter();
      variants[i] = p.variant();
      scores[i] = pgArray(p.scores());
      totals[i] = p.total();
      grades[i] = p.grade();
      journals[i] = p.journalGrade();
    }
    return delete.then(
        db.sql(
                """
                insert into result_participant (campaign_id, subject_key, organization_id, code,
                    class_letter, variant, scores, total, grade, journal_grade)
                select :c, :s, :o, code, cls, var, cast(sc as smallint[]), tot, gr, jg
                from unnest(cast(:codes as text[]), cast(:classes as text[]),
                            cast(:variants as integer[]), cast(:scores as text[]),
                            cast(:totals as integer[]), cast(:grades as integer[]),
                            cast(:journals as integer[])) as p(code, cls, var, sc, tot, gr, jg)
                on conflict do nothing
                """)
            .bind("c", campaignId)
            .bind("s", subjectKey)
            .bind("o", organizationId)
            .bind("codes", codes)
            .bind("classes", classes)
            .bind("variants", variants)
            .bind("scores", scores)
            .bind("totals", totals)
            .bind("grades", grades)
            .bind("journals", journals)
            .then());
  }

  Flux<Participant> participants(long campaignId, String subjectKey, long organizationId) {
    return db.sql(
            "select code, class_letter, variant, scores, total, grade, journal_grade"
                + " from result_participant where campaign_id = :c and subject_key = :s"
                + " and organization_id = :o order by class_letter, code")
        .bind("c", campaignId)
        .bind("s", subjectKey)
        .bind("o", organizationId)
        .map(ResultsStore::participant)
        .all();
  }

  static Participant participant(Readable r) {
    Short[] scores = r.get("scores", Short[].class);
    int[] s = new int[scores.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = scores[i];
    }
    Short variant = r.get("variant", Short.class);
    Short grade = r.get("grade", Short.class);
    Short journal = r.get("journal_grade", Short.class);
    return new Participant(
        r.get("code", String.class),
        r.get("class_letter", String.class),
        variant == null ? null : variant.intValue(),
        s,
        r.get("total", Integer.class),
        grade == null ? null : grade.intValue(),
        journal == null ? null : journal.intValue());
  }

  /** Grades every participant of the subject again by the scale, in one statement. */
  Mono<Long> regrade(long campaignId, String subjectKey, int[] b) {
    return db.sql(
            """
            update result_participant set grade = 2 + (case when total >= :b3 then 1 else 0 end)
                + (case when total >= :b4 then 1 else 0 end)
                + (case when total >= :b5 then 1 else 0 end)
            where campaign_id = :c and subject_key = :s
            """)
        .bind("c", campaignId)
        .bind("s", subjectKey)
        .bind("b3", b[0])
        .bind("b4", b[1])
        .bind("b5", b[2])
        .fetch()
        .rowsUpdated();
  }

  // --- tallies

  Mono<Tally> organizationTally(long campaignId, String subjectKey, long organizationId) {
    return db.sql(
            "select "
                + TALLY_COLUMNS
                + " from result_tally where campaign_id = :c and subject_key = :s"
                + " and level = 'ORGANIZATION' and unit = :u")
        .bind("c", campaignId)
        .bind("s", subjectKey)
        .bind("u", Long.toString(organizationId))
        .map(ResultsStore::tally)
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
   * organization, added in SQL so that concurrent writers never lose each other's.
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
                    + " municipality_id, "
                    + TALLY_COLUMNS
                    + ") values (:c, :s, :l, :u, :r, :m, "
                    + TALLY_VALUES
                    + ") on conflict (campaign_id, subject_key, level, unit) do update set"
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

  private static String setAll() {
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
        .bind("grades", box(t.grades()))
        .bind("histogram", box(t.histogram()))
        .bind("task_sums", box(t.taskSums()))
        .bind("grade_task_sums", box(t.gradeTaskSums()))
        .bind("journal", box(t.journal()))
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
        unbox(r.get("grades", Integer[].class)),
        unbox(r.get("histogram", Integer[].class)),
        unbox(r.get("task_sums", Integer[].class)),
        unbox(r.get("grade_task_sums", Integer[].class)),
        unbox(r.get("journal", Integer[].class)),
        r.get("identical_max", Integer.class),
        r.get("identical_count", Integer.class),
        r.get("schools", Integer.class),
        r.get("school_mean_sum", Double.class),
        r.get("school_mean_sq_sum", Double.class));
  }

  static Integer[] box(int[] a) {
    Integer[] out = new Integer[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i];
    }
    return out;
  }

  static int[] unbox(Integer[] a) {
    if (a == null) {
      return new int[0];
    }
    int[] out = new int[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] == null ? 0 : a[i];
    }
    return out;
  }

  private static String pgArray(int[] a) {
    StringBuilder s = new StringBuilder("{");
    for (int i = 0; i < a.length; i++) {
      if (i > 0) {
        s.append(',');
      }
      s.append(a[i]);
    }
    return s.append('}').toString();
  }
}
