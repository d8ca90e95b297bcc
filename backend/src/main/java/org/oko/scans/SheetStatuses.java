package org.oko.scans;

import java.time.Clock;
import java.util.List;
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
   * One statement: the update and one outbox row per changed sheet, with the payload of a {@link
   * SheetStatusChanged} built by the database (the previous status comes from the row as it was).
   */
  private static final String ADVANCE =
      """
      with changed as (
        update scan_sheet s set status = :stage, updated_at = :now
        from scan_sheet prior
        where prior.id = s.id
          and s.campaign_id = :campaign and s.subject_key = :subject and s.kit_number = :kit
          and s.status = any(:earlier)
        returning s.id, s.batch_id, s.campaign_id, s.subject_key, s.organization_id,
                  s.region_code, s.status, prior.status as previous)
      insert into outbox (topic, event_key, payload)
      select cast(:topic as text), organization_id::text,
             jsonb_build_object('sheetId', id, 'batchId', batch_id, 'campaignId', campaign_id,
                 'subjectKey', subject_key, 'organizationId', organization_id,
                 'regionCode', region_code, 'status', status, 'previousStatus', previous,
                 'at', cast(:at as text))
      from changed order by id
      """;

  private final DatabaseClient db;
  private final Clock clock;

  SheetStatuses(DatabaseClient db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * Sets every current accepted-or-later sheet of the work to {@code stage} (never backwards) and
   * appends one event per changed sheet. Call it inside the caller's transaction.
   */
  public Mono<Void> advanceWork(
      long campaignId, String subjectKey, long kitNumber, WorkStage stage) {
    var now = clock.instant();
    return db.sql(ADVANCE)
        .bind("stage", stage.name())
        .bind("now", now)
        .bind("campaign", campaignId)
        .bind("subject", subjectKey)
        .bind("kit", kitNumber)
        .bind("earlier", earlier(stage).toArray(String[]::new))
        .bind("topic", SheetStatusChanged.TOPIC.name())
        .bind("at", now.toString())
        .then();
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
