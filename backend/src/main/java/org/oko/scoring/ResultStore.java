package org.oko.scoring;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import org.oko.orgs.ScopeCondition;
import org.oko.orgs.Visibility;
import org.oko.platform.web.Paging;
import org.oko.scoring.ScoringTaskStore.Score;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** What the experts decided about each work, and the results as coordinators see them. */
@Component
class ResultStore {

  /** One round's total (null until scored), without the expert. */
  record RoundTotal(int round, Integer total) {}

  /**
   * A work's result.
   *
   * @param status null while being scored, else DISCREPANCY or FINAL
   */
  record ResultRow(
      long organizationId,
      String organizationLogin,
      String organizationName,
      String regionCode,
      Long municipalityId,
      String municipalityName,
      String subjectKey,
      long kitNumber,
      String status,
      List<Score> scores,
      Integer total,
      List<RoundTotal> rounds) {}

  /** The works a list is narrowed to: the caller's scope plus the request's filters. */
  record Filter(Visibility scope, String regionCode, Long organizationId, String subjectKey) {

    static Filter of(Visibility scope, String regionCode, Long organizationId, String subject) {
      return new Filter(scope, regionCode, organizationId, subject);
    }

    ScopeCondition condition() {
      return scope.condition(ScopeCondition.Columns.ofRowsIn("t"));
    }
  }

  private static final TypeReference<List<Score>> SCORES = new TypeReference<>() {};
  private static final TypeReference<List<RoundTotal>> ROUNDS = new TypeReference<>() {};

  private static final String WHERE =
      """
      where t.campaign_id = :campaign and t.round = 1
        and (cast(:region as text) is null or t.region_code = :region)
        and (cast(:organization as bigint) is null or t.organization_id = :organization)
        and (cast(:subject as text) is null or t.subject_key = :subject)
      """;

  private final DatabaseClient db;
  private final JsonMapper json;

  ResultStore(DatabaseClient db, JsonMapper json) {
    this.db = db;
    this.json = json;
  }

  /** Whether the work's result is settled. */
  Mono<Boolean> isFinal(long campaignId, String subjectKey, long kitNumber) {
    return db.sql(
            "select exists (select 1 from scoring_outcome where campaign_id = :campaign"
                + " and subject_key = :subject and kit_number = :kit and status = 'FINAL')"
                + " as settled")
        .bind("campaign", campaignId)
        .bind("subject", subjectKey)
        .bind("kit", kitNumber)
        .map(r -> r.get("settled", Boolean.class))
        .one();
  }

  /** Records the decision; a null {@code status} (still being scored) removes any. */
  Mono<Void> record(
      long campaignId,
      String subjectKey,
      long kitNumber,
      String status,
      List<Score> scores,
      Integer total,
      Instant at) {
    if (status == null) {
      return db.sql(
              "delete from scoring_outcome where campaign_id = :campaign"
                  + " and subject_key = :subject and kit_number = :kit")
          .bind("campaign", campaignId)
          .bind("subject", subjectKey)
          .bind("kit", kitNumber)
          .then();
    }
    return Mono.fromCallable(() -> scores == null ? "null" : json.writeValueAsString(scores))
        .flatMap(
            payload ->
                db.sql(
                        """
                        insert into scoring_outcome (campaign_id, subject_key, kit_number, status,
                                                     scores, total, decided_at)
                        values (:campaign, :subject, :kit, :status,
                                nullif(:scores, 'null'::jsonb), :total, :at)
                        on conflict (campaign_id, subject_key, kit_number) do update
                          set status = excluded.status, scores = excluded.scores,
                              total = excluded.total, decided_at = excluded.decided_at
                        """)
                    .bind("campaign", campaignId)
                    .bind("subject", subjectKey)
                    .bind("kit", kitNumber)
                    .bind("status", status)
                    .bind("scores", Json.of(payload))
                    .bind("total", Parameter.fromOrEmpty(total, Integer.class))
                    .bind("at", at)
                    .then());
  }

  Mono<Long> count(long campaignId, Filter filter) {
    return bind(
            db.sql(
                "select count(*) as n from scoring_task t"
                    + " join organization o on o.id = t.organization_id "
                    + WHERE
                    + filter.condition().and()),
            campaignId,
            filter)
        .map(r -> r.get("n", Long.class))
        .one();
  }

  Flux<ResultRow> page(long campaignId, Filter filter, Paging paging) {
    return bind(
            db.sql(
                """
                select t.organization_id, o.login as org_login, o.name as org_name,
                       o.region_code, o.municipality_id, m.name as municipality,
                       t.subject_key, t.kit_number, r.status, r.scores::text as scores, r.total,
                       (select json_agg(json_build_object('round', x.round, 'total', x.total)
                                        order by x.round)
                          from scoring_task x
                         where x.campaign_id = t.campaign_id and x.subject_key = t.subject_key
                           and x.kit_number = t.kit_number)::text as rounds
                from scoring_task t
                join organization o on o.id = t.organization_id
                left join municipality m on m.id = o.municipality_id
                left join scoring_outcome r on r.campaign_id = t.campaign_id
                     and r.subject_key = t.subject_key and r.kit_number = t.kit_number
                """
                    + WHERE
                    + filter.condition().and()
                    + " order by o.login, t.subject_key, t.kit_number limit :limit offset :offset"),
            campaignId,
            filter)
        .bind("limit", paging.size())
        .bind("offset", paging.offset())
        .map(this::toRow)
        .all();
  }

  private static GenericExecuteSpec bind(GenericExecuteSpec spec, long campaignId, Filter f) {
    return f.condition()
        .bind(spec)
        .bind("campaign", campaignId)
        .bind("region", Parameter.fromOrEmpty(f.regionCode(), String.class))
        .bind("organization", Parameter.fromOrEmpty(f.organizationId(), Long.class))
        .bind("subject", Parameter.fromOrEmpty(f.subjectKey(), String.class));
  }

  private ResultRow toRow(Readable r) {
    String scores = r.get("scores", String.class);
    String rounds = r.get("rounds", String.class);
    return new ResultRow(
        r.get("organization_id", Long.class),
        r.get("org_login", String.class),
        r.get("org_name", String.class),
        r.get("region_code", String.class),
        r.get("municipality_id", Long.class),
        r.get("municipality", String.class),
        r.get("subject_key", String.class),
        r.get("kit_number", Long.class),
        r.get("status", String.class),
        scores == null ? List.of() : json.readValue(scores, SCORES),
        r.get("total", Integer.class),
        rounds == null ? List.of() : json.readValue(rounds, ROUNDS));
  }
}
