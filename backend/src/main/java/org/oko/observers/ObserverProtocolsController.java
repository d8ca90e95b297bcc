package org.oko.observers;

import org.oko.api.ObserverProtocolsApi;
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
 * Which observer was present at the results protocol (seed 004 9.1), tag «observer-protocols»; each
 * maps to one service call.
 */
@RestController
class ObserverProtocolsController implements ObserverProtocolsApi {

  private final ProtocolWitnessService protocols;

  ObserverProtocolsController(ProtocolWitnessService protocols) {
    this.protocols = protocols;
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
