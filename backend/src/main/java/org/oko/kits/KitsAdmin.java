package org.oko.kits;

import java.time.Clock;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Kit assignments made by the system itself (the demo data), bypassing the request checks: the
 * caller vouches for the point and the numbers; the exclusion constraint still refuses overlaps.
 */
@Component
public class KitsAdmin {

  private final KitStore store;
  private final DatabaseClient db;
  private final Clock clock;

  KitsAdmin(KitStore store, DatabaseClient db, Clock clock) {
    this.store = store;
    this.db = db;
    this.clock = clock;
  }

  /** Assigns kits {@code first}–{@code last} of the subject to the organization. */
  public Mono<Void> assign(
      long campaignId, String subjectKey, long organizationId, long first, long last, String by) {
    return db.sql("select region_code from organization where id = :id")
        .bind("id", organizationId)
        .map(r -> r.get("region_code", String.class))
        .one()
        .flatMap(
            region ->
                store
                    .insert(
                        campaignId,
                        subjectKey,
                        List.of(new KitStore.NewRange(organizationId, region, first, last)),
                        by,
                        clock.instant())
                    .then());
  }
}
