package org.oko.forms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.UnprocessableException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A whole response submitted as JSON by a regional system (or the respondent itself), idempotent by
 * the key: the same key and body answer the first result again without a new version; a race
 * between two identical requests is answered as a replay.
 */
@Service
class FormSubmissionService {

  /** A response as answered to a submission, and whether it is the replay of an earlier one. */
  record Submission(ResponseView response, boolean replayed) {}

  /** One submission as asked: by whom, which form, under which key, for whom, with what. */
  record Request(
      Caller caller,
      long formId,
      String idempotencyKey,
      String organization,
      Map<String, List<Map<String, String>>> sheets,
      String hash) {}

  private final FormAccess access;
  private final ResponseWriteService writes;
  private final FormResponseService responses;
  private final FormResponseStore store;
  private final SubmissionKeyStore keys;
  private final FormModels models;
  private final Clock clock;

  FormSubmissionService(
      FormAccess access,
      ResponseWriteService writes,
      FormResponseService responses,
      FormResponseStore store,
      SubmissionKeyStore keys,
      FormModels models,
      Clock clock) {
    this.access = access;
    this.writes = writes;
    this.responses = responses;
    this.store = store;
    this.keys = keys;
    this.models = models;
    this.clock = clock;
  }

  Mono<Submission> submitOnBehalf(
      Caller caller,
      long formId,
      String idempotencyKey,
      String organization,
      Map<String, List<Map<String, String>>> sheets) {
    if (caller.role() != Role.API_CLIENT && caller.role() != Role.ORGANIZATION) {
      return Mono.error(new AccessDeniedException());
    }
    Request request =
        new Request(
            caller,
            formId,
            idempotencyKey,
            organization,
            sheets,
            requestHash(formId, organization, sheets));
    return access
        .visible(caller, formId)
        .flatMap(FormSubmissionService::requireByOrganizations)
        .then(earlierKey(request))
        .flatMap(
            earlier ->
                earlier.isPresent()
                    ? replay(request, earlier.get())
                    : firstSubmission(request)
                        .onErrorResume(
                            FormSubmissionService::lostRace, e -> replayWinner(request, e)));
  }

  private static Mono<FormAccess.VisibleForm> requireByOrganizations(FormAccess.VisibleForm vf) {
    return vf.form().byOrganizations()
        ? Mono.just(vf)
        : Mono.error(
            new UnprocessableException(
                "organization", "Эту форму заполняют муниципалитеты, а не организации"));
  }

  private Mono<Optional<SubmissionKeyStore.Key>> earlierKey(Request request) {
    return keys.find(request.caller().login(), request.idempotencyKey())
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty());
  }

  /** Another request with the same key stored first (or its response changed meanwhile). */
  private static boolean lostRace(Throwable e) {
    return e instanceof DataIntegrityViolationException || e instanceof ConflictException;
  }

  private Mono<Submission> replayWinner(Request request, Throwable e) {
    return keys.find(request.caller().login(), request.idempotencyKey())
        .flatMap(k -> replay(request, k))
        .switchIfEmpty(Mono.error(e));
  }

  private Mono<Submission> firstSubmission(Request request) {
    return access
        .target(request.caller(), request.formId(), request.organization(), null)
        .flatMap(
            t ->
                writes
                    .requireOpen(t)
                    .then(writes.own(t))
                    .flatMap(row -> submitNew(request, t, row.orElse(null))));
  }

  private Mono<Submission> submitNew(Request request, ResponseTarget t, ResponseRow row) {
    Caller caller = request.caller();
    return writes
        .validate(t, request.sheets())
        .flatMap(
            v -> {
              if (!v.problems().isEmpty()) {
                return Mono.error(ResponseRules.notSubmitted(v.problems()));
              }
              return writes.submitValid(caller, t, row, v.content(), id -> keepKey(request, id));
            })
        .flatMap(store::byId)
        .flatMap(saved -> responses.view(caller, t, saved, List.of()))
        .map(view -> new Submission(view, false));
  }

  private Mono<Void> keepKey(Request request, long responseId) {
    return keys.insert(
        request.caller().login(),
        request.idempotencyKey(),
        request.formId(),
        request.hash(),
        responseId,
        clock.instant());
  }

  private Mono<Submission> replay(Request request, SubmissionKeyStore.Key earlier) {
    if (earlier.formId() != request.formId() || !earlier.requestHash().equals(request.hash())) {
      return Mono.error(
          new ConflictException(
              "Ключ Idempotency-Key уже использован для другого запроса: для новой отправки"
                  + " возьмите новый ключ"));
    }
    return access
        .target(request.caller(), request.formId(), request.organization(), null)
        .flatMap(
            t ->
                store
                    .byId(earlier.responseId())
                    .flatMap(row -> responses.view(request.caller(), t, row, List.of()))
                    .map(view -> new Submission(view, true)));
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
}
