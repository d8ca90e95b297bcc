package org.oko.kits;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Kit numbers for other features (protocol 2 lists every kit of a point). */
@Component
public class KitDirectory {

  private final KitStore store;
  private final DatabaseClient db;

  KitDirectory(KitStore store, DatabaseClient db) {
    this.store = store;
    this.db = db;
  }

  /** Every kit number assigned to the point for the campaign's subject, ascending. */
  public Flux<Long> numbers(long campaignId, String subjectKey, long organizationId) {
    return store.numbers(campaignId, subjectKey, organizationId);
  }

  /**
   * The point a kit number of the campaign's subject was assigned to (ranges never overlap); empty
   * when no range holds it.
   */
  public Mono<Long> ownerOf(long campaignId, String subjectKey, long kitNumber) {
    return db.sql(
            "select organization_id from kit_range where campaign_id = :c and subject_key = :s"
                + " and :n between first_number and last_number")
        .bind("c", campaignId)
        .bind("s", subjectKey)
        .bind("n", kitNumber)
        .map(r -> r.get("organization_id", Long.class))
        .first();
  }
}
