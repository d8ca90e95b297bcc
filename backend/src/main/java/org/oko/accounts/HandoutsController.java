package org.oko.accounts;

import org.oko.api.HandoutsApi;
import org.oko.api.model.CredentialHandout;
import org.oko.api.model.CredentialHandoutPage;
import org.oko.api.model.CredentialHandoutPreview;
import org.oko.api.model.CredentialHandoutRequest;
import org.oko.platform.excel.WorkbookDownload;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.web.Paging;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The credentials hand-out: preview, issue, list, the region's and the municipality's download. */
@RestController
class HandoutsController implements HandoutsApi {

  private final HandoutService handouts;
  private final HandoutListingService listing;
  private final HandoutDownloadService downloads;

  HandoutsController(
      HandoutService handouts, HandoutListingService listing, HandoutDownloadService downloads) {
    this.handouts = handouts;
    this.listing = listing;
    this.downloads = downloads;
  }

  @Override
  public Mono<ResponseEntity<CredentialHandoutPage>> listCredentialHandouts(
      String regionCode, Long campaignId, Integer page, Integer size, ServerWebExchange exchange) {
    Paging paging = new Paging(page, size);
    return CurrentCaller.get()
        .flatMap(
            caller -> listing.list(caller, regionCode, campaignId, paging.offset(), paging.size()))
        .map(
            found ->
                ResponseEntity.ok(
                    found.toPage(
                        paging,
                        HandoutMapper::toApi,
                        (items, total, pages, p, s) ->
                            new CredentialHandoutPage(p, s, total, pages, items))));
  }

  @Override
  public Mono<ResponseEntity<CredentialHandoutPreview>> previewCredentialHandout(
      String regionCode,
      Long campaignId,
      Long municipalityId,
      Long organizationId,
      ServerWebExchange exchange) {
    var request =
        new HandoutService.Request(regionCode, campaignId, municipalityId, organizationId);
    return CurrentCaller.get()
        .flatMap(caller -> handouts.preview(caller, request))
        .map(preview -> ResponseEntity.ok(HandoutMapper.toApi(preview)));
  }

  @Override
  public Mono<ResponseEntity<CredentialHandout>> createCredentialHandout(
      Mono<CredentialHandoutRequest> body, ServerWebExchange exchange) {
    return CurrentCaller.withBody(
            body,
            (caller, input) ->
                handouts.issue(
                    caller,
                    HandoutMapper.toRequest(input),
                    input.getConfirmedCount(),
                    HandoutMapper.clientAddress(exchange)))
        .map(view -> ResponseEntity.status(HttpStatus.CREATED).body(HandoutMapper.toApi(view)));
  }

  @Override
  public Mono<ResponseEntity<Resource>> downloadCredentialHandout(
      Long handoutId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(
            caller -> downloads.download(caller, handoutId, HandoutMapper.clientAddress(exchange)))
        .map(file -> WorkbookDownload.response(file.bytes(), file.fileName()));
  }

  @Override
  public Mono<ResponseEntity<CredentialHandout>> passCredentialHandoutPart(
      Long partId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> downloads.pass(caller, partId, HandoutMapper.clientAddress(exchange)))
        .map(view -> ResponseEntity.ok(HandoutMapper.toApi(view)));
  }

  @Override
  public Mono<ResponseEntity<Resource>> downloadCredentialHandoutPart(
      Long partId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(
            caller -> downloads.downloadPart(caller, partId, HandoutMapper.clientAddress(exchange)))
        .map(file -> WorkbookDownload.response(file.bytes(), file.fileName()));
  }
}
