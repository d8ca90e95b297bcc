package org.oko.roadmaps;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.oko.campaigns.Stage;
import org.oko.platform.security.Role;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A region's roadmap items ({@code regional_roadmap_item}). */
@Component
class RoadmapStore {

  /** An item as stored, with who set the roadmap and when. */
  record Stored(RoadmapItem item, String setBy, Instant setAt) {}

  private final DatabaseClient db;

  RoadmapStore(DatabaseClient db) {
    this.db = db;
  }

  Flux<Stored> items(long campaignId, String regionCode) {
    return db.sql(
            "select stage, title, due_at, binds, set_by, set_at from regional_roadmap_item"
                + " where campaign_id = :c and region_code = :r order by due_at, position")
        .bind("c", campaignId)
        .bind("r", regionCode)
        .map(
            r ->
                new Stored(
                    new RoadmapItem(
                        Stage.valueOf(r.get("stage", String.class)),
                        r.get("title", String.class),
                        r.get("due_at", OffsetDateTime.class).toInstant(),
                        roles(r.get("binds", String[].class))),
                    r.get("set_by", String.class),
                    r.get("set_at", OffsetDateTime.class).toInstant()))
        .all();
  }

  /** Replaces the region's roadmap with {@code items}; in the caller's transaction. */
  Mono<Void> replace(
      long campaignId, String regionCode, List<RoadmapItem> items, String by, Instant at) {
    Mono<Void> cleared =
        db.sql("delete from regional_roadmap_item where campaign_id = :c and region_code = :r")
            .bind("c", campaignId)
            .bind("r", regionCode)
            .then();
    return cleared.then(
        Flux.range(0, items.size())
            .concatMap(
                i ->
                    db.sql(
                            "insert into regional_roadmap_item (campaign_id, region_code, stage,"
                                + " title, due_at, binds, position, set_by, set_at) values (:c, :r,"
                                + " :s, :t, :due, :binds, :p, :by, :at)")
                        .bind("c", campaignId)
                        .bind("r", regionCode)
                        .bind("s", items.get(i).stage().name())
                        .bind("t", items.get(i).title().strip())
                        .bind("due", items.get(i).dueAt().atOffset(ZoneOffset.UTC))
                        .bind(
                            "binds",
                            items.get(i).binds().stream().map(Role::name).toArray(String[]::new))
                        .bind("p", i)
                        .bind("by", by)
                        .bind("at", at.atOffset(ZoneOffset.UTC))
                        .then())
            .then());
  }

  private static List<Role> roles(String[] names) {
    return names == null ? List.of() : Arrays.stream(names).map(Role::valueOf).toList();
  }
}
