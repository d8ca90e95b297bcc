package org.oko.scans;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.oko.campaigns.CampaignInfo;
import org.oko.campaigns.Stage;
import org.oko.campaigns.StageGate;
import org.oko.orgs.OrganizationRef;
import org.oko.platform.security.Caller;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.UnprocessableException;
import org.oko.scans.BatchStore.OrganizationRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Which organizations of a region scan their own works (the region lists them per campaign). */
@Service
class LocalScanningService {

  /** A campaign the organization scans for itself, with its scanning stage's window if any. */
  record OwnCampaign(long id, String title, String regionCode, Instant opensAt, Instant closesAt) {}

  private final UploadAccess access;
  private final BatchStore batches;
  private final LocalScanningStore local;
  private final StageGate stages;
  private final TransactionalOperator tx;

  LocalScanningService(
      UploadAccess access,
      BatchStore batches,
      LocalScanningStore local,
      StageGate stages,
      TransactionalOperator tx) {
    this.access = access;
    this.batches = batches;
    this.local = local;
    this.stages = stages;
    this.tx = tx;
  }

  /** The region's organizations that scan locally, as far as the caller sees them. */
  Mono<List<OrganizationRef>> list(Caller caller, long campaignId, String regionCode) {
    return campaignRegion(caller, campaignId, regionCode)
        .thenMany(local.localScanning(campaignId, regionCode))
        .filter(o -> ScanAccess.seesOrganization(caller, o))
        .collectList();
  }

  /**
   * Replaces the region's list and answers it as stored. The ids are read only once the caller may
   * change the region's list.
   */
  Mono<List<OrganizationRef>> set(
      Caller caller, long campaignId, String regionCode, Mono<List<Long>> organizationIds) {
    return campaignRegion(caller, campaignId, regionCode)
        .flatMap(campaign -> organizationIds.flatMap(ids -> checked(campaign, regionCode, ids)))
        .flatMap(ids -> local.setLocalScanning(campaignId, regionCode, ids).as(tx::transactional))
        .then(list(caller, campaignId, regionCode));
  }

  /** The campaign if the caller sees it and the region takes part and is in scope; 404 else. */
  private Mono<CampaignInfo> campaignRegion(Caller caller, long campaignId, String regionCode) {
    ScanAccess.requireReader(caller);
    NotFoundException foreign = new NotFoundException("Регион «" + regionCode + "» не найден");
    if (!ScanAccess.seesRegion(caller, regionCode)) {
      return Mono.error(foreign);
    }
    return access
        .campaign(caller, campaignId)
        .filter(c -> c.regionCodes().contains(regionCode))
        .switchIfEmpty(Mono.error(foreign));
  }

  /** The ids if each is an organization of the region taking part in the campaign; 422 else. */
  private Mono<List<Long>> checked(CampaignInfo campaign, String regionCode, List<Long> ids) {
    List<Long> distinct = ids.stream().distinct().toList();
    if (distinct.isEmpty()) {
      return Mono.just(distinct);
    }
    return batches
        .organizations(distinct)
        .collectMap(o -> o.ref().id(), Function.identity())
        .map(found -> requireParticipants(campaign, regionCode, ids, found))
        .thenReturn(distinct);
  }

  private static Map<Long, OrganizationRow> requireParticipants(
      CampaignInfo campaign, String regionCode, List<Long> ids, Map<Long, OrganizationRow> found) {
    List<FieldProblem> problems = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      OrganizationRow o = found.get(ids.get(i));
      if (o == null
          || !o.ref().regionCode().equals(regionCode)
          || !ScanBatchService.takesPart(campaign, o)) {
        problems.add(
            FieldProblem.of(
                "organizationIds[" + i + "]",
                "Организация "
                    + ids.get(i)
                    + " не найдена среди участников кампании в регионе "
                    + regionCode));
      }
    }
    if (!problems.isEmpty()) {
      throw new UnprocessableException(
          "Список не сохранён: " + problems.size() + " организаций не подходят", problems);
    }
    return found;
  }

  /** The campaigns the calling organization scans for itself, newest first. */
  Mono<List<OwnCampaign>> own(Caller caller) {
    return local
        .campaignsScannedLocallyBy(caller.organizationId())
        .concatMap(campaignId -> ownCampaign(caller, campaignId))
        .collectList();
  }

  private Flux<OwnCampaign> ownCampaign(Caller caller, long campaignId) {
    return access
        .campaign(caller, campaignId)
        // A campaign it no longer takes part in is not offered.
        .onErrorResume(NotFoundException.class, e -> Mono.empty())
        .flatMap(campaign -> withScanningWindow(caller, campaign))
        .flux();
  }

  /** The campaign with the scanning stage's window as it applies to the caller's organization. */
  private Mono<OwnCampaign> withScanningWindow(Caller caller, CampaignInfo campaign) {
    OwnCampaign item =
        new OwnCampaign(campaign.id(), campaign.title(), caller.regionCode(), null, null);
    return stages
        .window(campaign.id(), Stage.SCANNING, caller.regionCode(), caller.organizationId())
        .map(
            window ->
                new OwnCampaign(
                    item.id(),
                    item.title(),
                    item.regionCode(),
                    window.opensAt(),
                    window.effectiveClosesAt()))
        .defaultIfEmpty(item);
  }
}
