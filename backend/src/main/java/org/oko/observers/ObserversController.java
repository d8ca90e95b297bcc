package org.oko.observers;

import org.oko.api.ObserversApi;
import org.oko.api.model.Observer;
import org.oko.api.model.ObserverCredentials;
import org.oko.api.model.ObserverDecision;
import org.oko.api.model.ObserverInput;
import org.oko.api.model.ObserverKind;
import org.oko.api.model.ObserverPage;
import org.oko.api.model.ObserverStatus;
import org.oko.platform.excel.WorkbookDownload;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.web.Paging;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The observers' API (tag «observers»): each operation maps to one service call and back. */
@RestController
class ObserversController implements ObserversApi {

  private final ObserverService observers;
  private final CandidateService candidates;

  ObserversController(ObserverService observers, CandidateService candidates) {
    this.observers = observers;
    this.candidates = candidates;
  }

  // --- candidates and independent observers ---

  @Override
  public Mono<ResponseEntity<ObserverPage>> listObservers(
      Long campaignId,
      ObserverKind kind,
      ObserverStatus status,
      Long organizationId,
      Integer page,
      Integer size,
      ServerWebExchange exchange) {
    return CurrentCaller.withRole(ObserverAccess.READERS)
        .flatMap(
            caller ->
                observers.list(
                    caller,
                    campaignId,
                    ObserversMapper.kind(kind),
                    ObserversMapper.status(status),
                    organizationId,
                    new Paging(page, size)))
        .map(found -> ResponseEntity.ok(ObserversMapper.observers(found, page, size)));
  }

  @Override
  public Mono<ResponseEntity<Observer>> createObserver(
      Long campaignId, Mono<ObserverInput> body, ServerWebExchange exchange) {
    return CurrentCaller.withBody(
            ObserverAccess.READERS,
            body,
            (caller, in) -> observers.create(caller, campaignId, ObserversMapper.fromApi(in)))
        .map(o -> ResponseEntity.status(HttpStatus.CREATED).body(ObserversMapper.toApi(o)));
  }

  @Override
  public Mono<ResponseEntity<Resource>> downloadObserverTemplate(
      Long campaignId, ServerWebExchange exchange) {
    return CurrentCaller.withRole(ObserverAccess.READERS)
        .flatMap(caller -> candidates.requireProposing(caller, campaignId))
        .flatMap(
            campaign ->
                WorkbookDownload.of(CandidatesWorkbook::template, "Кандидаты в наблюдатели.xlsx"));
  }

  @Override
  public Mono<ResponseEntity<Observer>> decideObserver(
      Long observerId, Mono<ObserverDecision> body, ServerWebExchange exchange) {
    return CurrentCaller.withBody(
            ObserverAccess.READERS,
            body,
            (caller, in) ->
                observers.decide(
                    caller,
                    observerId,
                    in.getDecision() == ObserverDecision.DecisionEnum.ACCEPT,
                    in.getReason()))
        .map(o -> ResponseEntity.ok(ObserversMapper.toApi(o)));
  }

  @Override
  public Mono<ResponseEntity<ObserverCredentials>> issueObserverAccount(
      Long observerId, ServerWebExchange exchange) {
    return CurrentCaller.withRole(ObserverAccess.READERS)
        .flatMap(caller -> observers.issueAccount(caller, observerId))
        .map(
            issued ->
                ResponseEntity.ok()
                    .cacheControl(CacheControl.noStore())
                    .body(new ObserverCredentials(issued.login(), issued.password())));
  }
}
