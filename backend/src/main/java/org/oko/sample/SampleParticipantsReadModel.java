package org.oko.sample;

import java.util.List;
import org.oko.campaigns.CampaignParticipants;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The sample's answers to campaigns' questions about who takes part ({@link SampleParticipants}).
 */
@Component
class SampleParticipantsReadModel implements CampaignParticipants {

  private final DatabaseClient db;

  SampleParticipantsReadModel(DatabaseClient db) {
    this.db = db;
  }

  @Override
  public Mono<List<Long>> campaignsOf(long organizationId) {
    return db.sql(
            "select campaign_id from "
                + SampleParticipants.relation()
                + " e where e.organization_id = :org")
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
