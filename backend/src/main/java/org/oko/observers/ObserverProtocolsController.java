package org.oko.observers;

import org.oko.api.ObserverProtocolsApi;
import org.oko.api.model.ObserverArchiveHandover;
import org.oko.api.model.ObserverArchiveHandoverBoard;
import org.oko.api.model.ObserverKind;
import org.oko.api.model.ObserverProtocol;
import org.oko.api.model.ObserverProtocolPage;
import org.oko.api.model.ObserverProtocolWitness;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.web.ApiTimes;
import org.oko.platform.web.Paging;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Which observer was present at the results protocol (seed 004 9.1) and the hand-over of the
 * archive of acts with violations to РЦОКО (seed 003 11.2–11.3); each maps to one service call.
 */
@RestController
class ObserverProtocolsController implements ObserverProtocolsApi {

  private final ProtocolWitnessService protocols;
  private final ArchiveHandoverService handovers;

  ObserverProtocolsController(ProtocolWitnessService protocols, ArchiveHandoverService handovers) {
    this.protocols = protocols;
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

  @Override
  public Mono<ResponseEntity<Flux<ObserverProtocol>>> listObserverProtocols(
      Long assignmentId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> protocols.ofAssignment(caller, assignmentId))
        .map(found -> ResponseEntity.ok(Flux.fromIterable(found).map(this::toApi)));
  }

  @Override
  public Mono<ResponseEntity<ObserverProtocol>> recordObserverProtocolWitness(
      Long assignmentId, Long formId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> protocols.witness(caller, assignmentId, formId))
        .map(p -> ResponseEntity.ok(toApi(p)));
  }

  @Override
  public Mono<ResponseEntity<ObserverProtocolPage>> listMonitoredObserverProtocols(
      Long campaignId,
      Long municipalityId,
      Boolean withoutObserver,
      Integer page,
      Integer size,
      ServerWebExchange exchange) {
    return CurrentCaller.withRole(ObserverAccess.READERS)
        .flatMap(
            caller ->
                protocols.monitored(
                    caller,
                    campaignId,
                    municipalityId,
                    Boolean.TRUE.equals(withoutObserver),
                    new Paging(page, size)))
        .map(
            found ->
                ResponseEntity.ok(
                    new ObserverProtocolPage(
                        found.items().stream().map(this::toApi).toList(),
                        page,
                        size,
                        found.total(),
                        found.withoutObserver())));
  }

  private ObserverProtocol toApi(ProtocolInfo p) {
    ProtocolInfo.Witness w = p.witness();
    return new ObserverProtocol(
            p.formId(), p.formTitle(), ObserversMapper.brief(p.point()), p.timeZone())
        .submittedAt(p.submittedAt() == null ? null : ApiTimes.utc(p.submittedAt()))
        .witness(
            w == null
                ? null
                : new ObserverProtocolWitness(
                    w.assignmentId(),
                    w.observerName(),
                    ObserverKind.fromValue(w.observerKind().name()),
                    ApiTimes.utc(w.witnessedAt()),
                    ObserverProtocolWitness.RecordedByEnum.fromValue(w.recordedBy().name())));
  }
}
