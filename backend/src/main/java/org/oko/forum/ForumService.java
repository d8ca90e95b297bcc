package org.oko.forum;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.oko.platform.events.Outbox;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.Paging;
import org.oko.platform.web.TooManyRequestsException;
import org.oko.platform.web.UnprocessableException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The forum's use cases of its readers (moderation is {@link ForumModerationService}'s): each one
 * decides who may, and owns its transaction and its events.
 */
@Service
class ForumService {

  /** A page of questions and how many there are. */
  record QuestionPage(List<Question> items, long total) {}

  private final ForumStore store;
  private final ForumTallyStore tally;
  private final ForumSearchStore searches;
  private final ForumFileStore files;
  private final ForumReaderStore readerStore;
  private final ReaderAccess readers;
  private final Outbox outbox;
  private final TransactionalOperator tx;
  private final Clock clock;
  private final ForumProperties properties;

  ForumService(
      ForumStore store,
      ForumTallyStore tally,
      ForumSearchStore searches,
      ForumFileStore files,
      ForumReaderStore readerStore,
      ReaderAccess readers,
      Outbox outbox,
      TransactionalOperator tx,
      Clock clock,
      ForumProperties properties) {
    this.store = store;
    this.tally = tally;
    this.searches = searches;
    this.files = files;
    this.readerStore = readerStore;
    this.readers = readers;
    this.outbox = outbox;
    this.tx = tx;
    this.clock = clock;
    this.properties = properties;
  }

  // ---- sections ----

  Mono<List<Section>> sections(Caller caller, Long campaignId) {
    return readers
        .reader(caller, campaignId)
        .flatMap(reader -> tally.sections(reader, campaignId).collectList());
  }

  // ---- questions ----

  Mono<QuestionPage> questions(Caller caller, ForumStore.ListFilter filter, Paging paging) {
    return readers
        .reader(caller, filter.campaignId())
        .flatMap(
            reader ->
                Mono.zip(
                    store.questions(reader, filter, paging.offset(), paging.size()).collectList(),
                    filter.mine() || filter.pinned()
                        ? store.countQuestions(reader, filter)
                        : tally.total(reader, filter),
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
        campaignId == null ? readers.everyForumReader(caller) : readers.reader(caller, campaignId);
    Mono<Forums> forums =
        campaignId == null ? readers.everyForum(caller) : Mono.just(Forums.one(campaignId));
    int cap = (int) Math.min(1000, paging.offset() + paging.size());
    return reader.flatMap(
        r ->
            forums.flatMap(
                f ->
                    searches
                        .search(
                            r,
                            f,
                            sectionId,
                            answeredOnly,
                            query,
                            cap,
                            paging.offset(),
                            paging.size())
                        .collectList()));
  }

  Mono<QuestionView> question(Caller caller, long id) {
    return readers.question(caller, id);
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
                readers
                    .reader(caller, section.campaignId())
                    .flatMap(
                        reader ->
                            asked(section, reader, new Post(title, body, attachmentIds), regional)))
        .flatMap(id -> readers.question(caller, id));
  }

  /** What a reader writes: a title (questions only), the text and the files uploaded for it. */
  private record Post(String title, String body, List<Long> attachmentIds) {}

  /** The question, its attachments and its event in one transaction, within the post quota. */
  private Mono<Long> asked(Section section, Reader reader, Post post, boolean regional) {
    if (!ForumAccess.asks(reader, regional)) {
      return Mono.error(new AccessDeniedException());
    }
    String cleanTitle = text(post.title(), "title");
    String cleanBody = text(post.body(), "body");
    String thread = regional ? reader.regionCode() : null;
    Instant now = clock.instant();
    return countPost(reader, now)
        .then(
            store.insertQuestion(
                section.id(), section.campaignId(), thread, cleanTitle, cleanBody, reader, now))
        .flatMap(
            id ->
                attach(post.attachmentIds(), reader, id, null)
                    .then(
                        outbox.append(
                            QuestionAsked.TOPIC,
                            Long.toString(id),
                            new QuestionAsked(
                                id,
                                section.campaignId(),
                                section.id(),
                                section.title(),
                                cleanTitle,
                                reader.login(),
                                reader.regionCode(),
                                thread,
                                thread == null,
                                answeringRegion(section, reader, thread))))
                    .thenReturn(id))
        .as(tx::transactional);
  }

  private static String answeringRegion(Section section, Reader reader, String thread) {
    return ForumAccess.answeringRegion(section.delegated(), reader.regionCode(), thread);
  }

  Mono<Answer> answer(Caller caller, long questionId, String body, List<Long> attachmentIds) {
    return readers
        .readable(caller, questionId)
        .flatMap(seen -> answered(seen, new Post(null, body, attachmentIds)))
        .flatMap(store::answer);
  }

  /** The answer, its attachments and its event in one transaction, if the question takes one. */
  private Mono<Long> answered(ReaderAccess.Seen seen, Post post) {
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
    String clean = text(post.body(), "body");
    Instant now = clock.instant();
    return countPost(reader, now)
        .then(store.insertAnswer(q.id(), clean, reader, now))
        .flatMap(
            id ->
                attach(post.attachmentIds(), reader, null, id)
                    .then(
                        outbox.append(
                            QuestionAnswered.TOPIC,
                            Long.toString(q.id()),
                            new QuestionAnswered(
                                q.id(),
                                id,
                                q.campaignId(),
                                q.title(),
                                q.author().login(),
                                reader.login())))
                    .thenReturn(id))
        .as(tx::transactional);
  }

  // ---- helpers ----

  private Mono<Void> attach(List<Long> ids, Reader reader, Long questionId, Long answerId) {
    if (ids == null || ids.isEmpty()) {
      return Mono.empty();
    }
    List<Long> distinct = ids.stream().distinct().toList();
    return files
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
    return readerStore
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

  /** The text as typed, but not blank. */
  static String text(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new UnprocessableException(
          field, "title".equals(field) ? "Укажите заголовок" : "Сообщение не может быть пустым");
    }
    return "title".equals(field) ? value.strip() : value;
  }

  private static NotFoundException sectionNotFound(long id) {
    return new NotFoundException("Раздел форума " + id + " не найден");
  }
}
