package org.oko.roadmaps;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oko.campaigns.RegionalDeadline;
import org.oko.campaigns.RegionalDeadlineDirectory;
import org.oko.campaigns.Stage;
import org.oko.platform.security.Role;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The regions' roadmaps as the schedule applies them ({@code regional_roadmap_item}): per stage,
 * the latest deadline the region set in it closes the stage for those it binds — everyone in the
 * region, or the kind named (issue 19: municipal or responsible coordinators, organizations…).
 */
@Component
class RoadmapDirectory implements RegionalDeadlineDirectory {

  private static final String LATEST_PER_STAGE =
      """
      select distinct on (campaign_id, stage) campaign_id, stage, title, due_at
      from regional_roadmap_item
      where campaign_id = any(:campaigns) and region_code = :region and %s
      order by campaign_id, stage, due_at desc, position desc
      """
          .formatted(RoadmapReadModel.BINDS);

  private final DatabaseClient db;

  RoadmapDirectory(DatabaseClient db) {
    this.db = db;
  }

  @Override
  public Mono<RegionalDeadline> closing(long campaignId, Stage stage, String regionCode) {
    return closing(campaignId, stage, regionCode, null);
  }

  @Override
  public Mono<RegionalDeadline> closing(long campaignId, Stage stage, String regionCode, Role who) {
    return db.sql(
            "select title, due_at from regional_roadmap_item where campaign_id = :c"
                + " and region_code = :r and stage = :s and "
                + RoadmapReadModel.BINDS
                + " order by due_at desc, position desc limit 1")
        .bind("c", campaignId)
        .bind("r", regionCode)
        .bind("s", stage.name())
        .bind("who", Parameter.fromOrEmpty(who == null ? null : who.name(), String.class))
        .map(
            r ->
                new RegionalDeadline(
                    stage,
                    r.get("title", String.class),
                    r.get("due_at", OffsetDateTime.class).toInstant()))
        .one();
  }

  @Override
  public Mono<Map<Long, List<RegionalDeadline>>> closingIn(
      Collection<Long> campaignIds, String regionCode) {
    return closingIn(campaignIds, regionCode, null);
  }

  @Override
  public Mono<Map<Long, List<RegionalDeadline>>> closingIn(
      Collection<Long> campaignIds, String regionCode, Role who) {
    if (campaignIds.isEmpty()) {
      return Mono.just(Map.of());
    }
    return db.sql(LATEST_PER_STAGE)
        .bind("campaigns", campaignIds.toArray(Long[]::new))
        .bind("region", regionCode)
        .bind("who", Parameter.fromOrEmpty(who == null ? null : who.name(), String.class))
        .map(
            r ->
                Map.entry(
                    r.get("campaign_id", Long.class),
                    new RegionalDeadline(
                        Stage.valueOf(r.get("stage", String.class)),
                        r.get("title", String.class),
                        r.get("due_at", OffsetDateTime.class).toInstant())))
        .all()
        .collectMultimap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new)
        .map(
            byCampaign -> {
              Map<Long, List<RegionalDeadline>> out = new LinkedHashMap<>();
              byCampaign.forEach((id, list) -> out.put(id, List.copyOf(list)));
              return out;
            });
  }
}
