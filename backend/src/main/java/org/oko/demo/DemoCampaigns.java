package org.oko.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One campaign of each kind, scheduled around the day the demo starts so that each shows a
 * different moment of a campaign's life: the ВПР in verification (sample published, municipal
 * coordinators verify), an autumn ВПР collecting results protocols, the СПО study collecting
 * preliminary lists, the ОМК being conducted.
 */
@Component
class DemoCampaigns {

  static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

  /** The maximum score of each task of the ВПР in mathematics, classes 4 and 5 (the criteria). */
  static final int[] MATH_4_TASKS = {1, 1, 1, 2, 1, 1, 1, 2, 2, 2, 2, 4};

  static final int[] MATH_5_TASKS = {1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 2, 2, 2, 3};

  static final String VPR_SUBJECTS =
      """
      [{"key":"rus-4","name":"Русский язык","grade":4,"maxScore":38},
       {"key":"math-4","name":"Математика","grade":4,"maxScore":20,"tasks":%s},
       {"key":"okr-4","name":"Окружающий мир","grade":4,"maxScore":32},
       {"key":"rus-5","name":"Русский язык","grade":5,"maxScore":45},
       {"key":"math-5","name":"Математика","grade":5,"maxScore":20,"tasks":%s},
       {"key":"hist-5","name":"История","grade":5,"maxScore":15},
       {"key":"bio-5","name":"Биология","grade":5,"maxScore":29}]
      """
          .formatted(tasks(MATH_4_TASKS), tasks(MATH_5_TASKS));

  /** The title of the second demo ВПР, whose results protocols are being collected now. */
  static final String VPR_AUTUMN = "ВПР-2025, осень";

  private static final String SPO_SUBJECTS =
      """
      [{"key":"rus","name":"Русский язык"},{"key":"math","name":"Математика"},
       {"key":"hist","name":"История"},{"key":"nat","name":"Естествознание"}]
      """;

  static final String OMK_SUBJECTS =
      """
      [{"key":"rus","name":"Русский язык"},{"key":"math","name":"Математика"}]
      """;

  private final DatabaseClient db;

  DemoCampaigns(DatabaseClient db) {
    this.db = db;
  }

  Mono<Boolean> exist() {
    return db.sql("select exists (select 1 from campaign) as e")
        .map(r -> r.get("e", Boolean.class))
        .one();
  }

  Mono<Void> create(Instant now) {
    Instant day0 = LocalDate.ofInstant(now, MOSCOW).atStartOfDay(MOSCOW).toInstant();
    return campaign("VPR", "ВПР-2026, весна", VPR_SUBJECTS, List.of("64", "02", "25"))
        .flatMap(
            id ->
                stages(
                        id,
                        day0,
                        "PRELIMINARY_LIST",
                        -60,
                        -45,
                        "VERIFICATION",
                        -45,
                        7,
                        "APPLICATION",
                        7,
                        14,
                        "CONTEXT_DATA",
                        14,
                        21,
                        "MATERIALS",
                        21,
                        28,
                        "CONDUCT",
                        28,
                        42,
                        "RESULTS_PROTOCOL",
                        42,
                        49,
                        "REPORTS",
                        60,
                        90)
                    .then(publishedSample(id, "SCHOOL", "rus-4,math-4,okr-4,rus-5,math-5")))
        .then(campaign("VPR", VPR_AUTUMN, VPR_SUBJECTS, List.of("64", "02")))
        .flatMap(
            id ->
                stages(
                        id,
                        day0,
                        "PRELIMINARY_LIST",
                        -120,
                        -100,
                        "VERIFICATION",
                        -100,
                        -80,
                        "APPLICATION",
                        -80,
                        -70,
                        "CONTEXT_DATA",
                        -70,
                        -60,
                        "MATERIALS",
                        -60,
                        -20,
                        "CONDUCT",
                        -20,
                        -5,
                        "RESULTS_PROTOCOL",
                        -5,
                        10,
                        "REPORTS",
                        25,
                        60)
                    .then(publishedSample(id, "SCHOOL", "rus-4,math-4,math-5")))
        .then(campaign("SPO", "Исследование СПО 2026", SPO_SUBJECTS, List.of("64", "02")))
        .flatMap(
            id ->
                stages(
                    id,
                    day0,
                    "PRELIMINARY_LIST",
                    -3,
                    12,
                    "VERIFICATION",
                    12,
                    20,
                    "CONTEXT_DATA",
                    20,
                    30,
                    "MATERIALS",
                    30,
                    35,
                    "CONDUCT",
                    35,
                    40,
                    "SCANNING",
                    40,
                    50,
                    "REPORTS",
                    70,
                    100))
        .then(campaign("OMK", "ОМК учителей 2026", OMK_SUBJECTS, List.of("64", "25")))
        .flatMap(
            id ->
                stages(
                        id,
                        day0,
                        "PRELIMINARY_LIST",
                        -50,
                        -40,
                        "VERIFICATION",
                        -40,
                        -30,
                        "MATERIALS",
                        -30,
                        -1,
                        "CONDUCT",
                        -1,
                        2,
                        "RESULTS_PROTOCOL",
                        2,
                        9,
                        "QUESTIONNAIRE",
                        9,
                        16,
                        "REPORTS",
                        30,
                        60)
                    .then(publishedSample(id, "ASSESSMENT_POINT", "rus,math")));
  }

  /** The tasks of a subject, numbered from 1, with their maximum scores (the criteria). */
  private static String tasks(int... maxima) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < maxima.length; i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"label\":\"")
          .append(i + 1)
          .append("\",\"maxScore\":")
          .append(maxima[i])
          .append('}');
    }
    return json.append(']').toString();
  }

  Mono<Long> campaign(String kind, String title, String subjects, List<String> regions) {
    return db.sql(
            "insert into campaign (kind, title, academic_year, subjects, created_at, created_by)"
                + " values (:kind, :title, '2025/2026', cast(:subjects as jsonb), now(),"
                + " 'federal') returning id")
        .bind("kind", kind)
        .bind("title", title)
        .bind("subjects", subjects)
        .map(r -> r.get("id", Long.class))
        .one()
        .flatMap(
            id ->
                db.sql(
                        "insert into campaign_region (campaign_id, region_code)"
                            + " select :id, c from unnest(cast(:codes as text[])) c")
                    .bind("id", id)
                    .bind("codes", regions.toArray(String[]::new))
                    .then()
                    .thenReturn(id));
  }

  /** Stages as (code, first day, day after the last) relative to the demo's first day. */
  Mono<Void> stages(long campaignId, Instant day0, Object... windows) {
    return Flux.range(0, windows.length / 3)
        .concatMap(
            i ->
                db.sql(
                        "insert into campaign_stage (campaign_id, code, opens_at, closes_at)"
                            + " values (:id, :code, :opens, :closes)")
                    .bind("id", campaignId)
                    .bind("code", windows[i * 3])
                    .bind("opens", day0.plus(Duration.ofDays((Integer) windows[i * 3 + 1])))
                    .bind("closes", day0.plus(Duration.ofDays((Integer) windows[i * 3 + 2])))
                    .then())
        .then();
  }

  /**
   * Every organization of the kind in the campaign's regions, selected and published, with
   * attributes taken from the organization.
   */
  Mono<Void> publishedSample(long campaignId, String kind, String subjects) {
    return db.sql(
            """
            insert into sample_entry (campaign_id, organization_id, region_code, status,
                participants, institution_type, settlement_type, education_levels, subjects)
            select :id, o.id, o.region_code, 'SELECTED', 20 + (o.id % 7) * 15,
                   case when o.kind = 'SCHOOL' then 'Средняя общеобразовательная школа'
                        else 'Пункт проведения оценки' end,
                   o.settlement_type, o.education_levels, string_to_array(:subjects, ',')
            from organization o
            join campaign_region cr on cr.campaign_id = :id and cr.region_code = o.region_code
            where o.kind = :kind
            """)
        .bind("id", campaignId)
        .bind("kind", kind)
        .bind("subjects", subjects)
        .then()
        .then(
            db.sql(
                    "insert into sample_publication (campaign_id, region_code, published_at,"
                        + " published_by)"
                        + " select :id, region_code, now(), 'federal' from campaign_region"
                        + " where campaign_id = :id")
                .bind("id", campaignId)
                .then());
  }
}
