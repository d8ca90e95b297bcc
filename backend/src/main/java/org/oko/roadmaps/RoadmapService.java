package org.oko.roadmaps;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.oko.campaigns.CampaignDirectory;
import org.oko.campaigns.Stage;
import org.oko.campaigns.StageGate;
import org.oko.campaigns.StageWindow;
import org.oko.orgs.OrganizationDirectory;
import org.oko.platform.security.Caller;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.UnprocessableException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A region's roadmap for a campaign (seed 003 11.1/11.3/11.4/12: the roadmap approved by the
 * regional ministry sets the deadlines of its municipal and responsible coordinators): read by the
 * region's coordinators and organizations, replaced whole by the regional coordinator, every
 * deadline inside its federal stage's window.
 */
@Service
class RoadmapService {

  /** An item with its federal window for the region (null if the schedule lost the stage). */
  record Entry(RoadmapItem item, StageWindow window) {}

  /** The roadmap as the caller reads it. */
  record Roadmap(
      long campaignId,
      String regionCode,
      ZoneId zone,
      List<Entry> items,
      String updatedBy,
      Instant updatedAt) {}

  private final CampaignDirectory campaigns;
  private final StageGate stages;
  private final OrganizationDirectory organizations;
  private final RoadmapStore store;
  private final Clock clock;
  private final TransactionalOperator tx;

  RoadmapService(
      CampaignDirectory campaigns,
      StageGate stages,
      OrganizationDirectory organizations,
      RoadmapStore store,
      Clock clock,
      ReactiveTransactionManager transactions) {
    this.campaigns = campaigns;
    this.stages = stages;
    this.organizations = organizations;
    this.store = store;
    this.clock = clock;
    this.tx = TransactionalOperator.create(transactions);
  }

  Mono<Roadmap> get(Caller caller, long campaignId, String requestedRegion) {
    String region = RoadmapAccess.readableRegion(caller, requestedRegion);
    return campaignOf(caller, campaignId, region).then(read(campaignId, region));
  }

  Mono<Roadmap> replace(Caller caller, long campaignId, List<RoadmapItem> items) {
    String region = RoadmapAccess.writableRegion(caller);
    return campaignOf(caller, campaignId, region)
        .then(windows(campaignId, region))
        .flatMap(
            windows -> {
              List<FieldProblem> problems = RoadmapRules.problems(items, windows);
              if (!problems.isEmpty()) {
                return Mono.error(
                    new UnprocessableException(
                        "Дорожная карта не сохранена: "
                            + problems.get(0).message()
                            + (problems.size() > 1
                                ? " (и ещё замечаний: " + (problems.size() - 1) + ")"
                                : ""),
                        problems));
              }
              return tx.transactional(
                  store.replace(campaignId, region, items, caller.login(), clock.instant()));
            })
        .then(read(campaignId, region));
  }

  private Mono<Void> campaignOf(Caller caller, long campaignId, String region) {
    return campaigns
        .visibleTo(caller, campaignId)
        .filter(campaign -> campaign.regionCodes().contains(region))
        .switchIfEmpty(
            Mono.error(() -> new NotFoundException("Кампания " + campaignId + " не найдена")))
        .then();
  }

  private Mono<Roadmap> read(long campaignId, String region) {
    return Mono.zip(
            store.items(campaignId, region).collectList(),
            windows(campaignId, region),
            organizations.zonesOf(List.of(region)))
        .map(
            found -> {
              var stored = found.getT1();
              List<Entry> entries =
                  stored.stream()
                      .map(s -> new Entry(s.item(), found.getT2().get(s.item().stage())))
                      .toList();
              ZoneId zone = found.getT3().getOrDefault(region, ZoneId.of("Europe/Moscow"));
              return new Roadmap(
                  campaignId,
                  region,
                  zone,
                  entries,
                  stored.isEmpty() ? null : stored.get(0).setBy(),
                  stored.isEmpty() ? null : stored.get(0).setAt());
            });
  }

  /** Every stage's window for the region, as the schedule has them. */
  private Mono<Map<Stage, StageWindow>> windows(long campaignId, String region) {
    return Flux.fromArray(Stage.values())
        .concatMap(stage -> stages.federalWindow(campaignId, stage, region, null))
        .collectMap(StageWindow::code, w -> w, () -> new EnumMap<>(Stage.class));
  }
}
