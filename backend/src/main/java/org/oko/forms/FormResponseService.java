package org.oko.forms;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oko.campaigns.StageGate;
import org.oko.campaigns.StageWindow;
import org.oko.platform.events.Outbox;
import org.oko.platform.security.Caller;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.InvalidRequestException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A respondent's response: read by it and the coordinators above it, filled and submitted by the
 * respondent itself while the form's stage is open. A draft is stored as typed, with its problems;
 * «Сдать отчёт» checks everything again against the current definition, freezes a numbered version
 * and publishes {@link FormSubmitted}, all in one transaction; «Редактировать» makes it a draft
 * again. Every write names the response's version (optimistic locking). The steps these share with
 * the template upload and the JSON submission are {@link ResponseWriteService}'s; the answer they
 * all give ({@link #view}) is here.
 */
@Service
class FormResponseService {

  /** The longest reason a reopening may give (the contract's {@code FormReopenInput.reason}). */
  static final int MAX_REASON = 1000;

  private final FormAccess access;
  private final ResponseWriteService writes;
  private final FormResponseStore store;
  private final ApprovalStore approvals;
  private final StageGate gate;
  private final Outbox outbox;
  private final TransactionalOperator tx;
  private final Clock clock;

  FormResponseService(
      FormAccess access,
      ResponseWriteService writes,
      FormResponseStore store,
      ApprovalStore approvals,
      StageGate gate,
      Outbox outbox,
      TransactionalOperator tx,
      Clock clock) {
    this.access = access;
    this.writes = writes;
    this.store = store;
    this.approvals = approvals;
    this.gate = gate;
    this.outbox = outbox;
    this.tx = tx;
    this.clock = clock;
  }

  Mono<ResponseView> get(Caller caller, long formId, String organization, Long municipalityId) {
    return get(caller, new ResponseVersionService.Whose(formId, organization, municipalityId));
  }

  /** The response of the respondent named (possibly a region's part). */
  Mono<ResponseView> get(Caller caller, ResponseVersionService.Whose whose) {
    return access
        .target(
            caller,
            whose.formId(),
            whose.organization(),
            whose.municipalityId(),
            whose.regionPart())
        .flatMap(t -> writes.ownToRead(t).flatMap(row -> view(caller, t, row.orElse(null), null)));
  }

  /** Autosave: stores the rows as typed, with their problems; 200 even when there are some. */
  Mono<ResponseView> saveDraft(
      Caller caller,
      long formId,
      String organization,
      Long municipalityId,
      long version,
      Map<String, List<Map<String, String>>> sheets) {
    return writes
        .writable(caller, formId, organization, municipalityId)
        .flatMap(
            w -> {
              ResponseRules.requireEditable(w.row(), version);
              FormValidation.requireKnownSheets(w.target().schema(), sheets);
              return writes.validate(w.target(), sheets).flatMap(v -> saveValidated(caller, w, v));
            });
  }

  private Mono<ResponseView> saveValidated(
      Caller caller, ResponseWriteService.Writable w, FormValidation v) {
    return writes
        .writeDraft(caller, w.target(), w.row(), v.content(), v.problems().count())
        .flatMap(store::byId)
        .flatMap(row -> view(caller, w.target(), row, v.problems().list()));
  }

  /** «Сдать отчёт». */
  Mono<ResponseView> submit(
      Caller caller, long formId, String organization, Long municipalityId, long version) {
    return writes
        .writable(caller, formId, organization, municipalityId)
        .flatMap(
            w -> {
              ResponseRow row = w.row();
              if (row != null && row.submitted()) {
                return Mono.error(new ConflictException("Отчёт уже сдан"));
              }
              ResponseRules.requireVersion(row, version);
              Map<String, List<Map<String, String>>> content =
                  row == null ? Map.of() : row.content();
              return writes
                  .validate(w.target(), content)
                  .flatMap(v -> submitValidated(caller, w, v));
            });
  }

  private Mono<ResponseView> submitValidated(
      Caller caller, ResponseWriteService.Writable w, FormValidation v) {
    if (!v.problems().isEmpty()) {
      return Mono.error(ResponseRules.notSubmitted(v.problems()));
    }
    return writes
        .submitValid(caller, w.target(), w.row(), v.content())
        .flatMap(store::byId)
        .flatMap(saved -> view(caller, w.target(), saved, List.of()));
  }

  /**
   * «Редактировать» by the respondent, or «Вернуть на доработку» by a coordinator above it: the
   * submitted response is a draft again, with who did it and the reason (blank: none) kept.
   */
  Mono<ResponseView> reopen(
      Caller caller, ResponseVersionService.Whose whose, long version, String reason) {
    String why = reason == null || reason.isBlank() ? null : reason.strip();
    if (why != null && why.length() > MAX_REASON) {
      return Mono.error(
          new InvalidRequestException(
              "reason", "Причина — не длиннее " + MAX_REASON + " символов"));
    }
    return access
        .target(
            caller,
            whose.formId(),
            whose.organization(),
            whose.municipalityId(),
            whose.regionPart())
        .flatMap(
            t ->
                FormAccess.requireRespondentOrCoordinator(caller, t.respondent())
                    .then(writes.requireOpen(t))
                    .then(writes.own(t))
                    .map(row -> new ResponseWriteService.Writable(t, row.orElse(null))))
        .flatMap(
            w -> {
              ResponseRow row = w.row();
              if (row == null || !row.submitted()) {
                return Mono.error(
                    new ConflictException(
                        "Отчёт не сдан: его можно изменять и без «Редактировать»"));
              }
              ResponseRules.requireVersion(row, version);
              ResponseRow.Reopening reopening =
                  new ResponseRow.Reopening(
                      clock.instant(),
                      caller.login(),
                      FormAccess.coordinates(caller, w.target().respondent()),
                      why);
              return notAccepted(w.target())
                  .then(store.reopen(row.id(), version, reopening))
                  .flatMap(
                      done ->
                          done
                              ? announceReopened(w.target(), row, reopening)
                              : Mono.<Void>error(ResponseRules.stale(row.version())))
                  .as(tx::transactional)
                  .then(Mono.defer(() -> store.byId(row.id())))
                  .flatMap(saved -> view(caller, w.target(), saved, null));
            });
  }

  /**
   * An accepted report is reopened only by the level that accepted it (issue 20): the
   * organization's own «Редактировать» is refused meanwhile.
   */
  private Mono<Void> notAccepted(ResponseTarget t) {
    Respondent r = t.respondent();
    if (!r.isOrganization()) {
      return Mono.empty();
    }
    return approvals
        .current(t.form().id(), r.organizationId())
        .flatMap(
            current -> {
              String refusal = ApprovalRules.reopenRefusal(current.state());
              return refusal == null
                  ? Mono.<Void>empty()
                  : Mono.<Void>error(new ConflictException(refusal));
            });
  }

  /** The reopening's event, in its transaction: results withdraw the organization's rows. */
  Mono<Void> announceReopened(ResponseTarget t, ResponseRow row, ResponseRow.Reopening reopening) {
    Respondent r = t.respondent();
    return outbox
        .append(
            FormReopened.TOPIC,
            String.valueOf(t.form().id()),
            new FormReopened(
                t.form().id(),
                t.form().campaignId(),
                t.form().code(),
                row.id(),
                r.isOrganization() ? r.organizationId() : null,
                r.isOrganization() ? null : r.municipalityId(),
                r.regionCode(),
                row.submissions(),
                reopening.at(),
                reopening.by(),
                reopening.byCoordinator(),
                reopening.reason()))
        .then();
  }

  // --- the answer

  /** The response as the caller sees it; its problems found again unless known. */
  Mono<ResponseView> view(
      Caller caller, ResponseTarget t, ResponseRow row, List<FieldProblem> knownProblems) {
    return window(t)
        .flatMap(
            w ->
                problems(t, row, knownProblems)
                    .map(problems -> viewOf(caller, t, row, problems, w.orElse(null))));
  }

  private Mono<Optional<StageWindow>> window(ResponseTarget t) {
    return gate.window(
            t.form().campaignId(),
            t.form().stage(),
            t.respondent().regionCode(),
            t.respondent().organizationId(),
            t.respondent().role())
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty());
  }

  private Mono<List<FieldProblem>> problems(
      ResponseTarget t, ResponseRow row, List<FieldProblem> knownProblems) {
    if (knownProblems != null) {
      return Mono.just(knownProblems);
    }
    if (row == null
        || row.submitted()
        || row.counted() != null
        || !ResponseRules.complete(row.content())) {
      return Mono.just(List.of()); // a large one's problems are found when it is submitted
    }
    return writes.validate(t, row.content()).map(v -> v.problems().list());
  }

  private ResponseView viewOf(
      Caller caller,
      ResponseTarget t,
      ResponseRow row,
      List<FieldProblem> problems,
      StageWindow window) {
    Instant now = clock.instant();
    boolean open = window != null && window.isOpenAt(now);
    Map<String, List<Map<String, String>>> sheets =
        row == null
            ? FormValidation.of(t.schema(), Map.of(), t.prefill()).content()
            : row.counted() != null ? row.counted().withoutRows() : row.content();
    boolean draft = row == null || !row.submitted();
    boolean editable = FormAccess.isRespondent(caller, t.respondent()) && open && draft;
    return new ResponseView(t, row, sheets, problems, editable, window, now);
  }
}
