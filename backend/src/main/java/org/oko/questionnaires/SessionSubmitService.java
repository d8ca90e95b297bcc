package org.oko.questionnaires;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.oko.kits.KitCredential;
import org.oko.platform.events.Outbox;
import org.oko.platform.security.Caller;
import org.oko.platform.web.ConflictException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A participant's «Отправить»: the last answers merged into the session, the whole checked in
 * memory, and the session stored as submitted together with {@link QuestionnaireSubmitted} in one
 * statement that succeeds only if nobody saved or submitted in between. A retry with the same
 * {@code Idempotency-Key} is answered as the submission it repeats.
 */
@Service
class SessionSubmitService {

  /** A submitted session, and whether this request was the replay of an earlier submission. */
  record Submission(SessionService.SessionView view, boolean replayed) {}

  private static final String CHANGED_WHILE_SUBMITTING =
      "Ответы изменились во время отправки (их сохраняли с другого устройства). Отправьте анкету"
          + " ещё раз";

  private final SessionService sessions;
  private final SessionStore store;
  private final QuestionnaireDefinitionStore definitions;
  private final QuestionnaireWindow window;
  private final Outbox outbox;
  private final Clock clock;

  SessionSubmitService(
      SessionService sessions,
      SessionStore store,
      QuestionnaireDefinitionStore definitions,
      QuestionnaireWindow window,
      Outbox outbox,
      Clock clock) {
    this.sessions = sessions;
    this.store = store;
    this.definitions = definitions;
    this.window = window;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** «Отправить»: the patch merged, the whole checked, stored as submitted with its event. */
  Mono<Submission> submit(
      Caller caller, UUID sessionId, String idempotencyKey, Map<String, Object> patch) {
    return submit(sessionId, caller.login(), idempotencyKey, patch, true);
  }

  /**
   * Reads the session without a lock, checks everything in memory, then stores the submission with
   * its event in one statement that succeeds only if nobody saved or submitted in between. If
   * someone did, it is read again once: a retry of this very submission is then a replay.
   */
  private Mono<Submission> submit(
      UUID sessionId, String login, String key, Map<String, Object> patch, boolean mayRetry) {
    return store
        .byId(sessionId, login)
        .switchIfEmpty(Mono.error(() -> SessionService.notFound(sessionId)))
        .flatMap(
            s -> {
              if (s.submitted()) {
                return key.equals(s.submitKey())
                    ? sessions.view(s).map(v -> new Submission(v, true))
                    : Mono.error(new ConflictException(SessionService.SUBMITTED));
              }
              return submitStarted(s, key, patch)
                  .switchIfEmpty(
                      mayRetry
                          ? Mono.defer(() -> submit(sessionId, login, key, patch, false))
                          : Mono.error(new ConflictException(CHANGED_WHILE_SUBMITTING)));
            });
  }

  /** The submission of a session read as STARTED; empty if it changed before it was stored. */
  private Mono<Submission> submitStarted(
      SessionStore.Session s, String key, Map<String, Object> patch) {
    KitCredential c =
        new KitCredential(
            s.login(),
            null,
            s.campaignId(),
            s.subjectKey(),
            s.category(),
            s.kitNumber(),
            s.organizationId(),
            s.regionCode());
    // a kit protocol 2 took back, or a closed stage, is said first: no answer would change it
    return window
        .cachedRefusal(c)
        .flatMap(SessionService::orConflict)
        .then(definitions.published(s.questionnaireId(), s.definitionVersion()))
        .flatMap(
            v -> {
              SessionService.requireValid(AnswerRules.checkPatch(v.content(), patch));
              Map<String, Object> merged = merge(s.answers(), patch);
              SessionService.requireValid(AnswerRules.checkComplete(v.content(), merged));
              Instant now = clock.instant();
              return outbox
                  .appendIfChanged(
                      SessionStore.SUBMIT_IF_UNCHANGED,
                      store.submission(s.id(), s.revision(), merged, key, now),
                      QuestionnaireSubmitted.TOPIC,
                      s.id().toString(),
                      new QuestionnaireSubmitted(
                          s.id(),
                          s.campaignId(),
                          s.organizationId(),
                          s.regionCode(),
                          s.subjectKey(),
                          s.category(),
                          s.questionnaireId(),
                          s.definitionVersion(),
                          now))
                  .filter(stored -> stored)
                  .flatMap(stored -> sessions.view(submitted(s, merged, key, now)))
                  .map(view -> new Submission(view, false));
            });
  }

  /** The session as it is once submitted, without reading it back. */
  private static SessionStore.Session submitted(
      SessionStore.Session s, Map<String, Object> answers, String key, Instant now) {
    return new SessionStore.Session(
        s.id(),
        s.login(),
        s.questionnaireId(),
        s.definitionVersion(),
        s.campaignId(),
        s.subjectKey(),
        s.organizationId(),
        s.regionCode(),
        s.category(),
        s.kitNumber(),
        true,
        answers,
        s.revision() + 1,
        s.startedAt(),
        now,
        now,
        key);
  }

  /** The stored answers with the patch applied: a null clears an answer. */
  static Map<String, Object> merge(Map<String, Object> answers, Map<String, Object> patch) {
    Map<String, Object> merged = new LinkedHashMap<>(answers);
    for (Map.Entry<String, Object> e : patch.entrySet()) {
      if (e.getValue() == null) {
        merged.remove(e.getKey());
      } else {
        merged.put(e.getKey(), e.getValue());
      }
    }
    return merged;
  }
}
