package org.oko.scans;

import org.oko.api.ScansApi;
import org.oko.api.model.LocalScanning;
import org.oko.api.model.LocalScanningInput;
import org.oko.api.model.OwnLocalScanning;
import org.oko.api.model.ScanBatch;
import org.oko.api.model.ScanBatchInput;
import org.oko.api.model.ScanBatchPage;
import org.oko.api.model.ScanSheetDetail;
import org.oko.api.model.ScanSheetPage;
import org.oko.api.model.SheetStatus;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.security.Role;
import org.oko.platform.web.NextLinks;
import org.oko.platform.web.Paging;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Scan batches, their sheets and who scans locally (tag {@code scans}). The bytes themselves arrive
 * through {@link ScanUploadRoutes}.
 */
@RestController
class ScansController implements ScansApi {

  private final ScanBatchService batches;
  private final ScanSheetService sheets;
  private final LocalScanningService localScanning;

  ScansController(
      ScanBatchService batches, ScanSheetService sheets, LocalScanningService localScanning) {
    this.batches = batches;
    this.sheets = sheets;
    this.localScanning = localScanning;
  }

  @Override
  public Mono<ResponseEntity<ScanBatch>> createScanBatch(
      Long campaignId, Mono<ScanBatchInput> body, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .doOnNext(UploadAccess::requireUploaderRole)
        .flatMap(
            caller ->
                body.flatMap(
                    input -> batches.create(caller, campaignId, ScanMapper.newBatch(input))))
        .map(batch -> ResponseEntity.status(HttpStatus.CREATED).body(ScanMapper.batch(batch)));
  }

  @Override
  public Mono<ResponseEntity<ScanBatchPage>> listScanBatches(
      Long campaignId,
      Long organizationId,
      String subjectKey,
      Integer page,
      Integer size,
      Long before,
      ServerWebExchange exchange) {
    Paging paging = new Paging(page, size);
    return CurrentCaller.get()
        .flatMap(
            caller -> batches.page(caller, campaignId, organizationId, subjectKey, paging, before))
        .map(
            found -> {
              // newest first either way, so a page by number continues by keyset too
              String next =
                  NextLinks.next(
                      exchange, paging.size(), found.items(), BatchStore.BatchRow::id, "before");
              return ResponseEntity.ok()
                  .headers(NextLinks.header(next))
                  .body(ScanMapper.batchPage(found, paging).next(next));
            });
  }

  @Override
  public Mono<ResponseEntity<ScanBatch>> getScanBatch(Long batchId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> batches.visibleBatch(caller, batchId))
        .map(batch -> ResponseEntity.ok(ScanMapper.batch(batch)));
  }

  @Override
  public Mono<ResponseEntity<Void>> cancelScanBatch(Long batchId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> batches.cancel(caller, batchId))
        .thenReturn(ResponseEntity.noContent().<Void>build());
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
      Long after,
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
        .flatMap(caller -> sheets.page(caller, campaignId, filter, paging, after))
        .map(
            found -> {
              String next =
                  after == null
                      ? null
                      : NextLinks.next(
                          exchange, paging.size(), found.items(), SheetStore.SheetRow::id);
              return ResponseEntity.ok()
                  .headers(NextLinks.header(next))
                  .body(ScanMapper.sheetPage(found, paging).next(next));
            });
  }

  @Override
  public Mono<ResponseEntity<ScanSheetDetail>> getScanSheet(
      Long sheetId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> sheets.detail(caller, sheetId))
        .map(found -> ResponseEntity.ok(ScanMapper.detail(found)));
  }

  @Override
  public Mono<ResponseEntity<Resource>> getScanSheetImage(
      Long sheetId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> sheets.image(caller, sheetId))
        .map(
            image ->
                ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(image.contentType()))
                    .eTag("\"" + image.blobKey() + "\"")
                    .body(image.content()));
  }

  @Override
  public Mono<ResponseEntity<Resource>> getScanSheetThumbnail(
      Long sheetId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> sheets.thumbnail(caller, sheetId))
        .map(thumbnail -> ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(thumbnail));
  }

  @Override
  public Mono<ResponseEntity<LocalScanning>> getLocalScanning(
      Long campaignId, String regionCode, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> localScanning.list(caller, campaignId, regionCode))
        .map(list -> ResponseEntity.ok(ScanMapper.localScanning(regionCode, list)));
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
                localScanning.set(
                    caller,
                    campaignId,
                    regionCode,
                    body.map(LocalScanningInput::getOrganizationIds)))
        .map(list -> ResponseEntity.ok(ScanMapper.localScanning(regionCode, list)));
  }

  @Override
  public Mono<ResponseEntity<OwnLocalScanning>> listOwnLocalScanning(ServerWebExchange exchange) {
    return CurrentCaller.withRole(Role.ORGANIZATION)
        .flatMap(localScanning::own)
        .map(items -> ResponseEntity.ok(ScanMapper.ownLocalScanning(items)));
  }
}
