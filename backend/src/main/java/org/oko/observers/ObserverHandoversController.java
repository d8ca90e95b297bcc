package org.oko.observers;

import org.oko.api.ObserverHandoversApi;
import org.oko.api.model.ObserverArchiveHandover;
import org.oko.api.model.ObserverArchiveHandoverBoard;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.web.ApiTimes;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The hand-overs up the hierarchy (tag «observer-handovers»): the archive of acts with violations
 * to РЦОКО (seed 003 11.2–11.3); each maps to one service call.
 */
@RestController
class ObserverHandoversController implements ObserverHandoversApi {

  private final ArchiveHandoverService handovers;

  ObserverHandoversController(ArchiveHandoverService handovers) {
    this.handovers = handovers;
  }

  @Override
  public Mono<ResponseEntity<ObserverArchiveHandover>> handOverObserverActArchive(
      Long campaignId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> handovers.handOver(caller, campaignId))
        .map(row -> ResponseEntity.ok(toApi(row)));
  }

  @Override
  public Mono<ResponseEntity<ObserverArchiveHandoverBoard>> listObserverArchiveHandovers(
      Long campaignId, String regionCode, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> handovers.board(caller, campaignId, regionCode))
        .map(
            board ->
                ResponseEntity.ok(
                    new ObserverArchiveHandoverBoard(
                        board.regionCode(),
                        board.passed(),
                        board.items().size() - board.passed(),
                        board.items().stream().map(this::toApi).toList())));
  }

  private ObserverArchiveHandover toApi(ArchiveHandoverStore.Row row) {
    return new ObserverArchiveHandover(row.unitName(), row.timeZone())
        .municipalityId(row.municipalityId())
        .handedAt(row.handedAt() == null ? null : ApiTimes.utc(row.handedAt()))
        .handedBy(row.handedBy())
        .acts(row.acts());
  }
}
