package org.oko.forum;

import java.util.List;
import org.oko.campaigns.CampaignDirectory;
import org.oko.campaigns.CampaignParticipants;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.NotFoundException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who the caller is as a reader of a forum, and what of a question it sees ({@link ForumAccess}'s
 * rules applied to the stored rows): every use case of the forum starts here.
 */
@Component
class ReaderAccess {

  private final ForumStore store;
  private final ForumReaderStore readerStore;
  private final ForumFileStore files;
  private final CampaignDirectory campaigns;
  private final CampaignParticipants participants;

  ReaderAccess(
      ForumStore store,
      ForumReaderStore readerStore,
      ForumFileStore files,
      CampaignDirectory campaigns,
      CampaignParticipants participants) {
    this.store = store;
    this.readerStore = readerStore;
    this.files = files;
    this.campaigns = campaigns;
    this.participants = participants;
  }

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
    return readerStore
        .organizationKind(caller.organizationId())
        .filter("COLLEGE"::equals)
        .map(kind -> Reader.of(caller, true))
        .switchIfEmpty(Mono.error(AccessDeniedException::new));
  }

  /** Every forum the caller reads (a search without a campaign). */
  Mono<Forums> everyForum(Caller caller) {
    if (!ForumAccess.ORGANIZER_ROLES.contains(caller.role())) {
      return Mono.error(new AccessDeniedException());
    }
    if (caller.role() != Role.ORGANIZATION) {
      return Mono.just(Forums.everyVisible(null));
    }
    return college(caller)
        .then(participants.campaignsOf(caller.organizationId()))
        .flatMap(ids -> readerStore.spoCampaigns(ids).collectList())
        .map(Forums::everyVisible);
  }

  Mono<Reader> everyForumReader(Caller caller) {
    return caller.role() == Role.ORGANIZATION
        ? college(caller)
        : Mono.just(Reader.of(caller, false));
  }

  // ---- what it sees ----

  /** A question and its reader, if the caller may read it; 404 (or 403) otherwise. */
  record Seen(Reader reader, Question question) {}

  Mono<Seen> readable(Caller caller, long id) {
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

  Mono<QuestionView> view(Reader reader, Question q) {
    return Mono.zip(store.answers(q.id()).collectList(), files.files(q.id()).collectList())
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

  /** A question the caller may read, as it sees it. */
  Mono<QuestionView> question(Caller caller, long id) {
    return readable(caller, id).flatMap(seen -> view(seen.reader(), seen.question()));
  }

  static NotFoundException questionNotFound(long id) {
    return new NotFoundException("Вопрос " + id + " не найден");
  }
}
