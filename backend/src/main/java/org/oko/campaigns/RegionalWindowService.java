package org.oko.campaigns;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.oko.orgs.OrganizationDirectory;
import org.oko.platform.events.Outbox;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.UnprocessableException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A stage's window per region (issue 20), set by the federal organizer in each region's local time
 * ({@link RegionalWindowRules}); {@link StageGate} then applies the region's window to the region
 * and its organizations. Everyone in a region reads its own; the federal organizer reads all.
 */
@Service
class RegionalWindowService {

  private static final Set<Role> READERS =
      Set.of(Role.FEDERAL, Role.REGIONAL, Role.MUNICIPAL, Role.RESPONSIBLE, Role.ORGANIZATION);

  /** A change asked for: the regions (empty: all of the campaign's) and the local times. */
  record Change(List<String> regionCodes, String opensLocal, String closesLocal) {}

  private final CampaignDirectory campaigns;
  private final CampaignStore schedule;
  private final RegionalWindowStore store;
  private final OrganizationDirectory organizations;
  private final Outbox outbox;
  private final TransactionalOperator tx;
  private final Clock clock;

  RegionalWindowService(
      CampaignDirectory campaigns,
      CampaignStore schedule,
      RegionalWindowStore store,
      OrganizationDirectory organizations,
      Outbox outbox,
      TransactionalOperator tx,
      Clock clock) {
    this.campaigns = campaigns;
    this.schedule = schedule;
    this.store = store;
    this.organizations = organizations;
    this.outbox = outbox;
    this.tx = tx;
    this.clock = clock;
  }

  Mono<List<RegionalWindow>> list(Caller caller, long campaignId, Stage stage) {
    if (!READERS.contains(caller.role())) {
      return Mono.error(new AccessDeniedException());
    }
    String region = caller.isFederal() ? null : caller.regionCode();
    return campaigns
        .visibleTo(caller, campaignId)
        .thenMany(Flux.defer(() -> store.list(campaignId, stage, region)))
        .collectList();
  }

  Mono<List<RegionalWindow>> set(Caller caller, long campaignId, Stage stage, Change change) {
    if (caller.role() != Role.FEDERAL) {
      return Mono.error(new AccessDeniedException());
    }
    return Mono.defer(() -> setChecked(caller, campaignId, stage, change));
  }

  private Mono<List<RegionalWindow>> setChecked(
      Caller caller, long campaignId, Stage stage, Change change) {
    LocalDateTime opens = RegionalWindowRules.local("opensLocal", change.opensLocal());
    LocalDateTime closes = RegionalWindowRules.local("closesLocal", change.closesLocal());
    return campaigns
        .visibleTo(caller, campaignId)
        .flatMap(campaign -> scheduled(campaign, stage).thenReturn(campaign))
        .flatMap(campaign -> organizations.zonesOf(regions(campaign, change.regionCodes())))
        .map(zones -> RegionalWindowRules.moments(opens, closes, zones))
        .flatMap(moments -> write(caller, campaignId, stage, moments, opens, closes))
        .then(Mono.defer(() -> store.list(campaignId, stage, null).collectList()));
  }

  Mono<List<RegionalWindow>> clear(Caller caller, long campaignId, Stage stage, String region) {
    if (caller.role() != Role.FEDERAL) {
      return Mono.error(new AccessDeniedException());
    }
    RegionalWindowsChanged event =
        new RegionalWindowsChanged(campaignId, stage.name(), region, null, null, caller.login());
    return campaigns
        .visibleTo(caller, campaignId)
        .filter(campaign -> campaign.regionCodes().contains(region))
        .switchIfEmpty(
            Mono.error(
                () -> new NotFoundException("Регион " + region + " не участвует в кампании")))
        .then(store.delete(campaignId, stage, region))
        .flatMap(
            removed ->
                removed
                    ? outbox.append(RegionalWindowsChanged.TOPIC, campaignId + ":" + region, event)
                    : Mono.<Void>empty())
        .as(tx::transactional)
        .then(Mono.defer(() -> store.list(campaignId, stage, null).collectList()));
  }

  private Mono<Void> scheduled(CampaignInfo campaign, Stage stage) {
    return schedule
        .stageCloses(campaign.id(), stage)
        .switchIfEmpty(
            Mono.error(
                () ->
                    new UnprocessableException(
                        "stageCode",
                        "Этап «"
                            + StageNames.of(stage)
                            + "» не предусмотрен планом-графиком: сначала задайте его срок для"
                            + " всей кампании")))
        .then();
  }

  /** The regions asked for, each of the campaign; a 422 naming those that are not. */
  private static List<String> regions(CampaignInfo campaign, List<String> asked) {
    if (asked == null || asked.isEmpty()) {
      return campaign.regionCodes();
    }
    List<String> foreign =
        asked.stream().filter(r -> !campaign.regionCodes().contains(r)).distinct().toList();
    if (!foreign.isEmpty()) {
      throw new UnprocessableException(
          "regionCodes", "Регион " + String.join(", ", foreign) + " не участвует в кампании");
    }
    return asked.stream().distinct().toList();
  }

  /** Every region's window and the event, in one transaction. */
  private Mono<Void> write(
      Caller caller,
      long campaignId,
      Stage stage,
      List<RegionalWindowRules.Moments> moments,
      LocalDateTime opens,
      LocalDateTime closes) {
    Instant now = clock.instant();
    return Flux.fromIterable(moments)
        .concatMap(
            m ->
                store
                    .upsert(campaignId, stage, m, opens, closes, caller.login(), now)
                    .then(announce(caller, campaignId, stage, m)))
        .then()
        .as(tx::transactional);
  }

  /** The region's event, for its systems' change feed (issue 20, in issue 23's feed). */
  private Mono<Void> announce(
      Caller caller, long campaignId, Stage stage, RegionalWindowRules.Moments m) {
    return outbox.append(
        RegionalWindowsChanged.TOPIC,
        campaignId + ":" + m.regionCode(),
        new RegionalWindowsChanged(
            campaignId, stage.name(), m.regionCode(), m.opensAt(), m.closesAt(), caller.login()));
  }
}
