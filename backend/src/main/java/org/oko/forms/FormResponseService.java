package org.oko.forms;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.oko.campaigns.StageGate;
import org.oko.campaigns.StageWindow;
import org.oko.platform.events.Outbox;
import org.oko.platform.security.Caller;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.InvalidRequestException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A respondent's response: read by it and the coordinators above it, filled and submitted by the
 * respondent itself while the form's stage is open. A draft is stored as typed, with its problems;
 * «Сдать отчёт» checks everything again against the current definition, freezes a numbered version
 * and publishes {@link FormSubmitted}, all in one transaction; «Редактировать» makes it a draft
 * again. Every write names the response's version (optimistic locking). The steps shared with the
 * template upload ({@link FormTemplateService}) and the JSON submission ({@link
 * FormSubmissionService}) are here too.
 */
@Service
class FormResponseService {

  /** The longest reason a reopening may give (the contract's {@code FormReopenInput.reason}). */
  static final int MAX_REASON = 1000;

  /** The respondent's own response (null when not started), once the caller may write it. */
  record Writable(ResponseTarget target, ResponseRow row) {}

  /** A response row as it is during a submission: its id and the version it was decided on. */
  private record Current(long id, long version) {}

  private final FormAccess access;
  private final FormResponseStore store;
  private final RespondentStore respondents;
  private final StageGate gate;
  private final Outbox outbox;
  private final TransactionalOperator tx;
  private final Clock clock;

  FormResponseService(
      FormAccess access,
      FormResponseStore store,
      RespondentStore respondents,
      StageGate gate,
      Outbox outbox,
      TransactionalOperator tx,
      Clock clock) {
    this.access = access;
    this.store = store;
    this.respondents = respondents;
    this.gate = gate;
    this.outbox = outbox;
    this.tx = tx;
    this.clock = clock;
  }

  Mono<ResponseView> get(Caller caller, long formId, String organization, Long municipalityId) {
    return access
        .target(caller, formId, organization, municipalityId)
        .flatMap(t -> own(t).flatMap(row -> view(caller, t, row.orElse(null), null)));
  }

  /** Autosave: stores the rows as typed, with their problems; 200 even when there are some. */
  Mono<ResponseView> saveDraft(
      Caller caller,
      long formId,
      String organization,
      Long municipalityId,
      long version,
      Map<String, List<Map<String, String>>> sheets) {
    return writable(caller, formId, organization, municipalityId)
        .flatMap(
            w -> {
              ResponseRules.requireEditable(w.row(), version);
              FormValidation.requireKnownSheets(w.target().schema(), sheets);
              return validate(w.target(), sheets).flatMap(v -> saveValidated(caller, w, v));
            });
  }

  private Mono<ResponseView> saveValidated(Caller caller, Writable w, FormValidation v) {
    return writeDraft(caller, w.target(), w.row(), v.content(), v.problems().count())
        .flatMap(store::byId)
        .flatMap(row -> view(caller, w.target(), row, v.problems().list()));
  }

  /** «Сдать отчёт». */
  Mono<ResponseView> submit(
      Caller caller, long formId, String organization, Long municipalityId, long version) {
    return writable(caller, formId, organization, municipalityId)
        .flatMap(
            w -> {
              ResponseRow row = w.row();
              if (row != null && row.submitted()) {
                return Mono.error(new ConflictException("Отчёт уже сдан"));
              }
              ResponseRules.requireVersion(row, version);
              Map<String, List<Map<String, String>>> content =
                  row == null ? Map.of() : row.content();
              return validate(w.target(), content).flatMap(v -> submitValidated(caller, w, v));
            });
  }

  private Mono<ResponseView> submitValidated(Caller caller, Writable w, FormValidation v) {
    if (!v.problems().isEmpty()) {
      return Mono.error(ResponseRules.notSubmitted(v.problems()));
    }
    return submitValid(caller, w.target(), w.row(), v.content())
        .flatMap(store::byId)
        .flatMap(saved -> view(caller, w.target(), saved, List.of()));
  }

  /** «Редактировать»: a submitted response becomes a draft again while the stage is open. */
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
        .target(caller, whose.formId(), whose.organization(), whose.municipalityId())
        .flatMap(
            t ->
                FormAccess.requireRespondentOrCoordinator(caller, t.respondent())
                    .then(requireOpen(t))
                    .then(own(t))
                    .map(row -> new Writable(t, row.orElse(null))))
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
              return store
                  .reopen(row.id(), version, reopening)
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

  /** The reopening's event, in its transaction: results withdraw the organization's rows. */
  private Mono<Void> announceReopened(
      ResponseTarget t, ResponseRow row, ResponseRow.Reopening reopening) {
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

  // --- the steps shared by the writes

  /** The respondent's own response (may be absent), once the caller may write and it is open. */
  Mono<Writable> writable(Caller caller, long formId, String organization, Long municipalityId) {
    return access
        .target(caller, formId, organization, municipalityId)
        .flatMap(
            t ->
                FormAccess.requireRespondent(caller, t.respondent())
                    .then(requireOpen(t))
                    .then(own(t))
                    .map(row -> new Writable(t, row.orElse(null))));
  }

  /** The respondent's stored response, if it has one. */
  Mono<Optional<ResponseRow>> own(ResponseTarget t) {
    return store
        .find(t.form().id(), t.respondent())
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty());
  }

  Mono<Void> requireOpen(ResponseTarget t) {
    return gate.requireOpen(
        t.form().campaignId(),
        t.form().stage(),
        t.respondent().regionCode(),
        t.respondent().organizationId());
  }

  /** Which of these organization logins exist (for ORG_LOGIN cells). */
  Mono<Set<String>> knownLogins(Set<String> logins) {
    return respondents.existing(logins);
  }

  Mono<FormValidation> validate(ResponseTarget t, Map<String, List<Map<String, String>>> sheets) {
    FormValidation v = FormValidation.of(t.schema(), sheets, t.prefill());
    return knownLogins(v.logins())
        .map(
            known -> {
              v.rejectUnknownLogins(known);
              return v;
            });
  }

  Mono<Long> writeDraft(
      Caller caller,
      ResponseTarget t,
      ResponseRow row,
      FormValidation.Content content,
      int problems) {
    Instant now = clock.instant();
    if (row == null) {
      return store
          .insert(
              t.form().id(),
              t.respondent(),
              content,
              problems,
              t.definitionVersion(),
              caller.login(),
              now)
          .onErrorMap(DataIntegrityViolationException.class, e -> ResponseRules.stale(1));
    }
    return store
        .saveDraft(
            row.id(), row.version(), content, problems, t.definitionVersion(), caller.login(), now)
        .flatMap(
            done -> done ? Mono.just(row.id()) : Mono.error(ResponseRules.stale(row.version())));
  }

  Mono<Long> submitValid(
      Caller caller, ResponseTarget t, ResponseRow row, FormValidation.Content content) {
    return submitValid(caller, t, row, content, id -> Mono.empty());
  }

  /** Stores valid content as submitted, freezes a version, publishes the event; one transaction. */
  Mono<Long> submitValid(
      Caller caller,
      ResponseTarget t,
      ResponseRow row,
      FormValidation.Content content,
      Function<Long, Mono<Void>> alsoInTransaction) {
    Instant now = clock.instant();
    Mono<Current> current =
        row != null
            ? Mono.just(new Current(row.id(), row.version()))
            : store
                .insert(
                    t.form().id(),
                    t.respondent(),
                    content,
                    0,
                    t.definitionVersion(),
                    caller.login(),
                    now)
                .map(id -> new Current(id, 1));
    // content just inserted is not written twice
    FormValidation.Content changed = row == null ? null : content;
    return current
        .flatMap(
            c ->
                store
                    .submit(
                        c.id(), c.version(), changed, t.definitionVersion(), caller.login(), now)
                    .flatMap(
                        done ->
                            done
                                ? store.freeze(c.id())
                                : Mono.error(ResponseRules.stale(c.version())))
                    .flatMap(version -> publish(caller, t, c.id(), version, now))
                    .then(alsoInTransaction.apply(c.id()))
                    .thenReturn(c.id()))
        .as(tx::transactional);
  }

  private Mono<Void> publish(
      Caller caller,
      ResponseTarget t,
      long responseId,
      FormResponseStore.Version version,
      Instant now) {
    Respondent r = t.respondent();
    return outbox.append(
        FormSubmitted.TOPIC,
        String.valueOf(t.form().id()),
        new FormSubmitted(
            t.form().id(),
            t.form().campaignId(),
            t.form().code(),
            responseId,
            r.isOrganization() ? r.organizationId() : null,
            r.isOrganization() ? null : r.municipalityId(),
            r.regionCode(),
            version.number(),
            version.rows(),
            now,
            caller.login()));
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
            t.respondent().organizationId())
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty());
  }

  private Mono<List<FieldProblem>> problems(
      ResponseTarget t, ResponseRow row, List<FieldProblem> knownProblems) {
    if (knownProblems != null) {
      return Mono.just(knownProblems);
    }
    if (row == null || row.submitted()) {
      return Mono.just(List.of());
    }
    return validate(t, row.content()).map(v -> v.problems().list());
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
            : row.content();
    boolean draft = row == null || !row.submitted();
    boolean editable = FormAccess.isRespondent(caller, t.respondent()) && open && draft;
    return new ResponseView(t, row, sheets, problems, editable, window, now);
  }
}
