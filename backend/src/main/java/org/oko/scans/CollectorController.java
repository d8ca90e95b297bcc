package org.oko.scans;

import org.oko.api.CollectorApi;
import org.oko.api.model.MissingPagesPage;
import org.oko.api.model.ScanProgress;
import org.oko.api.model.ScanScheme;
import org.oko.api.model.ScanSchemeInput;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.security.Role;
import org.oko.platform.web.NextLinks;
import org.oko.platform.web.Paging;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the collector expects (answer-sheet schemes) and what it has (progress, kits with missing
 * pages), for the coordinators and scanning centres in their scope.
 */
@RestController
class CollectorController implements CollectorApi {

  private final SchemeService schemes;
  private final CollectorService collector;

  CollectorController(SchemeService schemes, CollectorService collector) {
    this.schemes = schemes;
    this.collector = collector;
  }

  @Override
  public Mono<ResponseEntity<Flux<ScanScheme>>> listScanSchemes(
      Long campaignId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> schemes.list(caller, campaignId))
        .map(list -> ResponseEntity.ok(list.map(CollectorMapper::scheme)));
  }

  @Override
  public Mono<ResponseEntity<ScanScheme>> putScanScheme(
      Long campaignId,
      String subjectKey,
      Mono<ScanSchemeInput> scanSchemeInput,
      ServerWebExchange exchange) {
    return CurrentCaller.withRole(Role.FEDERAL)
        .flatMap(
            caller ->
                schemes.put(
                    caller,
                    campaignId,
                    subjectKey,
                    scanSchemeInput.map(
                        input -> CollectorMapper.scheme(campaignId, subjectKey, input))))
        .map(named -> ResponseEntity.ok(CollectorMapper.scheme(named)));
  }

  @Override
  public Mono<ResponseEntity<ScanProgress>> getScanProgress(
      Long campaignId,
      String regionCode,
      String subjectKey,
      Integer page,
      Integer size,
      ServerWebExchange exchange) {
    Paging paging = new Paging(page, size);
    return CurrentCaller.get()
        .flatMap(caller -> collector.progress(caller, campaignId, regionCode, subjectKey, paging))
        .map(progress -> ResponseEntity.ok(CollectorMapper.progress(progress, paging)));
  }

  @Override
  public Mono<ResponseEntity<MissingPagesPage>> listMissingPages(
      Long campaignId,
      String regionCode,
      Long organizationId,
      String subjectKey,
      Integer page,
      Integer size,
      String after,
      ServerWebExchange exchange) {
    Paging paging = new Paging(page, size);
    return CurrentCaller.get()
        .flatMap(
            caller ->
                collector.missingPages(
                    caller, campaignId, regionCode, organizationId, subjectKey, paging, after))
        .map(
            found -> {
              String next =
                  after == null
                      ? null
                      : NextLinks.next(
                          exchange, paging.size(), found.items(), MissingPagesStore.Cursor::of);
              return ResponseEntity.ok()
                  .headers(NextLinks.header(next))
                  .body(CollectorMapper.missingPages(found, paging).next(next));
            });
  }
}
