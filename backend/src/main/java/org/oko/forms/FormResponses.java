package org.oko.forms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.oko.api.model.FormResponse;
import org.oko.api.model.FormResponseStatus;
import org.oko.api.model.FormWindow;
import org.oko.api.model.ProblemError;
import org.oko.api.model.StageState;
import org.oko.campaigns.StageGate;
import org.oko.campaigns.StageWindow;
import org.oko.forms.FormAccess.VisibleForm;
import org.oko.kits.KitDirectory;
import org.oko.platform.events.Outbox;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.ApiTimes;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.UnprocessableException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A respondent's response: read by it and the coordinators above it, filled and submitted by the
 * respondent itself while the form's stage is open. A draft is stored as typed, with its problems;
 * «Сдать отчёт» checks everything again against the current definition, freezes a numbered version
 * and publishes {@link FormSubmitted}, all in one transaction; «Редактировать» makes it a draft
 * again. Every write names the response's version (optimistic locking).
 */
@Component
class FormResponses {

  /** What a request is about: the form, the respondent and the rows pre-filled for it. */
  record Target(
      VisibleForm visible, Respondent respondent, Map<String, List<Map<String, String>>> prefill) {

    FormDefinitionRow form() {
      return visible.form();
    }

    FormSchema schema() {
      return visible.form().schema();
    }

    long definitionVersion() {
      return visible.form().version();
    }
  }

  /** A response as answered to a submission, and whether it is the replay of an earlier one. */
  record Submission(FormResponse response, boolean replayed) {}

  private final FormAccess access;
  private final FormDefinitions definitions;
  private final FormResponseStore store;
  private final Respondents respondents;
  private final StageGate gate;
  private final Outbox outbox;
  private final TransactionalOperator tx;
  private final Clock clock;
  private final FormModels models;
  private final KitDirectory kits;

  FormResponses(
      FormAccess access,
      FormDefinitions definitions,
      FormResponseStore store,
      Respondents respondents,
      StageGate gate,
      Outbox outbox,
      TransactionalOperator tx,
      Clock clock,
      FormModels models,
      KitDirectory kits) {
    this.access = access;
    this.definitions = definitions;
    this.store = store;
    this.respondents = respondents;
    this.gate = gate;
    this.outbox = outbox;
    this.tx = tx;
    this.clock = clock;
    this.models = models;
    this.kits = kits;
  }

  /** The form and respondent a request is about, in the caller's scope (404 outside it). */
  Mono<Target> target(Caller caller, long formId, String organization, Long municipalityId) {
    return access
        .visible(caller, formId)
        .flatMap(
            vf ->
                access
                    .respondent(caller, vf, organization, municipalityId)
                    .flatMap(r -> prefill(vf, r).map(p -> new Target(vf, r, p))));
  }

  private Mono<Map<String, List<Map<String, String>>>> prefill(VisibleForm vf, Respondent r) {
    FormDefinitionRow form = vf.form();
    Mono<Map<String, List<Map<String, String>>>> stored =
        r.isOrganization()
            ? definitions.storedPrefill(form.id(), r.organizationId())
            : Mono.just(Map.of());
    boolean sample =
        !r.isOrganization()
            && form.schema().sheets().stream()
                .anyMatch(s -> s.prefill() == SheetSpec.Prefill.MUNICIPALITY_SAMPLE);
    Mono<List<Map<String, String>>> sampleRows =
        sample
            ? respondents.sampleOf(
                vf.campaign().id(), form.kindsIn(vf.campaign()), r.municipalityId())
            : Mono.just(List.of());
    boolean kitSheets =
        r.isOrganization()
            && form.subjectKey() != null
            && form.schema().sheets().stream().anyMatch(s -> s.prefill() == SheetSpec.Prefill.KITS);
    Mono<List<Long>> kitNumbers =
        kitSheets
            ? this.kits
                .numbers(vf.campaign().id(), form.subjectKey(), r.organizationId())
                .collectList()
            : Mono.just(List.of());
    return Mono.zip(stored, sampleRows, kitNumbers)
        .map(
            t -> {
              Map<String, List<Map<String, String>>> prefill = new LinkedHashMap<>();
              for (SheetSpec sheet : form.schema().sheets()) {
                if (sheet.prefill() == SheetSpec.Prefill.STORED) {
                  prefill.put(sheet.key(), t.getT1().getOrDefault(sheet.key(), List.of()));
                } else if (sheet.prefill() == SheetSpec.Prefill.MUNICIPALITY_SAMPLE) {
                  prefill.put(sheet.key(), t.getT2());
                } else if (sheet.prefill() == SheetSpec.Prefill.KITS) {
                  List<Map<String, String>> rows = new ArrayList<>(t.getT3().size());
                  for (Long number : t.getT3()) {
                    rows.add(Map.of(sheet.keyColumn(), Long.toString(number)));
                  }
                  prefill.put(sheet.key(), rows);
                }
              }
              return prefill;
            });
  }

  Mono<FormResponse> get(Caller caller, long formId, String organization, Long municipalityId) {
    return target(caller, formId, organization, municipalityId)
        .flatMap(
            t ->
                store
                    .find(t.form().id(), t.respondent())
                    .map(Optional::of)
                    .defaultIfEmpty(Optional.empty())
                    .flatMap(row -> view(caller, t, row.orElse(null), null)));
  }

  /** Autosave: stores the rows as typed, with their problems; 200 even when there are some. */
  Mono<FormResponse> saveDraft(
      Caller caller,
      long formId,
      String organization,
      Long municipalityId,
      long version,
      Map<String, List<Map<String, String>>> sheets) {
    return writable(caller, formId, organization, municipalityId)
        .flatMap(
            w -> {
              requireEditable(w.row(), version);
              FormValidation.requireKnownSheets(w.target().schema(), sheets);
              return validate(w.target(), sheets)
                  .flatMap(
                      v ->
                          writeDraft(caller, w.target(), w.row(), v.content(), v.problems().count())
                              .flatMap(id -> store.byId(id))
                              .flatMap(row -> view(caller, w.target(), row, v.problems().list())));
            });
  }

  /** «Сдать отчёт». */
  Mono<FormResponse> submit(
      Caller caller, long formId, String organization, Long municipalityId, long version) {
    return writable(caller, formId, organization, municipalityId)
        .flatMap(
            w -> {
              ResponseRow row = w.row();
              if (row != null && row.submitted()) {
                return Mono.error(new ConflictException("Отчёт уже сдан"));
              }
              requireVersion(row, version);
              Map<String, List<Map<String, String>>> content =
                  row == null ? Map.of() : row.content();
              return validate(w.target(), content)
                  .flatMap(
                      v -> {
                        if (!v.problems().isEmpty()) {
                          return Mono.error(notSubmitted(v.problems()));
                        }
                        return submitValid(caller, w.target(), row, v.content())
                            .flatMap(id -> store.byId(id))
                            .flatMap(saved -> view(caller, w.target(), saved, List.of()));
                      });
            });
  }

  /** «Редактировать»: a submitted response becomes a draft again while the stage is open. */
  Mono<FormResponse> reopen(
      Caller caller, long formId, String organization, Long municipalityId, long version) {
    return writable(caller, formId, organization, municipalityId)
        .flatMap(
            w -> {
              ResponseRow row = w.row();
              if (row == null || !row.submitted()) {
                return Mono.error(
                    new ConflictException(
                        "Отчёт не сдан: его можно изменять и без «Редактировать»"));
              }
              requireVersion(row, version);
              Instant now = clock.instant();
              Target t = w.target();
              return store
                  .reopen(row.id(), version, caller.login(), now)
                  .flatMap(
                      done ->
                          done
                              ? outbox
                                  .append(
                                      FormReopened.TOPIC,
                                      String.valueOf(t.form().id()),
                                      new FormReopened(
                                          t.form().id(),
                                          t.form().campaignId(),
                                          t.form().code(),
                                          row.id(),
                                          t.respondent().isOrganization()
                                              ? t.respondent().organizationId()
                                              : null,
                                          t.respondent().isOrganization()
                                              ? null
                                              : t.respondent().municipalityId(),
                                          t.respondent().regionCode(),
                                          row.submissions(),
                                          now,
                                          caller.login()))
                                  .thenReturn(true)
                              : Mono.error(stale(row.version())))
                  .as(tx::transactional)
                  .flatMap(done -> store.byId(row.id()))
                  .flatMap(saved -> view(caller, w.target(), saved, null));
            });
  }

  /**
   * For the Excel upload route, before the file is read: the form, respondent and pre-filled rows
   * the file must match, once it is known that the caller is the respondent, the stage is open and
   * the response is not submitted (403/404/409 otherwise).
   */
  Mono<Target> uploadTarget(Caller caller, long formId, String organization, Long municipalityId) {
    return writable(caller, formId, organization, municipalityId)
        .map(
            w -> {
              if (w.row() != null && w.row().submitted()) {
                throw submittedAlready();
              }
              return w.target();
            });
  }

  /** Which of these organization logins exist (for the upload's ORG_LOGIN cells). */
  Mono<Set<String>> knownLogins(Set<String> logins) {
    return respondents.existing(logins);
  }

  /**
   * For the Excel upload route: replaces the response's content with an uploaded file's, already
   * checked completely (no problems, logins included), and submits it when asked. Checks again, in
   * order, the caller, the stage, that the response is not submitted and, when given, its version.
   */
  Mono<FormResponse> replaceFromUpload(
      Caller caller,
      long formId,
      String organization,
      Long municipalityId,
      FormValidation.Content content,
      Long expectedVersion,
      boolean submit) {
    return writable(caller, formId, organization, municipalityId)
        .flatMap(
            w -> {
              ResponseRow row = w.row();
              if (row != null && row.submitted()) {
                return Mono.error(submittedAlready());
              }
              if (expectedVersion != null) {
                requireVersion(row, expectedVersion);
              }
              Mono<Long> saved =
                  submit
                      ? submitValid(caller, w.target(), row, content)
                      : writeDraft(caller, w.target(), row, content, 0);
              return saved
                  .flatMap(id -> store.byId(id, content))
                  .flatMap(r -> view(caller, w.target(), r, List.of()));
            });
  }

  /**
   * A whole response submitted as JSON by a regional system (or the respondent itself), idempotent
   * by the key: the same key and body answer the first result again without a new version.
   */
  Mono<Submission> submitOnBehalf(
      Caller caller,
      long formId,
      String idempotencyKey,
      String organization,
      Map<String, List<Map<String, String>>> sheets) {
    if (caller.role() != Role.API_CLIENT && caller.role() != Role.ORGANIZATION) {
      return Mono.error(new AccessDeniedException());
    }
    String hash = requestHash(formId, organization, sheets);
    return access
        .visible(caller, formId)
        .flatMap(
            vf ->
                vf.form().byOrganizations()
                    ? Mono.just(vf)
                    : Mono.error(
                        new UnprocessableException(
                            "organization",
                            "Эту форму заполняют муниципалитеты, а не организации")))
        .then(store.key(caller.login(), idempotencyKey).map(Optional::of))
        .defaultIfEmpty(Optional.empty())
        .flatMap(
            earlier ->
                earlier.isPresent()
                    ? replay(caller, formId, organization, hash, earlier.get())
                    : firstSubmission(caller, formId, idempotencyKey, organization, sheets, hash)
                        .onErrorResume(
                            e ->
                                e instanceof DataIntegrityViolationException
                                    || e instanceof ConflictException,
                            e ->
                                store
                                    .key(caller.login(), idempotencyKey)
                                    .flatMap(k -> replay(caller, formId, organization, hash, k))
                                    .switchIfEmpty(Mono.error(e))));
  }

  private Mono<Submission> firstSubmission(
      Caller caller,
      long formId,
      String key,
      String organization,
      Map<String, List<Map<String, String>>> sheets,
      String hash) {
    return target(caller, formId, organization, null)
        .flatMap(
            t ->
                requireOpen(t)
                    .then(store.find(formId, t.respondent()).map(Optional::of))
                    .defaultIfEmpty(Optional.empty())
                    .flatMap(
                        row ->
                            validate(t, sheets)
                                .flatMap(
                                    v -> {
                                      if (!v.problems().isEmpty()) {
                                        return Mono.error(notSubmitted(v.problems()));
                                      }
                                      return submitValid(
                                              caller,
                                              t,
                                              row.orElse(null),
                                              v.content(),
                                              id ->
                                                  store.insertKey(
                                                      caller.login(),
                                                      key,
                                                      formId,
                                                      hash,
                                                      id,
                                                      clock.instant()))
                                          .flatMap(id -> store.byId(id))
                                          .flatMap(saved -> view(caller, t, saved, List.of()))
                                          .map(r -> new Submission(r, false));
                                    })));
  }

  private Mono<Submission> replay(
      Caller caller, long formId, String organization, String hash, FormResponseStore.Key earlier) {
    if (earlier.formId() != formId || !earlier.requestHash().equals(hash)) {
      return Mono.error(
          new ConflictException(
              "Ключ Idempotency-Key уже использован для другого запроса: для новой отправки"
                  + " возьмите новый ключ"));
    }
    return target(caller, formId, organization, null)
        .flatMap(
            t ->
                store
                    .byId(earlier.responseId())
                    .flatMap(row -> view(caller, t, row, List.of()))
                    .map(r -> new Submission(r, true)));
  }

  /** A SHA-256 of the request in one canonical spelling (keys sorted). */
  private String requestHash(
      long formId, String organization, Map<String, List<Map<String, String>>> sheets) {
    Map<String, Object> canonical = new TreeMap<>();
    canonical.put("form", formId);
    canonical.put("organization", organization);
    Map<String, List<Map<String, String>>> sortedSheets = new TreeMap<>();
    sheets.forEach(
        (key, rows) -> {
          List<Map<String, String>> sortedRows = new ArrayList<>();
          for (Map<String, String> row : rows) {
            sortedRows.add(row == null ? Map.of() : new TreeMap<>(row));
          }
          sortedSheets.put(key, sortedRows);
        });
    canonical.put("sheets", sortedSheets);
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(models.write(canonical).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // --- the steps shared by the writes

  private record Writable(Target target, ResponseRow row) {}

  /** The respondent's own response (may be absent), once the caller may write and it is open. */
  private Mono<Writable> writable(
      Caller caller, long formId, String organization, Long municipalityId) {
    return target(caller, formId, organization, municipalityId)
        .flatMap(
            t ->
                FormAccess.requireRespondent(caller, t.respondent())
                    .then(requireOpen(t))
                    .then(store.find(formId, t.respondent()).map(Optional::of))
                    .defaultIfEmpty(Optional.empty())
                    .map(row -> new Writable(t, row.orElse(null))));
  }

  private Mono<Void> requireOpen(Target t) {
    return gate.requireOpen(
        t.form().campaignId(),
        t.form().stage(),
        t.respondent().regionCode(),
        t.respondent().organizationId());
  }

  private static void requireEditable(ResponseRow row, long version) {
    if (row != null && row.submitted()) {
      throw submittedAlready();
    }
    requireVersion(row, version);
  }

  private static void requireVersion(ResponseRow row, long version) {
    long current = row == null ? 0 : row.version();
    if (current != version) {
      throw stale(current);
    }
  }

  private Mono<FormValidation> validate(Target t, Map<String, List<Map<String, String>>> sheets) {
    FormValidation v = FormValidation.of(t.schema(), sheets, t.prefill());
    return respondents
        .existing(v.logins())
        .map(
            known -> {
              v.rejectUnknownLogins(known);
              return v;
            });
  }

  private Mono<Long> writeDraft(
      Caller caller, Target t, ResponseRow row, FormValidation.Content content, int problems) {
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
          .onErrorMap(DataIntegrityViolationException.class, e -> stale(1));
    }
    return store
        .saveDraft(
            row.id(), row.version(), content, problems, t.definitionVersion(), caller.login(), now)
        .flatMap(done -> done ? Mono.just(row.id()) : Mono.error(stale(row.version())));
  }

  private Mono<Long> submitValid(
      Caller caller, Target t, ResponseRow row, FormValidation.Content content) {
    return submitValid(caller, t, row, content, id -> Mono.empty());
  }

  /** Stores valid content as submitted, freezes a version, publishes the event; one transaction. */
  private Mono<Long> submitValid(
      Caller caller,
      Target t,
      ResponseRow row,
      FormValidation.Content content,
      java.util.function.Function<Long, Mono<Void>> alsoInTransaction) {
    Instant now = clock.instant();
    Mono<long[]> current =
        row != null
            ? Mono.just(new long[] {row.id(), row.version()})
            : store
                .insert(
                    t.form().id(),
                    t.respondent(),
                    content,
                    0,
                    t.definitionVersion(),
                    caller.login(),
                    now)
                .map(id -> new long[] {id, 1});
    return current
        .flatMap(
            idVersion ->
                store
                    .submit(
                        idVersion[0],
                        idVersion[1],
                        row == null ? null : content, // just inserted: not written twice
                        t.definitionVersion(),
                        caller.login(),
                        now)
                    .flatMap(
                        done -> done ? store.freeze(idVersion[0]) : Mono.error(stale(idVersion[1])))
                    .flatMap(
                        version ->
                            outbox.append(
                                FormSubmitted.TOPIC,
                                String.valueOf(t.form().id()),
                                new FormSubmitted(
                                    t.form().id(),
                                    t.form().campaignId(),
                                    t.form().code(),
                                    idVersion[0],
                                    t.respondent().isOrganization()
                                        ? t.respondent().organizationId()
                                        : null,
                                    t.respondent().isOrganization()
                                        ? null
                                        : t.respondent().municipalityId(),
                                    t.respondent().regionCode(),
                                    version.number(),
                                    version.rows(),
                                    now,
                                    caller.login())))
                    .then(alsoInTransaction.apply(idVersion[0]))
                    .thenReturn(idVersion[0]))
        .as(tx::transactional);
  }

  // --- the answer

  Mono<FormResponse> view(
      Caller caller, Target t, ResponseRow row, List<FieldProblem> knownProblems) {
    Mono<Optional<StageWindow>> window =
        gate.window(
                t.form().campaignId(),
                t.form().stage(),
                t.respondent().regionCode(),
                t.respondent().organizationId())
            .map(Optional::of)
            .defaultIfEmpty(Optional.empty());
    Mono<List<FieldProblem>> problems;
    if (knownProblems != null) {
      problems = Mono.just(knownProblems);
    } else if (row == null || row.submitted()) {
      problems = Mono.just(List.of());
    } else {
      problems = validate(t, row.content()).map(v -> v.problems().list());
    }
    return Mono.zip(window, problems)
        .map(
            wp -> {
              Instant now = clock.instant();
              Optional<StageWindow> w = wp.getT1();
              boolean open = w.isPresent() && w.get().stateAt(now) == StageState.OPEN;
              FormResponseStatus status =
                  row == null
                      ? FormResponseStatus.NOT_STARTED
                      : FormResponseStatus.fromValue(row.status());
              Map<String, List<Map<String, String>>> sheets =
                  row == null
                      ? FormValidation.of(t.schema(), Map.of(), t.prefill()).content()
                      : row.content();
              FormResponse response =
                  new FormResponse(
                      t.form().id(),
                      row == null ? t.definitionVersion() : row.definitionVersion(),
                      t.respondent().toApi(),
                      status,
                      row == null ? 0L : row.version(),
                      new LinkedHashMap<>(sheets),
                      wp.getT2().stream().map(FormResponses::toApi).toList(),
                      FormAccess.isRespondent(caller, t.respondent())
                          && open
                          && status != FormResponseStatus.SUBMITTED,
                      row == null ? 0 : row.submissions());
              w.ifPresent(x -> response.setWindow(window(x, now)));
              if (row != null) {
                response.setUpdatedAt(ApiTimes.utc(row.updatedAt()));
                response.setUpdatedBy(row.updatedBy());
                response.setSubmittedAt(ApiTimes.utc(row.submittedAt()));
                response.setSubmittedBy(row.submittedBy());
              }
              return response;
            });
  }

  static FormWindow window(StageWindow w, Instant now) {
    return new FormWindow(
        ApiTimes.utc(w.opensAt()),
        ApiTimes.utc(w.effectiveClosesAt()),
        w.stateAt(now) == StageState.OPEN,
        w.zone().getId());
  }

  static ProblemError toApi(FieldProblem p) {
    ProblemError e = new ProblemError(p.message());
    e.setField(p.field());
    e.setSheet(p.sheet());
    e.setCell(p.cell());
    e.setValue(p.value());
    e.setRow(p.row());
    e.setColumn(p.column());
    return e;
  }

  private static UnprocessableException notSubmitted(FormProblems problems) {
    String more =
        problems.count() > problems.list().size()
            ? " (показаны первые " + problems.list().size() + ")"
            : "";
    return new UnprocessableException(
        "Отчёт не сдан: исправьте ошибки — " + problems.count() + more, problems.list());
  }

  static ConflictException stale(long current) {
    return new ConflictException(
        "Форму уже изменили (версия "
            + current
            + "): обновите страницу, ваши изменения не сохранены — скопируйте их перед"
            + " обновлением");
  }

  static ConflictException submittedAlready() {
    return new ConflictException(
        "Отчёт сдан: нажмите «Редактировать», чтобы внести изменения, и сдайте его снова");
  }
}
