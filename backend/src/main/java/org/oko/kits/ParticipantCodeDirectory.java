package org.oko.kits;

import java.util.HashSet;
import java.util.Set;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The ВПР participant codes a school was issued for a subject (the codes protocol, seed 004
 * 6.13.2), for forms: a subject's results protocol accepts exactly these codes once there are any.
 */
@Component
public class ParticipantCodeDirectory {

  private final ParticipantCodeStore store;

  ParticipantCodeDirectory(ParticipantCodeStore store) {
    this.store = store;
  }

  /** The organization's codes of the subject; an empty set when none were issued. */
  public Mono<Set<String>> of(long campaignId, long organizationId, String subjectKey) {
    return store.codes(campaignId, organizationId, subjectKey).collect(HashSet::new, Set::add);
  }
}
