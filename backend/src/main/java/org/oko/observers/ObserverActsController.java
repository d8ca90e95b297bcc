package org.oko.observers;

import org.oko.api.ObserverActsApi;
import org.oko.api.model.ObserverAct;
import org.oko.api.model.ObserverActInput;
import org.oko.api.model.ObserverActPage;
import org.oko.api.model.ObserverActReview;
import org.oko.api.model.ObserverNote;
import org.oko.api.model.ObserverNoteInput;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.web.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Notes on violations and acts (tag «observer-acts»): filed by the observer, listed and reviewed by
 * the coordinator; each maps to one service call.
 */
@RestController
class ObserverActsController implements ObserverActsApi {

  private final NoteService notes;
  private final ActService acts;
  private final ActReviewService reviews;

  ObserverActsController(NoteService notes, ActService acts, ActReviewService reviews) {
    this.notes = notes;
    this.acts = acts;
    this.reviews = reviews;
  }

  @Override
  public Mono<ResponseEntity<Flux<ObserverNote>>> listObserverNotes(
      Long assignmentId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> notes.notes(caller, assignmentId))
        .map(notes -> ResponseEntity.ok(Flux.fromIterable(notes).map(ObserversMapper::toApi)));
  }

  @Override
  public Mono<ResponseEntity<ObserverNote>> createObserverNote(
      Long assignmentId, Mono<ObserverNoteInput> body, ServerWebExchange exchange) {
    return CurrentCaller.withBody(
            body,
            (caller, in) ->
                notes.createNote(
                    caller,
                    assignmentId,
                    in.getOccurredAt() == null ? null : in.getOccurredAt().toInstant(),
                    in.getRoom(),
                    in.getWhat(),
                    in.getText()))
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
    return CurrentCaller.withBody(
            body,
            (caller, in) ->
                acts.saveAct(
                    caller,
                    assignmentId,
                    Boolean.TRUE.equals(in.getViolationsFound()),
                    in.getViolations(),
                    in.getRemarks()))
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
                reviews.acts(
                    caller,
                    campaignId,
                    regionCode,
                    municipalityId,
                    withViolations,
                    new Paging(page, size)))
        .map(found -> ResponseEntity.ok(ObserversMapper.acts(found, page, size)));
  }

  @Override
  public Mono<ResponseEntity<ObserverAct>> reviewObserverAct(
      Long actId, Mono<ObserverActReview> body, ServerWebExchange exchange) {
    return CurrentCaller.withBody(
            ObserverAccess.COORDINATORS,
            body,
            (caller, in) ->
                reviews.review(
                    caller, actId, Boolean.TRUE.equals(in.getWithViolations()), in.getComment()))
        .map(x -> ResponseEntity.ok(ObserversMapper.toApi(x)));
  }
}
