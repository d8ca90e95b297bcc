package org.oko.forms;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.oko.campaigns.StageGate;
import org.oko.kits.ParticipantCodeDirectory;
import org.oko.platform.events.Outbox;
import org.oko.platform.security.Caller;
import org.oko.platform.web.ConflictException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The steps every way of writing a response shares — in the browser ({@link FormResponseService}),
 * as a template ({@link FormTemplateService}) or as JSON ({@link FormSubmissionService}): whether
 * the caller may write it and its stage is open, checking the content (logins included), storing a
 * draft, and «Сдать отчёт» — the content stored as submitted, a numbered version frozen and {@link
 * FormSubmitted} published, in one transaction. This class alone opens that transaction and writes
 * that event.
 */
@Service
class ResponseWriteService {

  /** The respondent's own response (null when not started), once the caller may write it. */
  record Writable(ResponseTarget target, ResponseRow row) {}

  /** A response row as it is during a submission: its id and the version it was decided on. */
  private record Current(long id, long version) {}

  private final FormAccess access;
  private final FormResponseStore store;
  private final ResponseVersionStore versionStore;
  private final RespondentStore respondents;
  private final ApprovalStore approvals;
  private final ParticipantCodeDirectory codes;
  private final StageGate gate;
  private final Outbox outbox;
  private final TransactionalOperator tx;
  private final Clock clock;

  ResponseWriteService(
      FormAccess access,
      FormResponseStore store,
      ResponseVersionStore versionStore,
      RespondentStore respondents,
      ApprovalStore approvals,
      ParticipantCodeDirectory codes,
      StageGate gate,
      Outbox outbox,
      TransactionalOperator tx,
      Clock clock) {
    this.access = access;
    this.store = store;
    this.versionStore = versionStore;
    this.respondents = respondents;
    this.approvals = approvals;
    this.codes = codes;
    this.gate = gate;
    this.outbox = outbox;
    this.tx = tx;
    this.clock = clock;
  }

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
        t.respondent().organizationId(),
        t.respondent().role());
  }

  /** Which of these organization logins exist (for ORG_LOGIN cells). */
  Mono<Set<String>> knownLogins(Set<String> logins) {
    return respondents.existing(logins);
  }

  /**
   * The codes a subject's form of an organization accepts (the codes protocol, issue 20): empty
   * when the form has no subject, or the organization was issued no codes of it (then any code).
   */
  Mono<Optional<Set<String>>> issuedCodes(ResponseTarget t) {
    if (t.form().subjectKey() == null || !t.respondent().isOrganization()) {
      return Mono.just(Optional.empty());
    }
    return codes
        .of(t.form().campaignId(), t.respondent().organizationId(), t.form().subjectKey())
        .map(issued -> issued.isEmpty() ? Optional.<Set<String>>empty() : Optional.of(issued));
  }

  Mono<FormValidation> validate(ResponseTarget t, Map<String, List<Map<String, String>>> sheets) {
    FormValidation v = FormValidation.of(t.schema(), sheets, t.prefill());
    return Mono.zip(knownLogins(v.logins()), issuedCodes(t))
        .map(
            known -> {
              v.rejectUnknownLogins(known.getT1());
              known.getT2().ifPresent(v::rejectUnissuedCodes);
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
          .as(tx::transactional)
          .onErrorMap(DataIntegrityViolationException.class, e -> ResponseRules.stale(1));
    }
    return store
        .saveDraft(
            row.id(),
            row.version(),
            row.content(),
            content,
            problems,
            t.definitionVersion(),
            caller.login(),
            now)
        .flatMap(
            done -> done ? Mono.just(row.id()) : Mono.error(ResponseRules.stale(row.version())))
        .as(tx::transactional);
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
                notAccepted(row)
                    .then(
                        store.submit(
                            c.id(),
                            c.version(),
                            row == null ? null : row.content(),
                            changed,
                            t.definitionVersion(),
                            caller.login(),
                            now))
                    .flatMap(
                        done ->
                            done
                                ? versionStore.freeze(c.id())
                                : Mono.error(ResponseRules.stale(c.version())))
                    .flatMap(version -> publish(caller, t, c.id(), version, now))
                    .then(alsoInTransaction.apply(c.id()))
                    .thenReturn(c.id()))
        .as(tx::transactional);
  }

  /**
   * A submission over a submitted report (the JSON path replaces it in one step) is refused while
   * the report is accepted: only the level that accepted it reopens it (issue 20), as for the
   * organization's «Редактировать». Checked with the report's row locked, in the transaction.
   */
  private Mono<Void> notAccepted(ResponseRow row) {
    if (row == null || !row.submitted()) {
      return Mono.empty();
    }
    return approvals
        .lockedState(row.id())
        .flatMap(
            state -> {
              String refusal = ApprovalRules.reopenRefusal(state);
              return refusal == null
                  ? Mono.<Void>empty()
                  : Mono.<Void>error(new ConflictException(refusal));
            });
  }

  private Mono<Void> publish(
      Caller caller,
      ResponseTarget t,
      long responseId,
      ResponseVersionStore.Version version,
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
}
