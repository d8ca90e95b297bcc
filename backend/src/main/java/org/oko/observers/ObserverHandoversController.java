package org.oko.observers;

import org.oko.api.ObserverHandoversApi;
import org.oko.api.model.ObserverArchiveHandover;
import org.oko.api.model.ObserverArchiveHandoverBoard;
import org.oko.api.model.ObserverAuthorityHandover;
import org.oko.api.model.ObserverAuthorityHandoverInput;
import org.oko.api.model.ObserverViolationHandover;
import org.oko.api.model.ObserverViolationHandoverBoard;
import org.oko.platform.excel.WorkbookDownload;
import org.oko.platform.security.Caller;
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
  private final ViolationHandoverService violations;
  private final AuthorityHandoverService authority;

  ObserverHandoversController(
      ArchiveHandoverService archives,
      ViolationHandoverService violations,
      AuthorityHandoverService authority) {
    this.archives = archives;
    this.violations = violations;
    this.authority = authority;
  }

  @Override
  public Mono<ResponseEntity<ObserverAuthorityHandover>> handOverObserverViolationsToAuthority(
      Long campaignId, Mono<ObserverAuthorityHandoverInput> body, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .zipWith(body)
        .flatMap(
            in -> {
              Caller caller = in.getT1();
              ObserverAuthorityHandoverInput input = in.getT2();
              return authority.handOver(
                  caller, campaignId, input.getAuthority(), input.getReference());
            })
        .map(row -> ResponseEntity.ok(toApi(row)));
  }

  @Override
  public Mono<ResponseEntity<ObserverAuthorityHandover>> getObserverAuthorityHandover(
      Long campaignId, String regionCode, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> authority.status(caller, campaignId, regionCode))
        .map(row -> ResponseEntity.ok(toApi(row)));
  }

  @Override
  public Mono<ResponseEntity<Resource>> downloadObserverAuthorityRegister(
      Long campaignId, String regionCode, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> authority.register(caller, campaignId, regionCode))
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
        .flatMap(caller -> violations.handOver(caller, campaignId))
        .map(row -> ResponseEntity.ok(toApi(row)));
  }

  @Override
  public Mono<ResponseEntity<ObserverViolationHandoverBoard>> listObserverViolationHandovers(
      Long campaignId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> violations.board(caller, campaignId))
        .map(
            board ->
                ResponseEntity.ok(
                    new ObserverViolationHandoverBoard()
                        .passed(board.passed())
                        .notPassed(board.items().size() - board.passed())
                        .late(board.late())
                        .items(board.items().stream().map(this::toApi).toList())));
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

  private ObserverAuthorityHandover toApi(AuthorityHandoverStore.Row row) {
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

  private ObserverViolationHandover toApi(ViolationHandoverStore.Row row) {
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
