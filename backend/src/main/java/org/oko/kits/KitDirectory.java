package org.oko.kits;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** Kit numbers for other features (protocol 2 lists every kit of a point). */
@Component
public class KitDirectory {

  private final KitStore store;

  KitDirectory(KitStore store) {
    this.store = store;
  }

  /** Every kit number assigned to the point for the campaign's subject, ascending. */
  public Flux<Long> numbers(long campaignId, String subjectKey, long organizationId) {
    return store.numbers(campaignId, subjectKey, organizationId);
  }
}
