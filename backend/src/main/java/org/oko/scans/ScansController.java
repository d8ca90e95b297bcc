package org.oko.scans;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.oko.api.ScansApi;
import org.oko.api.model.LocalScanning;
import org.oko.api.model.LocalScanningInput;
import org.oko.api.model.OwnLocalScanning;
import org.oko.api.model.OwnLocalScanningCampaign;
import org.oko.api.model.ScanBatch;
import org.oko.api.model.ScanBatchInput;
import org.oko.api.model.ScanBatchPage;
import org.oko.api.model.ScanSheetDetail;
import org.oko.api.model.ScanSheetPage;
import org.oko.api.model.SheetStatus;
import org.oko.campaigns.CampaignInfo;
import org.oko.campaigns.Stage;
import org.oko.campaigns.StageGate;
import org.oko.orgs.OrganizationRef;
import org.oko.platform.blob.BlobStore;
import org.oko.platform.security.Caller;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.security.Role;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.InvalidRequestException;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.Paging;
import org.oko.platform.web.PayloadTooLargeException;
import org.oko.platform.web.UnprocessableException;
import org.oko.platform.web.UnsupportedTypeException;
import org.oko.scans.BatchStore.BatchRow;
import org.oko.scans.BatchStore.OrganizationRow;
import org.oko.scans.SheetStore.SheetRow;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Scan batches, their sheets and who scans locally (tag {@code scans}). The bytes themselves arrive
 * through {@link ScanUploadRoutes}.
 */
@RestController
class ScansController implements ScansApi {

  private final UploadAccess access;
  private final BatchStore batches;
  private final SheetStore sheets;
  private final BatchCompletion completion;
  private final StageGate stages;
  private final BlobStore blobs;
  private final TransactionalOperator tx;
  private final java.time.Clock clock;
  private final ScansProperties properties;

  ScansController(
      UploadAccess access,
      BatchStore batches,
      SheetStore sheets,
      BatchCompletion completion,
      StageGate stages,
      BlobStore blobs,
      TransactionalOperator tx,
      java.time.Clock clock,
      ScansProperties properties) {
    this.access = access;
    this.batches = batches;
    this.sheets = sheets;
    this.completion = completion;
    this.stages = stages;
    this.blobs = blobs;
    this.tx = tx;
    this.clock = clock;
    this.properties = properties;
  }

  @Override
  public Mono<ResponseEntity<ScanBatch>> createScanBatch(
      Long campaignId, Mono<ScanBatchInput> body, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .doOnNext(UploadAccess::requireUploaderRole)
        .flatMap(caller -> body.flatMap(input -> create(caller, campaignId, input)))
        .map(batch -> ResponseEntity.status(HttpStatus.CREATED).body(ScanViews.batch(batch)));
  }

  private Mono<BatchRow> create(Caller caller, long campaignId, ScanBatchInput input) {
    return access
        .campaign(caller, campaignId)
        .flatMap(
            campaign -> {
              requireSubject(campaign, input.getSubjectKey());
              return participant(campaign, input.getOrganizationId())
                  .flatMap(
                      org ->
                          access
                              .requireUploader(caller, campaignId, org)
                              .then(Mono.fromCallable(() -> checkedName(input)))
                              .flatMap(
                                  name ->
                                      stages
                                          .requireOpen(
                                              campaignId,
                                              Stage.SCANNING,
                                              org.regionCode(),
                                              org.id())
                                          .then(
                                              batches.insert(
                                                  campaignId,
                                                  input.getSubjectKey(),
                                                  org,
                                                  name,
                                                  input.getSize(),
                                                  input.getSha256(),
                                                  caller.login(),
                                                  clock.instant()))));
            })
        .flatMap(batches::find);
  }

  private String checkedName(ScanBatchInput input) {
    String name = SheetNames.sanitized(input.getFileName(), "fileName");
    if (!SheetNames.isZip(name) && SheetNames.sheetType(name) == null) {
      throw new UnsupportedTypeException(SheetNames.forbidden(name, true));
    }
    if (input.getSize() > properties.maxBatchSize().toBytes()) {
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

  private static boolean takesPart(CampaignInfo campaign, OrganizationRow o) {
    return campaign.regionCodes().contains(o.ref().regionCode())
        && campaign.organizationKinds().contains(o.kind());
  }

  @Override
  public Mono<ResponseEntity<ScanBatchPage>> listScanBatches(
      Long campaignId,
      Long organizationId,
      String subjectKey,
      Integer page,
      Integer size,
      ServerWebExchange exchange) {
    Paging paging = new Paging(page, size);
    return CurrentCaller.get()
        .flatMap(
            caller -> {
              ScanScope scope = ScanScope.of(caller);
              return access
                  .campaign(caller, campaignId)
                  .then(visibleOrganization(caller, organizationId))
                  .then(
                      Mono.zip(
                          batches
                              .page(campaignId, scope, organizationId, subjectKey, paging)
                              .map(ScanViews::batch)
                              .collectList(),
                          batches.count(campaignId, scope, organizationId, subjectKey)));
            })
        .map(
            t ->
                ResponseEntity.ok(
                    new ScanBatchPage(t.getT1(), paging.page(), paging.size(), t.getT2())));
  }

  /** Completes if the organization is null or in the caller's scope; 404 otherwise. */
  private Mono<Void> visibleOrganization(Caller caller, Long organizationId) {
    if (organizationId == null) {
      return Mono.empty();
    }
    return batches
        .organization(organizationId)
        .filter(o -> ScanAccess.seesOrganization(caller, o.ref()))
        .switchIfEmpty(Mono.error(() -> UploadAccess.notFound(organizationId)))
        .then();
  }

  @Override
  public Mono<ResponseEntity<ScanBatch>> getScanBatch(Long batchId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> visibleBatch(caller, batchId))
        .map(batch -> ResponseEntity.ok(ScanViews.batch(batch)));
  }

  private Mono<BatchRow> visibleBatch(Caller caller, long batchId) {
    ScanAccess.requireReader(caller);
    return batches
        .find(batchId)
        .filter(b -> ScanAccess.seesOrganization(caller, b.organization()))
        .switchIfEmpty(Mono.error(() -> batchNotFound(batchId)));
  }

  static NotFoundException batchNotFound(long batchId) {
    return new NotFoundException("Пакет сканов " + batchId + " не найден");
  }

  @Override
  public Mono<ResponseEntity<Void>> cancelScanBatch(Long batchId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .doOnNext(UploadAccess::requireUploaderRole)
        .flatMap(
            caller ->
                visibleBatch(caller, batchId)
                    .flatMap(
                        batch ->
                            access
                                .requireUploader(caller, batch.campaignId(), batch.organization())
                                .then(requireReceiving(batch))
                                .then(
                                    stages.requireOpen(
                                        batch.campaignId(),
                                        Stage.SCANNING,
                                        batch.organization().regionCode(),
                                        batch.organization().id()))
                                .then(
                                    batches.finish(
                                        batchId, "RECEIVING", "CANCELLED", null, clock.instant()))
                                .flatMap(
                                    cancelled ->
                                        cancelled
                                            ? completion.dropChunks(batchId)
                                            : Mono.error(notReceiving("UNPACKING")))))
        .thenReturn(ResponseEntity.noContent().<Void>build());
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

  @Override
  public Mono<ResponseEntity<ScanSheetPage>> listScanSheets(
      Long campaignId,
      String regionCode,
      Long organizationId,
      Long batchId,
      String subjectKey,
      Long kitNumber,
      SheetStatus status,
      Integer page,
      Integer size,
      ServerWebExchange exchange) {
    Paging paging = new Paging(page, size);
    SheetStore.Filter filter =
        new SheetStore.Filter(
            regionCode,
            organizationId,
            batchId,
            subjectKey,
            kitNumber,
            status == null ? null : status.getValue());
    return CurrentCaller.get()
        .flatMap(
            caller -> {
              ScanScope scope = ScanScope.of(caller);
              if (regionCode != null && !ScanAccess.seesRegion(caller, regionCode)) {
                return Mono.error(new NotFoundException("Регион «" + regionCode + "» не найден"));
              }
              return access
                  .campaign(caller, campaignId)
                  .then(visibleOrganization(caller, organizationId))
                  .then(
                      Mono.zip(
                          sheets
                              .page(campaignId, scope, filter, paging)
                              .map(ScanViews::sheet)
                              .collectList(),
                          sheets.count(campaignId, scope, filter)));
            })
        .map(
            t ->
                ResponseEntity.ok(
                    new ScanSheetPage(t.getT1(), paging.page(), paging.size(), t.getT2())));
  }

  @Override
  public Mono<ResponseEntity<ScanSheetDetail>> getScanSheet(
      Long sheetId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> visibleSheet(caller, sheetId))
        .flatMap(
            sheet ->
                sheets
                    .history(sheet.id())
                    .map(ScanViews::sheet)
                    .collectList()
                    .map(history -> ResponseEntity.ok(ScanViews.detail(sheet, history))));
  }

  private Mono<SheetRow> visibleSheet(Caller caller, long sheetId) {
    ScanAccess.requireReader(caller);
    return sheets
        .find(sheetId)
        .filter(s -> ScanAccess.seesOrganization(caller, s.organization()))
        .switchIfEmpty(Mono.error(() -> sheetNotFound(sheetId)));
  }

  static NotFoundException sheetNotFound(long sheetId) {
    return new NotFoundException("Лист " + sheetId + " не найден");
  }

  @Override
  public Mono<ResponseEntity<Resource>> getScanSheetImage(
      Long sheetId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> visibleSheet(caller, sheetId))
        .map(
            sheet ->
                ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(sheet.contentType()))
                    .eTag("\"" + sheet.blobKey() + "\"")
                    .body(blobs.open(sheet.blobKey())));
  }

  @Override
  public Mono<ResponseEntity<Resource>> getScanSheetThumbnail(
      Long sheetId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> visibleSheet(caller, sheetId))
        .map(
            sheet -> {
              if (sheet.thumbnailKey() == null) {
                throw new NotFoundException(
                    "Миниатюры листа пока нет: он ещё проверяется или не читается");
              }
              return ResponseEntity.ok()
                  .contentType(MediaType.IMAGE_PNG)
                  .body(blobs.open(sheet.thumbnailKey()));
            });
  }

  @Override
  public Mono<ResponseEntity<LocalScanning>> getLocalScanning(
      Long campaignId, String regionCode, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(
            caller ->
                campaignRegion(caller, campaignId, regionCode)
                    .thenMany(batches.localScanning(campaignId, regionCode))
                    .filter(o -> ScanAccess.seesOrganization(caller, o))
                    .map(ScanViews::organization)
                    .collectList())
        .map(list -> ResponseEntity.ok(new LocalScanning(regionCode, list)));
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

  @Override
  public Mono<ResponseEntity<LocalScanning>> setLocalScanning(
      Long campaignId,
      String regionCode,
      Mono<LocalScanningInput> body,
      ServerWebExchange exchange) {
    return CurrentCaller.withRole(Role.FEDERAL, Role.REGIONAL)
        .flatMap(
            caller ->
                campaignRegion(caller, campaignId, regionCode)
                    .flatMap(
                        campaign ->
                            body.flatMap(
                                input ->
                                    checkedLocal(campaign, regionCode, input.getOrganizationIds())
                                        .flatMap(
                                            ids ->
                                                batches
                                                    .setLocalScanning(campaignId, regionCode, ids)
                                                    .as(tx::transactional)))))
        .then(getLocalScanning(campaignId, regionCode, exchange));
  }

  /** The ids if each is an organization of the region taking part in the campaign; 422 else. */
  private Mono<List<Long>> checkedLocal(CampaignInfo campaign, String regionCode, List<Long> ids) {
    List<Long> distinct = ids.stream().distinct().toList();
    if (distinct.isEmpty()) {
      return Mono.just(distinct);
    }
    return batches
        .organizations(distinct)
        .collectMap(o -> o.ref().id(), Function.identity())
        .map(
            found -> {
              List<FieldProblem> problems = new ArrayList<>();
              for (int i = 0; i < ids.size(); i++) {
                OrganizationRow o = found.get(ids.get(i));
                if (o == null
                    || !o.ref().regionCode().equals(regionCode)
                    || !takesPart(campaign, o)) {
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
                    "Список не сохранён: " + problems.size() + " организаций не подходят",
                    problems);
              }
              return distinct;
            });
  }

  @Override
  public Mono<ResponseEntity<OwnLocalScanning>> listOwnLocalScanning(ServerWebExchange exchange) {
    return CurrentCaller.withRole(Role.ORGANIZATION)
        .flatMap(
            caller ->
                batches
                    .campaignsScannedLocallyBy(caller.organizationId())
                    .concatMap(
                        campaignId ->
                            access
                                .campaign(caller, campaignId)
                                // A campaign it no longer takes part in is not offered.
                                .onErrorResume(NotFoundException.class, e -> Mono.empty())
                                .flatMap(campaign -> ownLocalScanning(caller, campaign)))
                    .collectList())
        .map(items -> ResponseEntity.ok(new OwnLocalScanning(items)));
  }

  /** The campaign with the scanning stage's window as it applies to the caller's organization. */
  private Mono<OwnLocalScanningCampaign> ownLocalScanning(Caller caller, CampaignInfo campaign) {
    OwnLocalScanningCampaign item =
        new OwnLocalScanningCampaign(campaign.id(), campaign.title(), caller.regionCode());
    return stages
        .window(campaign.id(), Stage.SCANNING, caller.regionCode(), caller.organizationId())
        .map(
            window ->
                item.opensAt(ScanViews.time(window.opensAt()))
                    .closesAt(ScanViews.time(window.effectiveClosesAt())))
        .defaultIfEmpty(item);
  }
}
