package org.oko.scans;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.oko.platform.events.Outbox;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Moves a work's sheets along as experts work on it; each change is a {@link SheetStatusChanged}.
 */
@Service
public class SheetStatusService {

  /** The stages of a work with experts, in order. */
  public enum WorkStage {
    ASSIGNED,
    SCORED,
    VERIFIED
  }

  private final SheetStatusStore store;
  private final Outbox outbox;
  private final Clock clock;

  SheetStatusService(SheetStatusStore store, Outbox outbox, Clock clock) {
    this.store = store;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * Sets every current accepted-or-later sheet of the work to {@code stage} (never backwards) and
   * appends one event per changed sheet. Call it inside the caller's transaction.
   */
  public Mono<Void> advanceWork(
      long campaignId, String subjectKey, long kitNumber, WorkStage stage) {
    return advanceWorks(campaignId, subjectKey, List.of(kitNumber), stage);
  }

  /**
   * {@link #advanceWork} for many works of a subject at once: two statements however many works (a
   * distribution hands out thousands). Call it inside the caller's transaction.
   */
  public Mono<Void> advanceWorks(
      long campaignId, String subjectKey, List<Long> kitNumbers, WorkStage stage) {
    if (kitNumbers.isEmpty()) {
      return Mono.empty();
    }
    Instant now = clock.instant();
    return store
        .advance(campaignId, subjectKey, kitNumbers, stage.name(), earlier(stage), now)
        .map(
            moved ->
                new SheetStatusChanged(
                    moved.id(),
                    moved.batchId(),
                    campaignId,
                    subjectKey,
                    moved.organizationId(),
                    moved.regionCode(),
                    stage.name(),
                    moved.previous(),
                    now))
        .sort(Comparator.comparingLong(SheetStatusChanged::sheetId))
        .collectList()
        .flatMap(
            events -> outbox.appendAll(SheetStatusChanged.TOPIC, events, SheetStatusChanged::key));
  }

  /** The statuses a sheet may move forward from to reach {@code stage}. */
  private static List<String> earlier(WorkStage stage) {
    return switch (stage) {
      case ASSIGNED -> List.of("ACCEPTED");
      case SCORED -> List.of("ACCEPTED", "ASSIGNED");
      case VERIFIED -> List.of("ACCEPTED", "ASSIGNED", "SCORED");
    };
  }
}
