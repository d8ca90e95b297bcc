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
      int scored) {}

  /** An expert who may take a work, and how many works they already have in the campaign. */
  record Candidate(String login, long organizationId, int load) {}

  private static final String SELECT =
      """
      select e.login, a.display_name, e.region_code, e.subjects,
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
      """;

  private final DatabaseClient db;

  ExpertStore(DatabaseClient db) {
    this.db = db;
  }

  Mono<Long> count(long campaignId, String regionCode, String subjectKey) {
    return db.sql("select count(*) as n from expert e " + FILTER)
        .bind("campaign", campaignId)
        .bind("region", Parameter.fromOrEmpty(regionCode, String.class))
        .bind("subject", Parameter.fromOrEmpty(subjectKey, String.class))
        .map(r -> r.get("n", Long.class))
        .one();
  }

  Flux<ExpertRow> page(long campaignId, String regionCode, String subjectKey, Paging paging) {
    return db.sql(SELECT + FILTER + " order by e.region_code, e.login limit :limit offset :offset")
        .bind("campaign", campaignId)
        .bind("region", Parameter.fromOrEmpty(regionCode, String.class))
        .bind("subject", Parameter.fromOrEmpty(subjectKey, String.class))
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

  /** Registers the expert in the campaign, or updates where they work and what they score. */
  Mono<Void> upsert(
      long campaignId,
      String login,
      String regionCode,
      long organizationId,
      List<String> subjects,
      Instant at) {
    return db.sql(
            """
            insert into expert (campaign_id, login, region_code, organization_id, subjects,
                                created_at)
            values (:campaign, :login, :region, :organization, :subjects, :at)
            on conflict (campaign_id, login) do update set region_code = excluded.region_code,
                organization_id = excluded.organization_id, subjects = excluded.subjects
            """)
        .bind("campaign", campaignId)
        .bind("login", login)
        .bind("region", regionCode)
        .bind("organization", organizationId)
        .bind("subjects", subjects.toArray(String[]::new))
        .bind("at", at)
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
              and :subject = any(e.subjects)
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
        r.get("scored", Long.class).intValue());
  }
}
