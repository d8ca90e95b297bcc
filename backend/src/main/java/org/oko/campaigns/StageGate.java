package org.oko.campaigns;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.oko.platform.security.Role;
import org.oko.platform.web.ConflictException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The server's enforcement of the schedule: every feature that accepts a form of a stage asks here
 * first. A stage is open from its opening instant up to, not including, its close — the close moved
 * by an extension for the region or the organization, and for an organization that chose its test
 * days, conduct and results moved to its own days ({@link StageWindow#forTestDays}), and for
 * everyone in a region whose roadmap sets an earlier deadline, closed at that deadline ({@link
 * StageWindow#underRegion}).
 */
@Component
public class StageGate {

  private final StageWindowStore windows;
  private final ObjectProvider<RegionalDeadlineDirectory> deadlines;
  private final Clock clock;

  StageGate(
      StageWindowStore windows, ObjectProvider<RegionalDeadlineDirectory> deadlines, Clock clock) {
    this.windows = windows;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  /**
   * The stage's window for a region, or one organization of it ({@code organizationId} may be
   * null); empty if the schedule has no such stage.
   */
  public Mono<StageWindow> window(
      long campaignId, Stage stage, String regionCode, Long organizationId) {
    return window(
        campaignId,
        stage,
        regionCode,
        organizationId,
        organizationId == null ? null : Role.ORGANIZATION);
  }

  /**
   * The stage's window for {@code who} in a region (or one organization of it): the region's
   * deadlines that bind everyone or {@code who}'s kind applied (issue 19; null: everyone's only).
   */
  public Mono<StageWindow> window(
      long campaignId, Stage stage, String regionCode, Long organizationId, Role who) {
    RegionalDeadlineDirectory regional = deadlines.getIfAvailable();
    Mono<StageWindow> federal = federalWindow(campaignId, stage, regionCode, organizationId);
    if (regional == null || regionCode == null) {
      return federal;
    }
    return federal.flatMap(
        w ->
            regional
                .closing(campaignId, stage, regionCode, who)
                .map(w::underRegion)
                .defaultIfEmpty(w));
  }

  /**
   * Every stage's window for a region, or one organization of it ({@code organizationId} may be
   * null), as {@link #window} gives each: two statements for the whole schedule (the windows, the
   * region's roadmap deadlines) instead of two per stage. Stages the schedule lacks are absent.
   */
  public Mono<Map<Stage, StageWindow>> windows(
      long campaignId, String regionCode, Long organizationId) {
    RegionalDeadlineDirectory regional = deadlines.getIfAvailable();
    Mono<Map<Stage, List<RegionalDeadline>>> closing =
        regional == null || regionCode == null
            ? Mono.just(Map.of())
            : regional
                // as window() sees them: an organization's deadlines, or everyone's only
                .closingIn(
                    List.of(campaignId),
                    regionCode,
                    organizationId == null ? null : Role.ORGANIZATION)
                .map(
                    byCampaign ->
                        byCampaign.getOrDefault(campaignId, List.of()).stream()
                            .collect(Collectors.groupingBy(RegionalDeadline::stage)));
    return windows
        .all(campaignId, regionCode, organizationId)
        .collectMap(StageWindow::code, w -> w, () -> new EnumMap<>(Stage.class))
        .zipWith(closing, StageGate::underRegion);
  }

  private static Map<Stage, StageWindow> underRegion(
      Map<Stage, StageWindow> federal, Map<Stage, List<RegionalDeadline>> closing) {
    Map<Stage, StageWindow> out = new EnumMap<>(Stage.class);
    federal.forEach(
        (stage, w) -> {
          List<RegionalDeadline> due = closing.getOrDefault(stage, List.of());
          out.put(stage, due.isEmpty() ? w : w.underRegion(due.get(0)));
        });
    return out;
  }

  /**
   * The stage's window as the federal schedule and its extensions have it, without the region's
   * roadmap: the bounds a region's own deadlines must stay inside.
   */
  public Mono<StageWindow> federalWindow(
      long campaignId, Stage stage, String regionCode, Long organizationId) {
    return windows.window(campaignId, stage, regionCode, organizationId);
  }

  /** Completes if the stage is open for them now; otherwise a 409 saying when it was or will be. */
  public Mono<Void> requireOpen(
      long campaignId, Stage stage, String regionCode, Long organizationId) {
    return requireOpen(
        campaignId,
        stage,
        regionCode,
        organizationId,
        organizationId == null ? null : Role.ORGANIZATION);
  }

  /** {@link #requireOpen(long, Stage, String, Long)} for {@code who} (see {@link #window}). */
  public Mono<Void> requireOpen(
      long campaignId, Stage stage, String regionCode, Long organizationId, Role who) {
    return window(campaignId, stage, regionCode, organizationId, who)
        .switchIfEmpty(
            Mono.error(
                new ConflictException(
                    "Этап «"
                        + StageNames.of(stage)
                        + "» не предусмотрен планом-графиком кампании")))
        .flatMap(
            w -> {
              Instant now = clock.instant();
              StageWindow.State state = w.stateAt(now);
              if (state == StageWindow.State.UPCOMING) {
                return Mono.error(
                    new ConflictException(
                        "Этап «"
                            + StageNames.of(stage)
                            + "» ещё не начался: он откроется "
                            + StageNames.localTime(w.opensAt(), w.zone())));
              }
              if (state == StageWindow.State.CLOSED && w.regional() != null) {
                return Mono.error(new ConflictException(regionalDeadlinePassed(w)));
              }
              if (state == StageWindow.State.CLOSED) {
                return Mono.error(
                    new ConflictException(
                        "Этап «"
                            + StageNames.of(stage)
                            + "» завершён "
                            + StageNames.localTime(w.effectiveClosesAt(), w.zone())
                            + ": изменения больше не принимаются. Для продления срока обратитесь"
                            + " к федеральному организатору."));
              }
              return Mono.empty();
            });
  }

  /** Names the region's deadline in the region's time, what it was for and who can move it. */
  private static String regionalDeadlinePassed(StageWindow w) {
    return "Срок региона по дорожной карте для этапа «"
        + StageNames.of(w.code())
        + "» («"
        + w.regional().title()
        + "») истёк "
        + StageNames.localTime(w.regional().dueAt(), w.zone())
        + ": изменения больше не принимаются, хотя федеральный срок — до "
        + StageNames.localTime(w.closesAt(), w.zone())
        + ". Срок установлен дорожной картой региона: для его переноса обратитесь к региональному"
        + " координатору.";
  }
}
