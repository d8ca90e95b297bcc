package org.oko.observers;

import java.time.LocalDate;
import org.oko.api.ObserversApi;
import org.oko.api.model.Observer;
import org.oko.api.model.ObserverAct;
import org.oko.api.model.ObserverActInput;
import org.oko.api.model.ObserverActPage;
import org.oko.api.model.ObserverActReview;
import org.oko.api.model.ObserverAssignment;
import org.oko.api.model.ObserverAssignmentInput;
import org.oko.api.model.ObserverAssignmentPage;
import org.oko.api.model.ObserverCredentials;
import org.oko.api.model.ObserverDecision;
import org.oko.api.model.ObserverInput;
import org.oko.api.model.ObserverKind;
import org.oko.api.model.ObserverNote;
import org.oko.api.model.ObserverNoteInput;
import org.oko.api.model.ObserverPage;
import org.oko.api.model.ObserverPresenceBoard;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The observers' API: each operation maps to one service call and back. */
@RestController
class ObserversController implements ObserversApi {

  private final ObserverService observers;
  private final AssignmentService assignments;
  private final ActService acts;

  ObserversController(ObserverService observers, AssignmentService assignments, ActService acts) {
    this.observers = observers;
    this.assignments = assignments;
    this.acts = acts;
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
        .map(
            found ->
                ResponseEntity.ok(
                    new ObserverPage(
                        found.items().stream().map(ObserversMapper::toApi).toList(),
                        page,
                        size,
                        found.total())));
  }

  @Override
  public Mono<ResponseEntity<Observer>> createObserver(
      Long campaignId, Mono<ObserverInput> body, ServerWebExchange exchange) {
    return CurrentCaller.withRole(ObserverAccess.READERS)
        .zipWith(body)
        .flatMap(
            in -> observers.create(in.getT1(), campaignId, ObserversMapper.fromApi(in.getT2())))
        .map(o -> ResponseEntity.status(HttpStatus.CREATED).body(ObserversMapper.toApi(o)));
  }

  @Override
  public Mono<ResponseEntity<Resource>> downloadObserverTemplate(
      Long campaignId, ServerWebExchange exchange) {
    return CurrentCaller.withRole(ObserverAccess.READERS)
        .flatMap(caller -> observers.requireProposing(caller, campaignId))
        .flatMap(
            campaign ->
                WorkbookDownload.of(CandidatesWorkbook::template, "Кандидаты в наблюдатели.xlsx"));
  }

  @Override
  public Mono<ResponseEntity<Observer>> decideObserver(
      Long observerId, Mono<ObserverDecision> body, ServerWebExchange exchange) {
    return CurrentCaller.withRole(ObserverAccess.READERS)
        .zipWith(body)
        .flatMap(
            in ->
                observers.decide(
                    in.getT1(),
                    observerId,
                    in.getT2().getDecision() == ObserverDecision.DecisionEnum.ACCEPT,
                    in.getT2().getReason()))
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

  // --- assignments and presence ---

  @Override
  public Mono<ResponseEntity<ObserverAssignmentPage>> listObserverAssignments(
      Long campaignId,
      Long organizationId,
      LocalDate day,
      Integer page,
      Integer size,
      ServerWebExchange exchange) {
    return CurrentCaller.withRole(ObserverAccess.READERS)
        .flatMap(
            caller ->
                assignments.list(caller, campaignId, organizationId, day, new Paging(page, size)))
        .map(
            found ->
                ResponseEntity.ok(
                    new ObserverAssignmentPage(
                        found.items().stream().map(ObserversMapper::toApi).toList(),
                        page,
                        size,
                        found.total())));
  }

  @Override
  public Mono<ResponseEntity<ObserverAssignment>> assignObserver(
      Long campaignId, Mono<ObserverAssignmentInput> body, ServerWebExchange exchange) {
    return CurrentCaller.withRole(ObserverAccess.READERS)
        .zipWith(body)
        .flatMap(
            in ->
                assignments.assign(
                    in.getT1(),
                    campaignId,
                    in.getT2().getObserverId(),
                    in.getT2().getOrganizationId(),
                    in.getT2().getDay(),
                    ObserversMapper.activity(in.getT2().getActivity())))
        .map(a -> ResponseEntity.status(HttpStatus.CREATED).body(ObserversMapper.toApi(a)));
  }

  @Override
  public Mono<ResponseEntity<Void>> unassignObserver(
      Long assignmentId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> assignments.unassign(caller, assignmentId))
        .thenReturn(ResponseEntity.noContent().build());
  }

  @Override
  public Mono<ResponseEntity<Resource>> downloadObserverReferral(
      Long assignmentId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> assignments.referral(caller, assignmentId))
        .map(bytes -> WorkbookDownload.response(bytes, "Направление " + assignmentId + ".xlsx"));
  }

  @Override
  public Mono<ResponseEntity<Resource>> downloadObserverReferralList(
      Long campaignId, Long organizationId, ServerWebExchange exchange) {
    return CurrentCaller.withRole(ObserverAccess.READERS)
        .flatMap(caller -> assignments.referralList(caller, campaignId, organizationId))
        .map(bytes -> WorkbookDownload.response(bytes, "Направления наблюдателей.xlsx"));
  }

  @Override
  public Mono<ResponseEntity<ObserverPresenceBoard>> getObserverPresence(
      Long campaignId,
      LocalDate day,
      Long municipalityId,
      Integer page,
      Integer size,
      ServerWebExchange exchange) {
    return CurrentCaller.withRole(ObserverAccess.READERS)
        .flatMap(
            caller ->
                assignments.board(caller, campaignId, day, municipalityId, new Paging(page, size)))
        .map(board -> ResponseEntity.ok(ObserversMapper.toApi(board, day, page, size)));
  }

  @Override
  public Mono<ResponseEntity<Flux<ObserverAssignment>>> listMyObserverAssignments(
      ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(assignments::mine)
        .map(mine -> ResponseEntity.ok(Flux.fromIterable(mine).map(ObserversMapper::toApi)));
  }

  @Override
  public Mono<ResponseEntity<ObserverAssignment>> markObserverPresence(
      Long assignmentId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> assignments.markPresence(caller, assignmentId))
        .map(a -> ResponseEntity.ok(ObserversMapper.toApi(a)));
  }

  // --- notes and acts ---

  @Override
  public Mono<ResponseEntity<Flux<ObserverNote>>> listObserverNotes(
      Long assignmentId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> acts.notes(caller, assignmentId))
        .map(notes -> ResponseEntity.ok(Flux.fromIterable(notes).map(ObserversMapper::toApi)));
  }

  @Override
  public Mono<ResponseEntity<ObserverNote>> createObserverNote(
      Long assignmentId, Mono<ObserverNoteInput> body, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .zipWith(body)
        .flatMap(
            in ->
                acts.createNote(
                    in.getT1(),
                    assignmentId,
                    in.getT2().getOccurredAt() == null
                        ? null
                        : in.getT2().getOccurredAt().toInstant(),
                    in.getT2().getRoom(),
                    in.getT2().getWhat(),
                    in.getT2().getText()))
        .map(n -> ResponseEntity.status(HttpStatus.CREATED).body(ObserversMapper.toApi(n)));
  }

  @Override
  public Mono<ResponseEntity<ObserverAct>> getObserverAct(
      Long assignmentId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> acts.act(caller, assignmentId))
        .map(x -> ResponseEntity.ok(ObserversMapper.toApi(x)));
  }

  @Override
  public Mono<ResponseEntity<ObserverAct>> saveObserverAct(
      Long assignmentId, Mono<ObserverActInput> body, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .zipWith(body)
        .flatMap(
            in ->
                acts.saveAct(
                    in.getT1(),
                    assignmentId,
                    Boolean.TRUE.equals(in.getT2().getViolationsFound()),
                    in.getT2().getViolations(),
                    in.getT2().getRemarks()))
        .map(x -> ResponseEntity.ok(ObserversMapper.toApi(x)));
  }

  @Override
  public Mono<ResponseEntity<ObserverActPage>> listObserverActs(
      Long campaignId,
      String regionCode,
      Long municipalityId,
      Boolean withViolations,
      Integer page,
      Integer size,
      ServerWebExchange exchange) {
    return CurrentCaller.withRole(ObserverAccess.READERS)
        .flatMap(
            caller ->
                acts.acts(
                    caller,
                    campaignId,
                    regionCode,
                    municipalityId,
                    withViolations,
                    new Paging(page, size)))
        .map(
            found ->
                ResponseEntity.ok(
                    new ObserverActPage(
                        found.items().stream().map(ObserversMapper::toApi).toList(),
                        page,
                        size,
                        found.total())));
  }

  @Override
  public Mono<ResponseEntity<ObserverAct>> reviewObserverAct(
      Long actId, Mono<ObserverActReview> body, ServerWebExchange exchange) {
    return CurrentCaller.withRole(ObserverAccess.COORDINATORS)
        .zipWith(body)
        .flatMap(
            in ->
                acts.review(
                    in.getT1(),
                    actId,
                    Boolean.TRUE.equals(in.getT2().getWithViolations()),
                    in.getT2().getComment()))
        .map(x -> ResponseEntity.ok(ObserversMapper.toApi(x)));
  }
}
