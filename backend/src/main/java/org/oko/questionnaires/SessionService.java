package org.oko.questionnaires;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.oko.kits.KitCredential;
import org.oko.kits.KitCredentialDirectory;
import org.oko.kits.QuestionnaireLogins;
import org.oko.platform.security.Caller;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.UnprocessableException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A participant's session: start or resume, autosave (submission is {@link
 * SessionSubmitService}'s), and the session as the participant sees it. Autosave is the hot path
 * (every answer of thousands of participants at once): one update statement, everything else it
 * checks comes from memory.
 */
@Service
class SessionService {

  /** A session as the participant sees it, and whether this request created it. */
  record Started(SessionView view, boolean created) {}

  /** What an autosave stored: the session's revision and answered count, and when. */
  record Saved(long revision, int answered, Instant at) {}

  /**
   * A session as the participant sees it.
   *
   * @param content the questions; null for a submitted session
   * @param validUntil until when the credential works, or null
   * @param zone the region's time zone, which the participant's times are shown in
   */
  record SessionView(
      SessionStore.Session session,
      String campaignTitle,
      String subjectName,
      String title,
      QuestionnaireContent content,
      Instant validUntil,
      ZoneId zone) {}

  static final String SUBMITTED = "Анкета уже сдана";

  private final KitCredentialDirectory credentials;
  private final SessionStore store;
  private final QuestionnaireDefinitionStore definitions;
  private final QuestionnaireWindow window;
  private final Clock clock;

  SessionService(
      KitCredentialDirectory credentials,
      SessionStore store,
      QuestionnaireDefinitionStore definitions,
      QuestionnaireWindow window,
      Clock clock) {
    this.credentials = credentials;
    this.store = store;
    this.definitions = definitions;
    this.window = window;
    this.clock = clock;
  }

  /** The participant's session, started now unless it exists. */
  Mono<Started> start(Caller caller) {
    return credentials
        .byLogin(caller.login())
        .switchIfEmpty(Mono.error(() -> unknownLogin()))
        .flatMap(this::startOrResume);
  }

  private Mono<Started> startOrResume(KitCredential c) {
    return store
        .byLogin(c.login())
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .flatMap(
            existing -> {
              if (existing.isPresent() && existing.get().submitted()) {
                // after submission the login shows «спасибо», whatever protocol 2 says since
                return resumed(existing.get());
              }
              return requireUsable(c)
                  .then(existing.isPresent() ? resumed(existing.get()) : create(c));
            });
  }

  private Mono<Started> resumed(SessionStore.Session s) {
    return view(s).map(v -> new Started(v, false));
  }

  private Mono<Started> create(KitCredential c) {
    return definitions
        .current(c.campaignId(), c.category())
        .switchIfEmpty(
            Mono.error(
                () -> new ConflictException("Анкета для этой категории ещё не опубликована")))
        .flatMap(definition -> store.start(c, definition, clock.instant()))
        .flatMap(
            created ->
                store.byLogin(c.login()).flatMap(this::view).map(v -> new Started(v, created)));
  }

  /** Autosave: the patch checked against the session's version and merged into its answers. */
  Mono<Saved> save(Caller caller, UUID sessionId, Map<String, Object> patch) {
    return store
        .header(sessionId, caller.login())
        .switchIfEmpty(Mono.error(() -> notFound(sessionId)))
        .flatMap(
            h ->
                requireOpen(h)
                    .then(definitions.published(h.questionnaireId(), h.definitionVersion())))
        .flatMap(
            v -> {
              requireValid(AnswerRules.checkPatch(v.content(), patch));
              return store
                  .merge(sessionId, caller.login(), patch, clock.instant())
                  .switchIfEmpty(whyNotSaved(sessionId, caller));
            })
        .map(saved -> new Saved(saved.revision(), saved.answered(), clock.instant()));
  }

  private Mono<Void> requireOpen(SessionStore.Header h) {
    return window
        .cachedWindow(h.campaignId(), h.regionCode(), h.organizationId())
        .flatMap(w -> orConflict(window.refusal(w)));
  }

  private Mono<SessionStore.Saved> whyNotSaved(UUID sessionId, Caller caller) {
    return store
        .submitted(sessionId, caller.login())
        .switchIfEmpty(Mono.error(() -> notFound(sessionId)))
        .flatMap(
            submitted ->
                Mono.error(submitted ? new ConflictException(SUBMITTED) : notFound(sessionId)));
  }

  /** The session as the participant sees it; a submitted one without its questions. */
  Mono<SessionView> view(SessionStore.Session s) {
    return definitions
        .published(s.questionnaireId(), s.definitionVersion())
        .flatMap(published -> view(s, published));
  }

  private Mono<SessionView> view(
      SessionStore.Session s, QuestionnaireDefinitionStore.Published published) {
    return store
        .titles(s.campaignId(), s.subjectKey())
        .flatMap(
            titles ->
                window
                    .cachedWindow(s.campaignId(), s.regionCode(), s.organizationId())
                    .map(
                        w ->
                            new SessionView(
                                s,
                                titles[0],
                                subjectName(s.subjectKey(), titles[1]),
                                published.title(),
                                s.submitted() ? null : published.content(),
                                w.closesAt(),
                                w.zone())));
  }

  /**
   * The subject's name, or for the logins of a campaign without kits (stored under the campaign's
   * kind, which is no subject of it) who answers: «Преподаватели», «Учителя».
   */
  private static String subjectName(String subjectKey, String named) {
    return subjectKey.equals(named)
        ? QuestionnaireLogins.respondents(subjectKey).orElse(named)
        : named;
  }

  /** 409 with the reason when the credential cannot be used now (fresh schedule, protocol 2). */
  private Mono<Void> requireUsable(KitCredential c) {
    return window.refusal(c).flatMap(SessionService::orConflict);
  }

  static Mono<Void> orConflict(Optional<String> refusal) {
    return refusal.isPresent() ? Mono.error(new ConflictException(refusal.get())) : Mono.empty();
  }

  static void requireValid(List<FieldProblem> problems) {
    if (!problems.isEmpty()) {
      throw new UnprocessableException("Ответы не приняты: исправьте отмеченные вопросы", problems);
    }
  }

  static NotFoundException notFound(UUID sessionId) {
    return new NotFoundException("Анкета " + sessionId + " не найдена");
  }

  private static NotFoundException unknownLogin() {
    return new NotFoundException("Логин анкетирования не найден");
  }
}
