package org.oko.campaigns;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.oko.platform.web.ConflictException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The server's enforcement of the schedule: every feature that accepts a form of a stage asks here
 * first. A stage is open from its opening instant up to, not including, its close — the close moved
 * by an extension for the region or the organization, and for an organization that chose its test
 * days, conduct and results moved to its own days ({@link StageWindow#forTestDays}).
 */
@Component
public class StageGate {

  private final DatabaseClient db;
  private final Clock clock;

  StageGate(DatabaseClient db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * The stage's window for a region, or one organization of it ({@code organizationId} may be
   * null); empty if the schedule has no such stage.
   */
  public Mono<StageWindow> window(
      long campaignId, Stage stage, String regionCode, Long organizationId) {
    return db.sql(
            """
            select s.opens_at, s.closes_at,
                   greatest(s.closes_at, (select max(x.closes_at) from stage_extension x
                       where x.campaign_id = s.campaign_id and x.stage_code = s.code
                         and (x.region_code = :region or x.organization_id = :org))) as effective,
                   (select time_zone from region where code = :region) as zone,
                   (select min(d.test_date) from organization_test_day d
                     where d.campaign_id = s.campaign_id and d.organization_id = :org) as first_day,
                   (select max(d.test_date) from organization_test_day d
                     where d.campaign_id = s.campaign_id and d.organization_id = :org) as last_day
            from campaign_stage s where s.campaign_id = :id and s.code = :code
            """)
        .bind("id", campaignId)
        .bind("code", stage.name())
        .bind("region", Parameter.fromOrEmpty(regionCode, String.class))
        .bind("org", Parameter.fromOrEmpty(organizationId, Long.class))
        .map(
            r ->
                new StageWindow(
                        stage,
                        r.get("opens_at", Instant.class),
                        r.get("closes_at", Instant.class),
                        r.get("effective", Instant.class),
                        ZoneId.of(
                            r.get("zone", String.class) == null
                                ? "Europe/Moscow"
                                : r.get("zone", String.class)))
                    .forTestDays(
                        r.get("first_day", LocalDate.class), r.get("last_day", LocalDate.class)))
        .one();
  }

  /** Completes if the stage is open for them now; otherwise a 409 saying when it was or will be. */
  public Mono<Void> requireOpen(
      long campaignId, Stage stage, String regionCode, Long organizationId) {
    return window(campaignId, stage, regionCode, organizationId)
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
}
