package org.oko.observers;

import java.time.LocalDate;
import org.oko.api.ObserverAssignmentsApi;
import org.oko.api.model.ObserverAssignment;
import org.oko.api.model.ObserverAssignmentInput;
import org.oko.api.model.ObserverAssignmentPage;
import org.oko.api.model.ObserverPresenceBoard;
import org.oko.platform.excel.WorkbookDownload;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.web.NextLinks;
import org.oko.platform.web.Paging;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Observers sent to points (tag «observer-assignments»): assignments, referrals, the observer's own
 * list, «Я на месте» and the presence board; each maps to one service call.
 */
@RestController
class ObserverAssignmentsController implements ObserverAssignmentsApi {

  private final AssignmentService assignments;
  private final PresenceService presence;

  ObserverAssignmentsController(AssignmentService assignments, PresenceService presence) {
    this.assignments = assignments;
    this.presence = presence;
  }

  @Override
  public Mono<ResponseEntity<ObserverAssignmentPage>> listObserverAssignments(
      Long campaignId,
      Long organizationId,
      LocalDate day,
      Integer page,
      Integer size,
      Long after,
      ServerWebExchange exchange) {
    Paging paging = new Paging(page, size);
    return CurrentCaller.withRole(ObserverAccess.READERS)
        .flatMap(caller -> assignments.list(caller, campaignId, organizationId, day, paging, after))
        .map(
            found -> {
              String next =
                  after == null
                      ? null
                      : NextLinks.next(exchange, paging.size(), found.items(), AssignmentInfo::id);
              return ResponseEntity.ok()
                  .headers(NextLinks.header(next))
                  .body(ObserversMapper.assignments(found, page, size).next(next));
            });
  }

  @Override
  public Mono<ResponseEntity<ObserverAssignment>> assignObserver(
      Long campaignId, Mono<ObserverAssignmentInput> body, ServerWebExchange exchange) {
    return CurrentCaller.withBody(
            ObserverAccess.READERS,
            body,
            (caller, in) ->
                assignments.assign(
                    caller,
                    campaignId,
                    in.getObserverId(),
                    in.getOrganizationId(),
                    in.getDay(),
                    ObserversMapper.activity(in.getActivity())))
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
      String after,
      ServerWebExchange exchange) {
    Paging paging = new Paging(page, size);
    return CurrentCaller.withRole(ObserverAccess.READERS)
        .flatMap(caller -> presence.board(caller, campaignId, day, municipalityId, paging, after))
        .map(
            board -> {
              String next =
                  after == null
                      ? null
                      : NextLinks.next(
                          exchange, paging.size(), board.page(), p -> p.point().login());
              return ResponseEntity.ok()
                  .headers(NextLinks.header(next))
                  .body(ObserversMapper.toApi(board, day, page, size).next(next));
            });
  }

  @Override
  public Mono<ResponseEntity<Flux<ObserverAssignment>>> listMyObserverAssignments(
      ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(presence::mine)
        .map(mine -> ResponseEntity.ok(Flux.fromIterable(mine).map(ObserversMapper::toApi)));
  }

  @Override
  public Mono<ResponseEntity<ObserverAssignment>> markObserverPresence(
      Long assignmentId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> presence.markPresence(caller, assignmentId))
        .map(a -> ResponseEntity.ok(ObserversMapper.toApi(a)));
  }
}
