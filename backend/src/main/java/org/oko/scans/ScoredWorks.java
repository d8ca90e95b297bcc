package org.oko.scans;

import reactor.core.publisher.Mono;

/**
 * Whether experts have scored any work of a subject, which the feature that owns scoring knows:
 * once they have, the subject's scheme may no longer change. Scans asks through this interface,
 * implemented by scoring, because scoring depends on scans and not the other way round (as identity
 * asks {@code ParticipantCredentials}).
 */
public interface ScoredWorks {

  /**
   * Whether any work of the campaign's subject has been scored; read in the caller's transaction.
   */
  Mono<Boolean> anyScored(long campaignId, String subjectKey);
}
