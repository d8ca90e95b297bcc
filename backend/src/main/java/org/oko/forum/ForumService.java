package org.oko.forum;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.oko.campaigns.CampaignDirectory;
import org.oko.campaigns.CampaignParticipants;
import org.oko.platform.audit.AuditLog;
import org.oko.platform.events.Outbox;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.Paging;
import org.oko.platform.web.TooManyRequestsException;
import org.oko.platform.web.UnprocessableException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** The forum's use cases: each one decides who may, and owns its transaction and its events. */
@Service
class ForumService {

  /** A page of questions and how many there are. */
  record QuestionPage(List<Question> items, long total) {}

  private final ForumStore store;
  private final CampaignDirectory campaigns;
  private final CampaignParticipants participants;
  private final Outbox outbox;
  private final AuditLog audit;
  private final TransactionalOperator tx;
  private final Clock clock;
  private final ForumProperties properties;

  ForumService(
      ForumStore store,
      CampaignDirectory campaigns,
      CampaignParticipants participants,
      Outbox outbox,
      AuditLog audit,
      TransactionalOperator tx,
      Clock clock,
      ForumProperties properties) {
    this.store = store;
    this.campaigns = campaigns;
    this.participants = participants;
    this.outbox = outbox;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
    this.properties = properties;
  }

  // ---- who reads ----

  /**
   * The caller as a reader of the campaign's forum (the general one when null): every organizer of
   * the campaign — coordinators of its regions, and in the СПО study the colleges taking part;
   * {@code 404} for a campaign the caller has no part in, {@code 403} for anyone else.
   */
  Mono<Reader> reader(Caller caller, Long campaignId) {
    if (!ForumAccess.ORGANIZER_ROLES.contains(caller.role())) {
      return Mono.error(new AccessDeniedException());
    }
    if (campaignId == null) {
      return caller.role() == Role.ORGANIZATION
          ? Mono.error(new AccessDeniedException())
          : Mono.just(Reader.of(caller, false));
    }
    return campaigns
        .visibleTo(caller, campaignId)
        .flatMap(
            campaign -> {
              if (caller.role() != Role.ORGANIZATION) {
                return Mono.just(Reader.of(caller, false));
              }
              if (!"SPO".equals(campaign.kind().name())) {
                return Mono.error(new AccessDeniedException());
              }
              return college(caller);
            });
  }

  private Mono<Reader> college(Caller caller) {
    return store
        .organizationKind(caller.organizationId())
        .filter("COLLEGE"::equals)
        .map(kind -> Reader.of(caller, true))
        .switchIfEmpty(Mono.error(AccessDeniedException::new));
  }

  /** Every forum the caller reads (a search without a campaign). */
  private Mono<Forums> everyForum(Caller caller) {
    if (!ForumAccess.ORGANIZER_ROLES.contains(caller.role())) {
      return Mono.error(new AccessDeniedException());
    }
    if (caller.role() != Role.ORGANIZATION) {
      return Mono.just(Forums.everyVisible(null));
    }
    return college(caller)
        .then(participants.campaignsOf(caller.organizationId()))
        .flatMap(ids -> store.spoCampaigns(ids).collectList())
        .map(Forums::everyVisible);
  }

  private Mono<Reader> everyForumReader(Caller caller) {
    return caller.role() == Role.ORGANIZATION
        ? college(caller)
        : Mono.just(Reader.of(caller, false));
  }

  // ---- sections ----

  Mono<List<Section>> sections(Caller caller, Long campaignId) {
    return reader(caller, campaignId)
        .flatMap(reader -> store.sections(reader, campaignId).collectList());
  }

  Mono<Section> createSection(
      Caller caller, Long campaignId, String title, boolean delegated, int position) {
    return federal(caller)
        .then(campaignId == null ? Mono.empty() : campaigns.visibleTo(caller, campaignId))
        .then(
            Mono.defer(
                () ->
                    store.insertSection(
                        campaignId, text(title, "title"), delegated, position, clock.instant())))
        .flatMap(id -> sectionSeenBy(caller, id));
  }

  Mono<Section> updateSection(
      Caller caller, long id, String title, boolean delegated, int position) {
    return federal(caller)
        .then(store.section(id))
        .switchIfEmpty(Mono.error(() -> sectionNotFound(id)))
        .flatMap(s -> store.updateSection(id, text(title, "title"), delegated, position))
        .then(Mono.defer(() -> sectionSeenBy(caller, id)));
  }

  private Mono<Section> sectionSeenBy(Caller caller, long id) {
    return store
        .section(id)
        .flatMap(
            s ->
                reader(caller, s.campaignId())
                    .flatMap(
                        r -> store.sections(r, s.campaignId()).filter(x -> x.id() == id).next()));
  }

  // ---- questions ----

  Mono<QuestionPage> questions(Caller caller, ForumStore.ListFilter filter, Paging paging) {
    return reader(caller, filter.campaignId())
        .flatMap(
            reader ->
                Mono.zip(
                    store.questions(reader, filter, paging.offset(), paging.size()).collectList(),
                    store.countQuestions(reader, filter),
                    QuestionPage::new));
  }

  Mono<List<SearchHit>> search(
      Caller caller,
      Long campaignId,
      Long sectionId,
      boolean answeredOnly,
      String words,
      Paging paging) {
    String query = words == null ? "" : words.strip();
    if (query.length() < 2) {
      return Mono.error(new UnprocessableException("q", "Введите хотя бы два символа для поиска"));
    }
    Mono<Reader> reader =
        campaignId == null ? everyForumReader(caller) : reader(caller, campaignId);
    Mono<Forums> forums =
        campaignId == null ? everyForum(caller) : Mono.just(Forums.one(campaignId));
    int cap = (int) Math.min(1000, paging.offset() + paging.size());
    return reader.flatMap(
        r ->
            forums.flatMap(
                f ->
                    store
                        .search(
                            r,
                            f,
                            sectionId,
                            answeredOnly,
                            query,
                            cap,
                            paging.offset(),
                            paging.size())
                        .collectList()
                        .as(tx::transactional)));
  }

  Mono<QuestionView> question(Caller caller, long id) {
    return readable(caller, id).flatMap(seen -> view(seen.reader(), seen.question()));
  }

  /** A question and its reader, if the caller may read it; 404 (or 403) otherwise. */
  private record Seen(Reader reader, Question question) {}

  private Mono<Seen> readable(Caller caller, long id) {
    return store
        .question(id)
        .switchIfEmpty(Mono.error(() -> questionNotFound(id)))
        .flatMap(
            q ->
                reader(caller, q.campaignId())
                    .flatMap(
                        reader ->
                            ForumAccess.sees(reader, q)
                                ? Mono.just(new Seen(reader, q))
                                : Mono.error(questionNotFound(id))));
  }

  private Mono<QuestionView> view(Reader reader, Question q) {
    return Mono.zip(store.answers(q.id()).collectList(), store.files(q.id()).collectList())
        .map(
            t -> {
              List<Answer> answers =
                  t.getT1().stream().filter(a -> ForumAccess.seesAnswer(reader, q, a)).toList();
              List<Long> shown = answers.stream().map(Answer::id).toList();
              List<ForumFile> files =
                  t.getT2().stream()
                      .filter(f -> f.answerId() == null || shown.contains(f.answerId()))
                      .toList();
              return new QuestionView(
                  q,
                  answers,
                  files,
                  reader.login(),
                  ForumAccess.answers(reader, q) && !q.locked() && !"MERGED".equals(q.status()),
                  ForumAccess.moderates(reader, q),
                  ForumAccess.accepts(reader, q));
            });
  }

  Mono<QuestionView> ask(
      Caller caller,
      long sectionId,
      String title,
      String body,
      boolean regional,
      List<Long> attachmentIds) {
    return store
        .section(sectionId)
        .switchIfEmpty(Mono.error(() -> sectionNotFound(sectionId)))
        .flatMap(
            section ->
                reader(caller, section.campaignId())
                    .flatMap(
                        reader -> {
                          if (!ForumAccess.asks(reader, regional)) {
                            return Mono.error(new AccessDeniedException());
                          }
                          String cleanTitle = text(title, "title");
                          String cleanBody = text(body, "body");
                          String thread = regional ? reader.regionCode() : null;
                          Instant now = clock.instant();
                          return countPost(reader, now)
                              .then(
                                  store.insertQuestion(
                                      sectionId,
                                      section.campaignId(),
                                      thread,
                                      cleanTitle,
                                      cleanBody,
                                      reader,
                                      now))
                              .flatMap(
                                  id ->
                                      attach(attachmentIds, reader, id, null)
                                          .then(
                                              outbox.append(
                                                  QuestionAsked.TOPIC,
                                                  Long.toString(id),
                                                  new QuestionAsked(
                                                      id,
                                                      section.campaignId(),
                                                      sectionId,
                                                      section.title(),
                                                      cleanTitle,
                                                      reader.login(),
                                                      reader.regionCode(),
                                                      thread,
                                                      thread == null,
                                                      ForumAccess.answeringRegion(
                                                          section.delegated(),
                                                          reader.regionCode(),
                                                          thread))))
                                          .thenReturn(id))
                              .as(tx::transactional)
                              .flatMap(id -> question(caller, id));
                        }));
  }

  Mono<Answer> answer(Caller caller, long questionId, String body, List<Long> attachmentIds) {
    return readable(caller, questionId)
        .flatMap(
            seen -> {
              Question q = seen.question();
              Reader reader = seen.reader();
              if (!ForumAccess.answers(reader, q)) {
                return Mono.error(new AccessDeniedException());
              }
              if ("MERGED".equals(q.status())) {
                return Mono.error(
                    new ConflictException(
                        "Вопрос объединён с вопросом № " + q.mergedIntoId() + " — отвечайте там"));
              }
              if (q.locked()) {
                return Mono.error(
                    new ConflictException("Тема закрыта модератором: новые ответы не принимаются"));
              }
              String clean = text(body, "body");
              Instant now = clock.instant();
              return countPost(reader, now)
                  .then(store.insertAnswer(questionId, clean, reader, now))
                  .flatMap(
                      id ->
                          attach(attachmentIds, reader, null, id)
                              .then(
                                  outbox.append(
                                      QuestionAnswered.TOPIC,
                                      Long.toString(questionId),
                                      new QuestionAnswered(
                                          questionId,
                                          id,
                                          q.campaignId(),
                                          q.title(),
                                          q.author().login(),
                                          reader.login())))
                              .thenReturn(id))
                  .as(tx::transactional)
                  .flatMap(store::answer);
            });
  }

  Mono<QuestionView> moderate(
      Caller caller, long id, String title, Boolean pinned, Boolean locked, Boolean hidden) {
    return readable(caller, id)
        .flatMap(
            seen -> {
              if (!ForumAccess.moderates(seen.reader(), seen.question())) {
                return Mono.error(new AccessDeniedException());
              }
              String clean = title == null ? null : text(title, "title");
              Mono<Void> audited =
                  hidden == null || hidden == seen.question().hidden()
                      ? Mono.empty()
                      : audit(
                          caller,
                          hidden ? "forum.question.hide" : "forum.question.show",
                          "question:" + id);
              return store
                  .moderate(id, clean, pinned, locked, hidden)
                  .then(audited)
                  .as(tx::transactional)
                  .then(Mono.defer(() -> question(caller, id)));
            });
  }

  Mono<QuestionView> merge(Caller caller, long duplicateId, long intoId) {
    if (duplicateId == intoId) {
      return Mono.error(
          new UnprocessableException("intoQuestionId", "Вопрос нельзя объединить с самим собой"));
    }
    return readable(caller, duplicateId)
        .zipWith(readable(caller, intoId))
        .flatMap(
            pair -> {
              Seen duplicate = pair.getT1();
              Seen into = pair.getT2();
              if (!duplicate.reader().federal()
                  || !ForumAccess.moderates(duplicate.reader(), duplicate.question())
                  || !ForumAccess.moderates(into.reader(), into.question())) {
                return Mono.error(new AccessDeniedException());
              }
              if (!Objects.equals(
                  duplicate.question().campaignId(), into.question().campaignId())) {
                return Mono.error(
                    new UnprocessableException(
                        "intoQuestionId", "Объединять можно только вопросы одного форума"));
              }
              if ("MERGED".equals(duplicate.question().status())
                  || "MERGED".equals(into.question().status())) {
                return Mono.error(new ConflictException("Вопрос уже объединён с другим"));
              }
              return store
                  .merge(duplicateId, intoId, clock.instant())
                  .then(
                      audit(
                          caller, "forum.question.merge", "question:" + duplicateId + "→" + intoId))
                  .as(tx::transactional)
                  .then(Mono.defer(() -> question(caller, intoId)));
            });
  }

  Mono<QuestionView> accept(Caller caller, long questionId, long answerId) {
    return readable(caller, questionId)
        .flatMap(
            seen -> {
              if (!ForumAccess.accepts(seen.reader(), seen.question())) {
                return Mono.error(new AccessDeniedException());
              }
              return store
                  .answer(answerId)
                  .filter(a -> a.questionId() == questionId && !a.hidden())
                  .switchIfEmpty(
                      Mono.error(
                          () ->
                              new UnprocessableException(
                                  "answerId",
                                  "Ответ № " + answerId + " не относится к этому вопросу")))
                  .flatMap(a -> store.accept(questionId, answerId))
                  .then(Mono.defer(() -> question(caller, questionId)));
            });
  }

  Mono<Answer> moderateAnswer(Caller caller, long answerId, boolean hidden) {
    return store
        .answer(answerId)
        .switchIfEmpty(Mono.error(() -> new NotFoundException("Ответ " + answerId + " не найден")))
        .flatMap(
            a ->
                readable(caller, a.questionId())
                    .flatMap(
                        seen -> {
                          if (!ForumAccess.moderates(seen.reader(), seen.question())) {
                            return Mono.error(new AccessDeniedException());
                          }
                          Mono<Void> audited =
                              hidden == a.hidden()
                                  ? Mono.empty()
                                  : audit(
                                      caller,
                                      hidden ? "forum.answer.hide" : "forum.answer.show",
                                      "answer:" + answerId);
                          return store
                              .hideAnswer(answerId, hidden)
                              .then(audited)
                              .as(tx::transactional)
                              .then(store.answer(answerId));
                        }));
  }

  /**
   * A file the caller may download: its uploader's before it is attached, else its question's
   * readers.
   */
  Mono<ForumFile> readableFile(Caller caller, long id) {
    Mono<ForumFile> notFound =
        Mono.error(() -> new NotFoundException("Вложение " + id + " не найдено"));
    return store
        .file(id)
        .switchIfEmpty(notFound)
        .flatMap(
            f -> {
              if (f.questionId() == null && f.answerId() == null) {
                return f.uploaderLogin().equals(caller.login()) ? Mono.just(f) : notFound;
              }
              if (f.questionId() != null) {
                return readable(caller, f.questionId()).thenReturn(f);
              }
              return store
                  .answer(f.answerId())
                  .flatMap(
                      a ->
                          readable(caller, a.questionId())
                              .filter(
                                  seen ->
                                      ForumAccess.seesAnswer(seen.reader(), seen.question(), a)))
                  .map(seen -> f)
                  .switchIfEmpty(notFound);
            });
  }

  // ---- helpers ----

  private Mono<Void> attach(List<Long> ids, Reader reader, Long questionId, Long answerId) {
    if (ids == null || ids.isEmpty()) {
      return Mono.empty();
    }
    List<Long> distinct = ids.stream().distinct().toList();
    return store
        .attach(distinct, reader.login(), questionId, answerId)
        .flatMap(
            taken ->
                taken == distinct.size()
                    ? Mono.<Void>empty()
                    : Mono.error(
                        new UnprocessableException(
                            "attachmentIds",
                            "Вложение не найдено или уже прикреплено к другому сообщению:"
                                + " загрузите файл заново")));
  }

  /** Counts the post against the account's quota; 429 past it (the transaction rolls back). */
  private Mono<Void> countPost(Reader reader, Instant now) {
    Duration window = properties.postWindow();
    return store
        .countPost(reader.login(), now, now.minus(window))
        .flatMap(
            quota -> {
              if (quota.posts() <= properties.postsPerWindow()) {
                return Mono.empty();
              }
              long wait = Duration.between(now, quota.windowStart().plus(window)).toSeconds();
              long minutes = Math.max(1, (wait + 59) / 60);
              return Mono.error(
                  new TooManyRequestsException(
                      "Слишком много сообщений: не больше "
                          + properties.postsPerWindow()
                          + " вопросов и ответов за "
                          + window.toMinutes()
                          + " мин. Повторите через "
                          + minutes
                          + " мин.",
                      wait));
            });
  }

  private Mono<Void> audit(Caller caller, String action, String target) {
    return audit.record(
        new AuditLog.Entry(
            caller.login(),
            caller.role().name(),
            caller.regionCode(),
            action,
            target,
            "success",
            null));
  }

  private static Mono<Void> federal(Caller caller) {
    return caller.role() == Role.FEDERAL ? Mono.empty() : Mono.error(new AccessDeniedException());
  }

  /** The text as typed, but not blank. */
  private static String text(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new UnprocessableException(
          field, "title".equals(field) ? "Укажите заголовок" : "Сообщение не может быть пустым");
    }
    return "title".equals(field) ? value.strip() : value;
  }

  private static NotFoundException questionNotFound(long id) {
    return new NotFoundException("Вопрос " + id + " не найден");
  }

  private static NotFoundException sectionNotFound(long id) {
    return new NotFoundException("Раздел форума " + id + " не найден");
  }
}
