package org.oko.sample;

import java.util.List;
import org.oko.campaigns.CampaignParticipants;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who takes part in a campaign: an organization whose entry is {@code SELECTED}, once the sample is
 * published to its region. The sample's published read model. Features that page and count
 * participants in SQL (publications' audiences, logistics' materials, forms' respondents) put
 * {@link #relation()} in their queries instead of naming the sample's tables; campaigns asks
 * through {@link CampaignParticipants}, which this implements.
 */
@Component
public class SampleParticipants implements CampaignParticipants {

  private static final String RELATION =
      """
      (select e.campaign_id, e.organization_id, e.region_code, e.participants, e.subjects
       from sample_entry e
       join sample_publication sp on sp.campaign_id = e.campaign_id
                                 and sp.region_code = e.region_code
       where e.status = 'SELECTED')""";

  private final DatabaseClient db;

  SampleParticipants(DatabaseClient db) {
    this.db = db;
  }

  /**
   * Every campaign's participants as a relation for a {@code from} or {@code join} (give it an
   * alias), one row per campaign and organization: {@code campaign_id}, {@code organization_id},
   * {@code region_code}, {@code participants} (how many take part there), {@code subjects} (text[]
   * of subject keys, or null). PostgreSQL plans it as if the tables were joined in place.
   */
  public static String relation() {
    return RELATION;
  }

  @Override
  public Mono<List<Long>> campaignsOf(long organizationId) {
    return db.sql("select campaign_id from " + RELATION + " e where e.organization_id = :org")
        .bind("org", organizationId)
        .map(r -> r.get("campaign_id", Long.class))
        .all()
        .collectList();
  }

  @Override
  public Mono<List<String>> regionsWithLists(long campaignId) {
    return db.sql(
            "select distinct region_code from sample_entry where campaign_id = :campaign"
                + " order by region_code")
        .bind("campaign", campaignId)
        .map(r -> r.get("region_code", String.class))
        .all()
        .collectList();
  }
}
