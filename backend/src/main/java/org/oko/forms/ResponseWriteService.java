package org.oko.forms;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.oko.campaigns.Stage;
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
 * The steps every way of writing a response shares: access and open stage, checks, drafts, and
 * «Сдать отчёт» (content submitted, a version frozen, {@link FormSubmitted} published, one
 * transaction; only this class and {@link ResponseUploadService} open it).
 */
@Service
class ResponseWriteService {

  /** The respondent's own response (null when not started), once the caller may write it. */
  record Writable(ResponseTarget target, ResponseRow row) {}

  /** A response row as it is during a submission: its id and the version it was decided on. */
  private record Current(long id, long version) {}

  private final FormAccess access;
  private final FormResponseStore store;
  private final ResponseContentStore contents;
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
      ResponseContentStore contents,
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
    this.contents = contents;
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

  /** The stored response to read (issue 24): whole rows when they fit the grid, else counts. */
  Mono<Optional<ResponseRow>> ownToRead(ResponseTarget t) {
    return store
        .head(t.form().id(), t.respondent())
        .flatMap(row -> contents.counts(row.id(), row.contentGen()).flatMap(n -> toRead(t, row, n)))
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty());
  }

  private Mono<ResponseRow> toRead(ResponseTarget t, ResponseRow row, Map<String, Integer> n) {
    int rows = n.values().stream().mapToInt(Integer::intValue).sum();
    return rows > ResponseRules.WHOLE_ROWS
        ? Mono.just(row.withCounts(RowCounts.of(t.schema(), n)))
        : store.withContent(row);
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
   * The codes a subject's form of an organization accepts (issue 20): none named (any code) without
   * issued codes and without a codes-protocol stage; with that stage an empty set, every code
   * refused.
   */
  Mono<Optional<Set<String>>> issuedCodes(ResponseTarget t) {
    if (t.form().subjectKey() == null || !t.respondent().isOrganization()) {
      return Mono.just(Optional.empty());
    }
    long campaignId = t.form().campaignId();
    return codes
        .of(campaignId, t.respondent().organizationId(), t.form().subjectKey())
        .flatMap(
            issued ->
                issued.isEmpty()
                    ? gate.window(
                            campaignId,
                            Stage.CODES_PROTOCOL,
                            t.respondent().regionCode(),
                            t.respondent().organizationId())
                        .map(w -> Optional.<Set<String>>of(Set.of()))
                        .defaultIfEmpty(Optional.empty())
                    : Mono.just(Optional.of(issued)));
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
   * «Сдать отчёт» of a draft whose content the caller has just stored at {@code version} (an
   * upload's streamed rows): submitted, a version frozen, the event appended. In the caller's
   * transaction.
   */
  Mono<Void> submitStored(Caller caller, ResponseTarget t, long id, long version, Instant now) {
    return store
        .submit(id, version, null, null, t.definitionVersion(), caller.login(), now)
        .flatMap(done -> done ? versionStore.freeze(id) : Mono.error(ResponseRules.stale(version)))
        .flatMap(frozen -> publish(caller, t, id, frozen, now));
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
