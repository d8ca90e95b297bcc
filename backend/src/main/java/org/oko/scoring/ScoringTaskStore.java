package org.oko.scoring;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import org.oko.campaigns.CampaignReadModel;
import org.oko.platform.web.Paging;
import org.oko.scans.ScoredWorks;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * ExpertStore' tasks: one expert's scoring of one work in one round. Tells scans whether a subject
 * has scored works ({@link ScoredWorks}).
 */
@Component
class ScoringTaskStore implements ScoredWorks {

  /** The score an expert gave for one criterion. */
  record Score(String code, int score) {}

  /**
   * A task as stored.
   *
   * @param scores null until scored
   */
  record TaskRow(
      long id,
      long campaignId,
      String subjectKey,
      String subjectName,
      long kitNumber,
      long organizationId,
      String regionCode,
      int round,
      String expertLogin,
      List<Score> scores,
      Integer total,
      Instant assignedAt,
      Instant scoredAt) {

    boolean scored() {
      return scoredAt != null;
    }
  }

  private static final TypeReference<List<Score>> SCORES = new TypeReference<>() {};

  private static final String SELECT =
      """
      select t.id, t.campaign_id, t.subject_key, t.kit_number, t.organization_id, t.region_code,
             t.round, t.expert_login, t.scores::text as scores, t.total, t.assigned_at,
             t.scored_at, %s as subject_name
      from scoring_task t
      """
          .formatted(CampaignReadModel.subjectName("t.campaign_id", "t.subject_key"));

  private final DatabaseClient db;
  private final JsonMapper json;

  ScoringTaskStore(DatabaseClient db, JsonMapper json) {
    this.db = db;
    this.json = json;
  }

  /** The task if it is this expert's. */
  @Override
  public Mono<Boolean> anyScored(long campaignId, String subjectKey) {
    return db.sql(
            "select 1 from scoring_task where campaign_id = :c and subject_key = :s"
                + " and scored_at is not null limit 1")
        .bind("c", campaignId)
        .bind("s", subjectKey)
        .map(r -> true)
        .first()
        .defaultIfEmpty(false);
  }

  Mono<TaskRow> ofExpert(long taskId, String login) {
    return db.sql(SELECT + " where t.id = :id and t.expert_login = :login")
        .bind("id", taskId)
        .bind("login", login)
        .map(this::toRow)
        .one();
  }

  Mono<Long> count(String login, Boolean scored) {
    return db.sql(
            "select count(*) as n from scoring_task t where t.expert_login = :login"
                + " and (cast(:scored as boolean) is null"
                + " or (t.scored_at is not null) = :scored)")
        .bind("login", login)
        .bind("scored", Parameter.fromOrEmpty(scored, Boolean.class))
        .map(r -> r.get("n", Long.class))
        .one();
  }

  /** The expert's tasks, open ones first (oldest first), then the scored ones. */
  Flux<TaskRow> page(String login, Boolean scored, Paging paging) {
    return db.sql(
            SELECT
                + " where t.expert_login = :login"
                + " and (cast(:scored as boolean) is null"
                + " or (t.scored_at is not null) = :scored)"
                + " order by t.scored_at nulls first, t.id limit :limit offset :offset")
        .bind("login", login)
        .bind("scored", Parameter.fromOrEmpty(scored, Boolean.class))
        .bind("limit", paging.size())
        .bind("offset", paging.offset())
        .map(this::toRow)
        .all();
  }

  /**
   * Every task of the work, by round, locked until the transaction ends: two experts scoring the
   * same work at once are decided one after the other.
   */
  Flux<TaskRow> ofWorkLocked(long campaignId, String subjectKey, long kitNumber) {
    return db.sql(
            SELECT
                + " where t.campaign_id = :campaign and t.subject_key = :subject"
                + " and t.kit_number = :kit order by t.round for update of t")
        .bind("campaign", campaignId)
        .bind("subject", subjectKey)
        .bind("kit", kitNumber)
        .map(this::toRow)
        .all();
  }

  /**
   * Waits for any other distribution of the subject's works in the region; call it in a
   * transaction.
   */
  Mono<Void> lockDistribution(long campaignId, String subjectKey, String regionCode) {
    return db.sql("select pg_advisory_xact_lock(hashtext(:key))")
        .bind("key", "scoring:" + campaignId + ":" + subjectKey + ":" + regionCode)
        .then();
  }

  /** How many works of the subject in the region already have a first expert. */
  Mono<Long> distributed(long campaignId, String regionCode, String subjectKey) {
    return db.sql(
            "select count(*) as n from scoring_task where campaign_id = :campaign"
                + " and region_code = :region and subject_key = :subject and round = 1")
        .bind("campaign", campaignId)
        .bind("region", regionCode)
        .bind("subject", subjectKey)
        .map(r -> r.get("n", Long.class))
        .one();
  }

  /**
   * Works of the subject in the region whose first two experts disagree and that have no third
   * expert yet (none was eligible when the discrepancy arose), with the experts they had.
   */
  Flux<Assignment.AwaitingThird> awaitingThird(
      long campaignId, String regionCode, String subjectKey) {
    return db.sql(
            """
            select t.kit_number, t.organization_id, array_agg(t.expert_login) as experts
            from scoring_outcome o
            join scoring_task t on t.campaign_id = o.campaign_id
                 and t.subject_key = o.subject_key and t.kit_number = o.kit_number
            where o.campaign_id = :campaign and o.subject_key = :subject
              and o.status = 'DISCREPANCY' and t.region_code = :region
            group by t.kit_number, t.organization_id
            having bool_and(t.round <> 3)
            order by t.organization_id, t.kit_number
            """)
        .bind("campaign", campaignId)
        .bind("region", regionCode)
        .bind("subject", subjectKey)
        .map(
            r ->
                new Assignment.AwaitingThird(
                    new org.oko.scans.SheetDirectory.Work(
                        r.get("organization_id", Long.class),
                        regionCode,
                        r.get("kit_number", Long.class)),
                    java.util.Set.of(r.get("experts", String[].class))))
        .all();
  }

  Mono<Void> saveScores(long taskId, List<Score> scores, int total, Instant at) {
    return Mono.fromCallable(() -> json.writeValueAsString(scores))
        .flatMap(
            payload ->
                db.sql(
                        "update scoring_task set scores = :scores, total = :total,"
                            + " scored_at = :at where id = :id")
                    .bind("scores", Json.of(payload))
                    .bind("total", total)
                    .bind("at", at)
                    .bind("id", taskId)
                    .then());
  }

  /** Creates the tasks in one statement; a task that exists already is a unique violation. */
  Mono<Void> insert(
      long campaignId,
      String subjectKey,
      String regionCode,
      List<Assignment.Task> tasks,
      Instant at) {
    if (tasks.isEmpty()) {
      return Mono.empty();
    }
    return db.sql(
            """
            insert into scoring_task (campaign_id, subject_key, kit_number, organization_id,
                                      region_code, round, expert_login, assigned_at)
            select :campaign, :subject, x.kit, x.org, :region, x.round, x.expert, :at
            from unnest(:kits, :orgs, :rounds, :experts) as x(kit, org, round, expert)
            """)
        .bind("campaign", campaignId)
        .bind("subject", subjectKey)
        .bind("region", regionCode)
        .bind("kits", tasks.stream().map(t -> t.work().kitNumber()).toArray(Long[]::new))
        .bind("orgs", tasks.stream().map(t -> t.work().organizationId()).toArray(Long[]::new))
        .bind("rounds", tasks.stream().map(Assignment.Task::round).toArray(Integer[]::new))
        .bind("experts", tasks.stream().map(Assignment.Task::expertLogin).toArray(String[]::new))
        .bind("at", at)
        .then();
  }

  private TaskRow toRow(Readable r) {
    String scores = r.get("scores", String.class);
    return new TaskRow(
        r.get("id", Long.class),
        r.get("campaign_id", Long.class),
        r.get("subject_key", String.class),
        r.get("subject_name", String.class),
        r.get("kit_number", Long.class),
        r.get("organization_id", Long.class),
        r.get("region_code", String.class),
        r.get("round", Integer.class),
        r.get("expert_login", String.class),
        scores == null ? null : json.readValue(scores, SCORES),
        r.get("total", Integer.class),
        r.get("assigned_at", Instant.class),
        r.get("scored_at", Instant.class));
  }
}
