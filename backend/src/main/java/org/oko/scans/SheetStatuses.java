package org.oko.scans;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Moves a work's sheets along as experts work on it; each change is a {@link SheetStatusChanged}.
 */
@Component
public class SheetStatuses {

  /** The stages of a work with experts, in order. */
  public enum WorkStage {
    ASSIGNED,
    SCORED,
    VERIFIED
  }

  /**
   * Sets every current accepted-or-later sheet of the work to {@code stage} (never backwards) and
   * appends one event per changed sheet. Call it inside the caller's transaction.
   */
  public Mono<Void> advanceWork(
      long campaignId, String subjectKey, long kitNumber, WorkStage stage) {
    throw new UnsupportedOperationException("TODO: collector helper");
  }
}
