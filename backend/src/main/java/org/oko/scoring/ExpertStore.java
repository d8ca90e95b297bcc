package org.oko.scoring;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import org.oko.identity.AccountReadModel;
import org.oko.platform.web.Paging;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The experts of campaigns: who they are, where they work, what they score, their workload. */
@Component
class ExpertStore {

  /** An expert as listed, with the organization they work at and their workload. */
  record ExpertRow(
      String login,
      String displayName,
      String regionCode,
      long organizationId,
      String organizationLogin,
      String organizationName,
      String organizationRegion,
      Long municipalityId,
      String municipalityName,
      List<String> subjects,
      int assigned,
      int scored,
      String approval,
      String decidedBy,
      Instant decidedAt,
      String decisionReason) {}

  /** An expert who may take a work, and how many works they already have in the campaign. */
  record Candidate(String login, long organizationId, int load) {}

  private static final String SELECT =
      """
      select e.login, a.display_name, e.region_code, e.subjects, e.approval, e.decided_by,
             e.decided_at, e.decision_reason,
             o.id as org_id, o.login as org_login, o.name as org_name,
             o.region_code as org_region, o.municipality_id, m.name as municipality,
             (select count(*) from scoring_task t
               where t.campaign_id = e.campaign_id and t.expert_login = e.login) as assigned,
             (select count(*) from scoring_task t
               where t.campaign_id = e.campaign_id and t.expert_login = e.login
                 and t.scored_at is not null) as scored
      from expert e
      join %s a on a.login = e.login
      join organization o on o.id = e.organization_id
      left join municipality m on m.id = o.municipality_id
      """
          .formatted(AccountReadModel.accounts());

  private static final String FILTER =
      """
      where e.campaign_id = :campaign
        and (cast(:region as text) is null or e.region_code = :region)
        and (cast(:subject as text) is null or :subject = any(e.subjects))
        and (cast(:approval as text) is null or e.approval = :approval)
      """;

  private final DatabaseClient db;

  ExpertStore(DatabaseClient db) {
    this.db = db;
  }

  Mono<Long> count(long campaignId, String regionCode, String subjectKey, String approval) {
    return db.sql("select count(*) as n from expert e " + FILTER)
        .bind("campaign", campaignId)
        .bind("region", Parameter.fromOrEmpty(regionCode, String.class))
        .bind("subject", Parameter.fromOrEmpty(subjectKey, String.class))
        .bind("approval", Parameter.fromOrEmpty(approval, String.class))
        .map(r -> r.get("n", Long.class))
        .one();
  }

  Flux<ExpertRow> page(
      long campaignId, String regionCode, String subjectKey, String approval, Paging paging) {
    return db.sql(SELECT + FILTER + " order by e.region_code, e.login limit :limit offset :offset")
        .bind("campaign", campaignId)
        .bind("region", Parameter.fromOrEmpty(regionCode, String.class))
        .bind("subject", Parameter.fromOrEmpty(subjectKey, String.class))
        .bind("approval", Parameter.fromOrEmpty(approval, String.class))
        .bind("limit", paging.size())
        .bind("offset", paging.offset())
        .map(ExpertStore::toRow)
        .all();
  }

  Mono<ExpertRow> one(long campaignId, String login) {
    return db.sql(SELECT + " where e.campaign_id = :campaign and e.login = :login")
        .bind("campaign", campaignId)
        .bind("login", login)
        .map(ExpertStore::toRow)
        .one();
  }

  /**
   * Registers the expert in the campaign, or updates where they work and what they score. The
   * federal organizer's registration is its agreement (APPROVED); a region's proposes the expert,
   * and proposes again one that was rejected; an agreed expert stays agreed.
   */
  Mono<Void> upsert(
      long campaignId,
      String login,
      String regionCode,
      long organizationId,
      List<String> subjects,
      boolean byFederal,
      String by,
      Instant at) {
    return db.sql(
            """
            insert into expert (campaign_id, login, region_code, organization_id, subjects,
                                created_at, approval, decided_by, decided_at)
            values (:campaign, :login, :region, :organization, :subjects, :at,
                    case when :federal then 'APPROVED' else 'PROPOSED' end,
                    case when :federal then :by end, case when :federal then :at end)
            on conflict (campaign_id, login) do update set region_code = excluded.region_code,
                organization_id = excluded.organization_id, subjects = excluded.subjects,
                approval = case when :federal then 'APPROVED'
                                when expert.approval = 'REJECTED' then 'PROPOSED'
                                else expert.approval end,
                decided_by = case when :federal then :by
                                  when expert.approval = 'REJECTED' then null
                                  else expert.decided_by end,
                decided_at = case when :federal then :at
                                  when expert.approval = 'REJECTED' then null
                                  else expert.decided_at end,
                decision_reason = case when :federal or expert.approval = 'REJECTED' then null
                                       else expert.decision_reason end
            """)
        .bind("campaign", campaignId)
        .bind("login", login)
        .bind("region", regionCode)
        .bind("organization", organizationId)
        .bind("subjects", subjects.toArray(String[]::new))
        .bind("federal", byFederal)
        .bind("by", by)
        .bind("at", at)
        .then();
  }

  /** Records the federal organizer's decision on the expert; in the caller's transaction. */
  Mono<Void> decide(
      long campaignId, String login, String approval, String by, Instant at, String reason) {
    return db.sql(
            "update expert set approval = :approval, decided_by = :by, decided_at = :at,"
                + " decision_reason = :reason where campaign_id = :campaign and login = :login")
        .bind("approval", approval)
        .bind("by", by)
        .bind("at", at)
        .bind("reason", Parameter.fromOrEmpty(reason, String.class))
        .bind("campaign", campaignId)
        .bind("login", login)
        .then();
  }

  /**
   * The experts of the region who score the subject, each with the number of works (tasks of any
   * round and subject) they have in the campaign, by login.
   */
  Flux<Candidate> candidates(long campaignId, String regionCode, String subjectKey) {
    return db.sql(
            """
            select e.login, e.organization_id,
                   (select count(*) from scoring_task t
                     where t.campaign_id = e.campaign_id and t.expert_login = e.login) as load
            from expert e
            where e.campaign_id = :campaign and e.region_code = :region
              and :subject = any(e.subjects) and e.approval = 'APPROVED'
            order by e.login
            """)
        .bind("campaign", campaignId)
        .bind("region", regionCode)
        .bind("subject", subjectKey)
        .map(
            r ->
                new Candidate(
                    r.get("login", String.class),
                    r.get("organization_id", Long.class),
                    r.get("load", Long.class).intValue()))
        .all();
  }

  private static ExpertRow toRow(Readable r) {
    String[] subjects = r.get("subjects", String[].class);
    return new ExpertRow(
        r.get("login", String.class),
        r.get("display_name", String.class),
        r.get("region_code", String.class),
        r.get("org_id", Long.class),
        r.get("org_login", String.class),
        r.get("org_name", String.class),
        r.get("org_region", String.class),
        r.get("municipality_id", Long.class),
        r.get("municipality", String.class),
        subjects == null ? List.of() : List.of(subjects),
        r.get("assigned", Long.class).intValue(),
        r.get("scored", Long.class).intValue(),
        r.get("approval", String.class),
        r.get("decided_by", String.class),
        r.get("decided_at", Instant.class),
        r.get("decision_reason", String.class));
  }
}
