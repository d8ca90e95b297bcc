package org.oko.forum;

import java.time.Clock;
import java.util.Objects;
import org.oko.campaigns.CampaignDirectory;
import org.oko.forum.ReaderAccess.Seen;
import org.oko.platform.audit.AuditLog;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.UnprocessableException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * What the forum's moderators do: the federal organizer sets up sections; a moderator (the federal
 * organizer, or a region in its own thread) pins, renames, locks, hides (kept in the audit log),
 * merges a duplicate; the author or a moderator marks the answer that helped.
 */
@Service
class ForumModerationService {

  private final ForumStore store;
  private final ForumTallyStore tally;
  private final ReaderAccess readers;
  private final CampaignDirectory campaigns;
  private final AuditLog audit;
  private final TransactionalOperator tx;
  private final Clock clock;

  ForumModerationService(
      ForumStore store,
      ForumTallyStore tally,
      ReaderAccess readers,
      CampaignDirectory campaigns,
      AuditLog audit,
      TransactionalOperator tx,
      Clock clock) {
    this.store = store;
    this.tally = tally;
    this.readers = readers;
    this.campaigns = campaigns;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
  }

  Mono<Section> createSection(
      Caller caller, Long campaignId, String title, boolean delegated, int position) {
    return federal(caller)
        .then(campaignId == null ? Mono.empty() : campaigns.visibleTo(caller, campaignId))
        .then(
            Mono.defer(
                () ->
                    store.insertSection(
                        campaignId,
                        ForumService.text(title, "title"),
                        delegated,
                        position,
                        clock.instant())))
        .flatMap(id -> sectionSeenBy(caller, id));
  }

  Mono<Section> updateSection(
      Caller caller, long id, String title, boolean delegated, int position) {
    return federal(caller)
        .then(store.section(id))
        .switchIfEmpty(Mono.error(() -> sectionNotFound(id)))
        .flatMap(
            s -> store.updateSection(id, ForumService.text(title, "title"), delegated, position))
        .then(Mono.defer(() -> sectionSeenBy(caller, id)));
  }

  private Mono<Section> sectionSeenBy(Caller caller, long id) {
    return store
        .section(id)
        .flatMap(
            s ->
                readers
                    .reader(caller, s.campaignId())
                    .flatMap(
                        r -> tally.sections(r, s.campaignId()).filter(x -> x.id() == id).next()));
  }

  Mono<QuestionView> moderate(
      Caller caller, long id, String title, Boolean pinned, Boolean locked, Boolean hidden) {
    return readers
        .readable(caller, id)
        .flatMap(
            seen -> {
              if (!ForumAccess.moderates(seen.reader(), seen.question())) {
                return Mono.error(new AccessDeniedException());
              }
              String clean = title == null ? null : ForumService.text(title, "title");
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
                  .then(Mono.defer(() -> readers.question(caller, id)));
            });
  }

  Mono<QuestionView> merge(Caller caller, long duplicateId, long intoId) {
    if (duplicateId == intoId) {
      return Mono.error(
          new UnprocessableException("intoQuestionId", "Вопрос нельзя объединить с самим собой"));
    }
    return readers
        .readable(caller, duplicateId)
        .zipWith(readers.readable(caller, intoId))
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
                  .then(Mono.defer(() -> readers.question(caller, intoId)));
            });
  }

  Mono<QuestionView> accept(Caller caller, long questionId, long answerId) {
    return readers
        .readable(caller, questionId)
        .flatMap(
            seen -> {
              if (!ForumAccess.accepts(seen.reader(), seen.question())) {
                return Mono.error(new AccessDeniedException());
              }
              return store
                  .answer(answerId)
                  .filter(a -> a.questionId() == questionId && !a.hidden())
                  .switchIfEmpty(Mono.error(() -> notOfQuestion(answerId)))
                  .flatMap(a -> store.accept(questionId, answerId))
                  .then(Mono.defer(() -> readers.question(caller, questionId)));
            });
  }

  private static UnprocessableException notOfQuestion(long answerId) {
    return new UnprocessableException(
        "answerId", "Ответ № " + answerId + " не относится к этому вопросу");
  }

  Mono<Answer> moderateAnswer(Caller caller, long answerId, boolean hidden) {
    return store
        .answer(answerId)
        .switchIfEmpty(Mono.error(() -> new NotFoundException("Ответ " + answerId + " не найден")))
        .flatMap(
            a ->
                readers
                    .readable(caller, a.questionId())
                    .flatMap(seen -> hiddenOrShown(caller, seen, a, hidden)));
  }

  /** The answer hidden or shown again by a moderator of its question, audited if it changed. */
  private Mono<Answer> hiddenOrShown(
      Caller caller, ReaderAccess.Seen seen, Answer a, boolean hidden) {
    if (!ForumAccess.moderates(seen.reader(), seen.question())) {
      return Mono.error(new AccessDeniedException());
    }
    Mono<Void> audited =
        hidden == a.hidden()
            ? Mono.empty()
            : audit(caller, hidden ? "forum.answer.hide" : "forum.answer.show", "answer:" + a.id());
    return store
        .hideAnswer(a.id(), hidden)
        .then(audited)
        .as(tx::transactional)
        .then(store.answer(a.id()));
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

  private static NotFoundException sectionNotFound(long id) {
    return new NotFoundException("Раздел форума " + id + " не найден");
  }
}
