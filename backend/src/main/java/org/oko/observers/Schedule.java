package org.oko.observers;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.oko.campaigns.Stage;
import org.oko.campaigns.StageGate;
import org.oko.campaigns.StageNames;
import org.oko.campaigns.StageWindow;
import org.oko.platform.security.Role;
import org.oko.platform.web.ConflictException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The observers' deadlines, read from the campaign's schedule: candidates are proposed and
 * observers assigned until the conduct stage closes (for the region, or the point with its
 * extension); a campaign without a conduct stage sets no such deadline.
 */
@Component
class Schedule {

  private final StageGate stages;
  private final Clock clock;

  Schedule(StageGate stages, Clock clock) {
    this.stages = stages;
    this.clock = clock;
  }

  Mono<Void> requireConductNotClosed(long campaignId, String regionCode, Long organizationId) {
    return stages
        .window(campaignId, Stage.CONDUCT, regionCode, organizationId)
        .flatMap(
            (StageWindow w) ->
                w.effectiveClosesAt().isAfter(clock.instant())
                    ? Mono.<Void>empty()
                    : Mono.error(
                        new ConflictException(
                            "Этап «"
                                + StageNames.of(Stage.CONDUCT)
                                + "» завершён "
                                + StageNames.localTime(w.effectiveClosesAt(), w.zone())
                                + ": наблюдателей больше не предлагают и не назначают.")));
  }

  /**
   * Seed 003 11.2–11.3: acts and the archives of acts with violations are due "в сроки, указанные в
   * дорожной карте" — the close of the results protocol stage (with the extension for the region or
   * the point), or of conduct if the schedule has no results protocol; empty if it has neither. The
   * region's roadmap deadlines in the stage apply that bind everyone or {@code who} (issue 19: an
   * observer's act by those that name observers; null — the archive — by everyone's only).
   */
  Mono<Instant> actsDeadline(long campaignId, String regionCode, Long organizationId, Role who) {
    return stages
        .window(campaignId, Stage.RESULTS_PROTOCOL, regionCode, organizationId, who)
        .switchIfEmpty(
            Mono.defer(
                () -> stages.window(campaignId, Stage.CONDUCT, regionCode, organizationId, who)))
        .map(StageWindow::effectiveClosesAt);
  }

  /**
   * Seed 000: the region passes the violations to the federal organizer before the reports are made
   * (they feed the reports' objectivity flags) — when the reports stage opens for the region, or by
   * the acts' deadline if the schedule has no reports stage.
   */
  Mono<Instant> violationsDeadline(long campaignId, String regionCode) {
    return stages
        .window(campaignId, Stage.REPORTS, regionCode, null)
        .map(StageWindow::opensAt)
        .switchIfEmpty(Mono.defer(() -> actsDeadline(campaignId, regionCode, null, null)));
  }

  /** Today in a time zone (a point's region's). */
  LocalDate today(String zone) {
    return LocalDate.ofInstant(clock.instant(), ZoneId.of(zone));
  }

  Instant now() {
    return clock.instant();
  }
}
