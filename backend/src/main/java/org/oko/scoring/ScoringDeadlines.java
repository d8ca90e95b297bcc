package org.oko.scoring;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.oko.campaigns.Stage;
import org.oko.campaigns.StageGate;
import org.oko.scoring.ScoringTasks.TaskRow;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Until when a work may be scored, and the time zone of its region: the expert's pages show both.
 * The scoring stage can be extended for a region or a single organization, so it is read per
 * organization of the work.
 */
@Component
class ScoringDeadlines {

  /** {@code closesAt} is null when the schedule has no scoring stage. */
  record Deadline(String timeZone, Instant closesAt) {}

  /**
   * Works are only handed out while scoring is open, so a task always has its stage; the zone below
   * is only for a schedule edited afterwards to drop it.
   */
  private static final String ZONE_WITHOUT_STAGE = "Europe/Moscow";

  private final StageGate stages;

  ScoringDeadlines(StageGate stages) {
    this.stages = stages;
  }

  Mono<Deadline> of(TaskRow task) {
    return stages
        .window(task.campaignId(), Stage.SCORING, task.regionCode(), task.organizationId())
        .map(window -> new Deadline(window.zone().getId(), window.effectiveClosesAt()))
        .defaultIfEmpty(new Deadline(ZONE_WITHOUT_STAGE, null));
  }

  /** A lookup for one page of tasks: each organization's deadline is read once. */
  Function<TaskRow, Mono<Deadline>> perPage() {
    Map<String, Mono<Deadline>> known = new ConcurrentHashMap<>();
    return task ->
        known.computeIfAbsent(
            task.campaignId() + ":" + task.organizationId(), key -> of(task).cache());
  }
}
