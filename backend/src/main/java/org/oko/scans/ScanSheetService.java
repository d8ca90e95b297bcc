package org.oko.scans;

import java.util.List;
import org.oko.platform.blob.BlobStore;
import org.oko.platform.security.Caller;
import org.oko.platform.web.Listing;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.Paging;
import org.oko.scans.SheetStore.SheetRow;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The sheets of batches, their history of replacements and their files, in the caller's scope. */
@Service
class ScanSheetService {

  /** A sheet with the sheets it replaced, newest first. */
  record SheetDetail(SheetRow sheet, List<SheetRow> history) {}

  /** A sheet's file as it was uploaded. */
  record SheetImage(String contentType, String blobKey, Resource content) {}

  private final UploadAccess access;
  private final ScanBatchService batches;
  private final SheetStore sheets;
  private final BlobStore blobs;

  ScanSheetService(
      UploadAccess access, ScanBatchService batches, SheetStore sheets, BlobStore blobs) {
    this.access = access;
    this.batches = batches;
    this.sheets = sheets;
    this.blobs = blobs;
  }

  /** A page by number, or (keyset, {@code afterId} not null) the sheets after that id. */
  Mono<Listing<SheetRow>> page(
      Caller caller, long campaignId, SheetStore.Filter filter, Paging paging, Long afterId) {
    ScanScope scope = ScanScope.of(caller);
    if (filter.regionCode() != null && !ScanAccess.seesRegion(caller, filter.regionCode())) {
      return Mono.error(new NotFoundException("Регион «" + filter.regionCode() + "» не найден"));
    }
    return access
        .campaign(caller, campaignId)
        .then(batches.visibleOrganization(caller, filter.organizationId()))
        .then(
            Mono.zip(
                sheets.page(campaignId, scope, filter, paging, afterId).collectList(),
                sheets.count(campaignId, scope, filter),
                Listing::new));
  }

  Mono<SheetDetail> detail(Caller caller, long sheetId) {
    return visibleSheet(caller, sheetId)
        .flatMap(
            sheet -> sheets.history(sheet.id()).collectList().map(h -> new SheetDetail(sheet, h)));
  }

  Mono<SheetImage> image(Caller caller, long sheetId) {
    return visibleSheet(caller, sheetId)
        .map(
            sheet ->
                new SheetImage(sheet.contentType(), sheet.blobKey(), blobs.open(sheet.blobKey())));
  }

  /** The sheet's PNG thumbnail; 404 while it has none (being checked, or unreadable). */
  Mono<Resource> thumbnail(Caller caller, long sheetId) {
    return visibleSheet(caller, sheetId)
        .map(
            sheet -> {
              if (sheet.thumbnailKey() == null) {
                throw new NotFoundException(
                    "Миниатюры листа пока нет: он ещё проверяется или не читается");
              }
              return blobs.open(sheet.thumbnailKey());
            });
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
}
