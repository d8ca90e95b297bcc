package org.oko.scans;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.oko.platform.events.Outbox;
import org.springframework.r2dbc.core.DatabaseClient;
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
   * Moves the works' current sheets forward, answering each changed one with the status it had (the
   * row as it was, joined to itself).
   */
  private static final String ADVANCE =
      """
      update scan_sheet s set status = :stage, updated_at = :now
      from scan_sheet prior
      where prior.id = s.id
        and s.campaign_id = :campaign and s.subject_key = :subject
        and s.kit_number = any(:kits) and s.status = any(:earlier)
      returning s.id, s.batch_id, s.organization_id, s.region_code, prior.status as previous
      """;

  private final DatabaseClient db;
  private final Outbox outbox;
  private final Clock clock;

  SheetStatuses(DatabaseClient db, Outbox outbox, Clock clock) {
    this.db = db;
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
    return db.sql(ADVANCE)
        .bind("stage", stage.name())
        .bind("now", now)
        .bind("campaign", campaignId)
        .bind("subject", subjectKey)
        .bind("kits", kitNumbers.toArray(Long[]::new))
        .bind("earlier", earlier(stage).toArray(String[]::new))
        .map(
            row ->
                new SheetStatusChanged(
                    row.get("id", Long.class),
                    row.get("batch_id", Long.class),
                    campaignId,
                    subjectKey,
                    row.get("organization_id", Long.class),
                    row.get("region_code", String.class),
                    stage.name(),
                    row.get("previous", String.class),
                    now))
        .all()
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
