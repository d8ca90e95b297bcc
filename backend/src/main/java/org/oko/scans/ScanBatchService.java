package org.oko.scans;

import java.time.Clock;
import org.oko.campaigns.CampaignInfo;
import org.oko.campaigns.Stage;
import org.oko.campaigns.StageGate;
import org.oko.orgs.OrganizationRef;
import org.oko.platform.security.Caller;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.InvalidRequestException;
import org.oko.platform.web.Listing;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.Paging;
import org.oko.platform.web.PayloadTooLargeException;
import org.oko.platform.web.UnsupportedTypeException;
import org.oko.scans.BatchStore.BatchRow;
import org.oko.scans.BatchStore.OrganizationRow;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Scan batches: opening one (its bytes then arrive through {@link ScanUploadService}), cancelling
 * it while it receives, and reading them in the caller's scope.
 */
@Service
class ScanBatchService {

  /** A batch as declared by its uploader: the subject, organization and file. */
  record NewBatch(
      String subjectKey, long organizationId, String fileName, long size, String sha256) {}

  private final UploadAccess access;
  private final BatchStore batches;
  private final BatchCompletionService completion;
  private final StageGate stages;
  private final Clock clock;
  private final ScansProperties properties;

  ScanBatchService(
      UploadAccess access,
      BatchStore batches,
      BatchCompletionService completion,
      StageGate stages,
      Clock clock,
      ScansProperties properties) {
    this.access = access;
    this.batches = batches;
    this.completion = completion;
    this.stages = stages;
    this.clock = clock;
    this.properties = properties;
  }

  /** Opens a batch for the organization, while its scanning stage is open. */
  Mono<BatchRow> create(Caller caller, long campaignId, NewBatch batch) {
    UploadAccess.requireUploaderRole(caller);
    return access
        .campaign(caller, campaignId)
        .flatMap(campaign -> participant(campaign, batch))
        .flatMap(org -> insert(caller, campaignId, org, batch))
        .flatMap(batches::find);
  }

  private Mono<OrganizationRef> participant(CampaignInfo campaign, NewBatch batch) {
    requireSubject(campaign, batch.subjectKey());
    return participant(campaign, batch.organizationId());
  }

  private Mono<Long> insert(Caller caller, long campaignId, OrganizationRef org, NewBatch batch) {
    return access
        .requireUploader(caller, campaignId, org)
        .then(Mono.fromCallable(() -> checkedName(batch)))
        .flatMap(
            name ->
                requireScanningOpen(campaignId, org)
                    .then(insert(caller, campaignId, org, batch, name)));
  }

  private Mono<Long> insert(
      Caller caller, long campaignId, OrganizationRef org, NewBatch batch, String name) {
    return batches.insert(
        campaignId,
        batch.subjectKey(),
        org,
        name,
        batch.size(),
        batch.sha256(),
        caller.login(),
        clock.instant());
  }

  private String checkedName(NewBatch batch) {
    String name = SheetNames.sanitized(batch.fileName(), "fileName");
    if (!SheetNames.isZip(name) && SheetNames.sheetType(name) == null) {
      throw new UnsupportedTypeException(SheetNames.forbidden(name, true));
    }
    if (batch.size() > properties.maxBatchSize().toBytes()) {
      throw new PayloadTooLargeException(properties.maxBatchSize().toBytes());
    }
    return name;
  }

  private static void requireSubject(CampaignInfo campaign, String subjectKey) {
    if (campaign.subjects().stream().noneMatch(s -> s.key().equals(subjectKey))) {
      throw new InvalidRequestException(
          "subjectKey", "В кампании нет предмета «" + subjectKey + "»");
    }
  }

  /** The organization, if it takes part in the campaign (its region and kind); 404 otherwise. */
  private Mono<OrganizationRef> participant(CampaignInfo campaign, long organizationId) {
    return batches
        .organization(organizationId)
        .filter(o -> takesPart(campaign, o))
        .map(OrganizationRow::ref)
        .switchIfEmpty(Mono.error(() -> UploadAccess.notFound(organizationId)));
  }

  static boolean takesPart(CampaignInfo campaign, OrganizationRow o) {
    return campaign.regionCodes().contains(o.ref().regionCode())
        && campaign.organizationKinds().contains(o.kind());
  }

  /**
   * The campaign's batches in the caller's scope, narrowed by organization and subject, newest
   * first: a page by number, or (keyset) those older than {@code beforeId} when it is not null.
   */
  Mono<Listing<BatchRow>> page(
      Caller caller,
      long campaignId,
      Long organizationId,
      String subjectKey,
      Paging paging,
      Long beforeId) {
    ScanScope scope = ScanScope.of(caller);
    return access
        .campaign(caller, campaignId)
        .then(visibleOrganization(caller, organizationId))
        .then(
            Mono.zip(
                batches
                    .page(campaignId, scope, organizationId, subjectKey, paging, beforeId)
                    .collectList(),
                batches.count(campaignId, scope, organizationId, subjectKey),
                Listing::new));
  }

  /** Completes if the organization is null or in the caller's scope; 404 otherwise. */
  Mono<Void> visibleOrganization(Caller caller, Long organizationId) {
    if (organizationId == null) {
      return Mono.empty();
    }
    return batches
        .organization(organizationId)
        .filter(o -> ScanAccess.seesOrganization(caller, o.ref()))
        .switchIfEmpty(Mono.error(() -> UploadAccess.notFound(organizationId)))
        .then();
  }

  /** The batch if the caller sees it; 404 otherwise. */
  Mono<BatchRow> visibleBatch(Caller caller, long batchId) {
    ScanAccess.requireReader(caller);
    return batches
        .find(batchId)
        .filter(b -> ScanAccess.seesOrganization(caller, b.organization()))
        .switchIfEmpty(Mono.error(() -> batchNotFound(batchId)));
  }

  /** Cancels a batch that still receives bytes and forgets its chunks. */
  Mono<Void> cancel(Caller caller, long batchId) {
    UploadAccess.requireUploaderRole(caller);
    return visibleBatch(caller, batchId)
        .flatMap(
            batch ->
                access
                    .requireUploader(caller, batch.campaignId(), batch.organization())
                    .then(requireReceiving(batch))
                    .then(requireScanningOpen(batch.campaignId(), batch.organization())))
        .then(batches.finish(batchId, "RECEIVING", "CANCELLED", null, clock.instant()))
        .flatMap(
            cancelled ->
                cancelled ? completion.dropChunks(batchId) : Mono.error(notReceiving("UNPACKING")));
  }

  Mono<Void> requireScanningOpen(long campaignId, OrganizationRef org) {
    return stages.requireOpen(campaignId, Stage.SCANNING, org.regionCode(), org.id());
  }

  static NotFoundException batchNotFound(long batchId) {
    return new NotFoundException("Пакет сканов " + batchId + " не найден");
  }

  static Mono<Void> requireReceiving(BatchRow batch) {
    return batch.receiving() ? Mono.empty() : Mono.error(notReceiving(batch.status()));
  }

  static ConflictException notReceiving(String status) {
    return new ConflictException(
        switch (status) {
          case "CANCELLED" -> "Загрузка этого пакета отменена: начните новую";
          case "REJECTED" -> "Пакет отклонён: исправьте файл и загрузите его новым пакетом";
          case "UNPACKING" ->
              "Пакет уже получен полностью и распаковывается: отменить или дополнить его нельзя";
          default -> "Пакет уже получен полностью: изменить его нельзя";
        });
  }
}
