package org.oko.observers;

import org.oko.api.ObserverHandoversApi;
import org.oko.api.model.ObserverArchiveHandover;
import org.oko.api.model.ObserverArchiveHandoverBoard;
import org.oko.api.model.ObserverAuthorityHandover;
import org.oko.api.model.ObserverAuthorityHandoverInput;
import org.oko.api.model.ObserverViolationHandover;
import org.oko.api.model.ObserverViolationHandoverBoard;
import org.oko.platform.excel.WorkbookDownload;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.web.ApiTimes;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The hand-overs up the hierarchy (tag «observer-handovers»): the archive of acts with violations
 * to РЦОКО (seed 003 11.2–11.3), the region's violations to the federal organizer and, apart, to
 * its education authority (seed 000); each maps to one service call.
 */
@RestController
class ObserverHandoversController implements ObserverHandoversApi {

  private final ArchiveHandoverService archives;
  private final RegionHandoverService regions;

  ObserverHandoversController(ArchiveHandoverService archives, RegionHandoverService regions) {
    this.archives = archives;
    this.regions = regions;
  }

  @Override
  public Mono<ResponseEntity<ObserverAuthorityHandover>> handOverObserverViolationsToAuthority(
      Long campaignId, Mono<ObserverAuthorityHandoverInput> body, ServerWebExchange exchange) {
    return CurrentCaller.withBody(
            body,
            (caller, input) ->
                regions.handOver(
                    caller,
                    campaignId,
                    HandoverKind.AUTHORITY,
                    new RegionHandoverStore.Letter(input.getAuthority(), input.getReference())))
        .map(row -> ResponseEntity.ok(toAuthority(row)));
  }

  @Override
  public Mono<ResponseEntity<ObserverAuthorityHandover>> getObserverAuthorityHandover(
      Long campaignId, String regionCode, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> regions.status(caller, campaignId, HandoverKind.AUTHORITY, regionCode))
        .map(row -> ResponseEntity.ok(toAuthority(row)));
  }

  @Override
  public Mono<ResponseEntity<Resource>> downloadObserverAuthorityRegister(
      Long campaignId, String regionCode, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> regions.authorityRegister(caller, campaignId, regionCode))
        .map(bytes -> WorkbookDownload.response(bytes, "Сведения о нарушениях для ОИВ.xlsx"));
  }

  @Override
  public Mono<ResponseEntity<ObserverArchiveHandover>> handOverObserverActArchive(
      Long campaignId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> archives.handOver(caller, campaignId))
        .map(row -> ResponseEntity.ok(toApi(row)));
  }

  @Override
  public Mono<ResponseEntity<ObserverArchiveHandoverBoard>> listObserverArchiveHandovers(
      Long campaignId, String regionCode, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> archives.board(caller, campaignId, regionCode))
        .map(
            board ->
                ResponseEntity.ok(
                    new ObserverArchiveHandoverBoard()
                        .regionCode(board.regionCode())
                        .passed(board.passed())
                        .notPassed(board.items().size() - board.passed())
                        .late(board.late())
                        .deadline(board.deadline() == null ? null : ApiTimes.utc(board.deadline()))
                        .timeZone(board.timeZone())
                        .items(board.items().stream().map(this::toApi).toList())));
  }

  @Override
  public Mono<ResponseEntity<ObserverViolationHandover>> handOverObserverViolations(
      Long campaignId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(
            caller ->
                regions.handOver(
                    caller, campaignId, HandoverKind.FEDERAL, RegionHandoverStore.Letter.NONE))
        .map(row -> ResponseEntity.ok(toFederal(row)));
  }

  @Override
  public Mono<ResponseEntity<ObserverViolationHandoverBoard>> listObserverViolationHandovers(
      Long campaignId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> regions.board(caller, campaignId, HandoverKind.FEDERAL))
        .map(
            board ->
                ResponseEntity.ok(
                    new ObserverViolationHandoverBoard()
                        .passed(board.passed())
                        .notPassed(board.items().size() - board.passed())
                        .late(board.late())
                        .items(board.items().stream().map(this::toFederal).toList())));
  }

  private ObserverArchiveHandover toApi(ArchiveHandoverStore.Row row) {
    return new ObserverArchiveHandover()
        .unitName(row.unitName())
        .timeZone(row.timeZone())
        .late(row.late())
        .municipalityId(row.municipalityId())
        .handedAt(row.handedAt() == null ? null : ApiTimes.utc(row.handedAt()))
        .handedBy(row.handedBy())
        .acts(row.acts());
  }

  private ObserverAuthorityHandover toAuthority(RegionHandover row) {
    return new ObserverAuthorityHandover()
        .regionCode(row.regionCode())
        .regionName(row.regionName())
        .timeZone(row.timeZone())
        .authority(row.authority())
        .reference(row.reference())
        .deadline(row.deadline() == null ? null : ApiTimes.utc(row.deadline()))
        .handedAt(row.handedAt() == null ? null : ApiTimes.utc(row.handedAt()))
        .handedBy(row.handedBy())
        .late(row.late())
        .acts(row.acts())
        .points(row.points())
        .municipalities(row.municipalities())
        .actsWithViolations(row.actsWithViolations());
  }

  private ObserverViolationHandover toFederal(RegionHandover row) {
    return new ObserverViolationHandover()
        .regionCode(row.regionCode())
        .regionName(row.regionName())
        .timeZone(row.timeZone())
        .deadline(row.deadline() == null ? null : ApiTimes.utc(row.deadline()))
        .handedAt(row.handedAt() == null ? null : ApiTimes.utc(row.handedAt()))
        .handedBy(row.handedBy())
        .late(row.late())
        .acts(row.acts())
        .points(row.points())
        .municipalities(row.municipalities())
        .unitsPassed(row.unitsPassed())
        .actsWithViolations(row.actsWithViolations());
  }
}
