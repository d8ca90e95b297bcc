package org.oko.forum;

import java.util.List;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The forum for other features that fill it (the demo data): the same use cases the API runs, with
 * their rules, events and quota, on behalf of a given caller.
 */
@Component
public class ForumAdmin {

  private static final Caller FEDERAL =
      new Caller("federal", "Федеральный организатор", Role.FEDERAL, null, null, null);

  private final ForumService forum;
  private final ForumModerationService moderation;
  private final ForumStore store;

  ForumAdmin(ForumService forum, ForumModerationService moderation, ForumStore store) {
    this.forum = forum;
    this.moderation = moderation;
    this.store = store;
  }

  /** Whether no forum has a section yet. */
  public Mono<Boolean> isEmpty() {
    return store.noSections();
  }

  /** A section, set up by the federal organizer; {@code campaignId} null: the general forum. */
  public Mono<Long> section(Long campaignId, String title, boolean delegated, int position) {
    return moderation
        .createSection(FEDERAL, campaignId, title, delegated, position)
        .map(Section::id);
  }

  public Mono<Long> ask(
      Caller author, long sectionId, String title, String body, boolean regional) {
    return forum
        .ask(author, sectionId, title, body, regional, List.of())
        .map(v -> v.question().id());
  }

  public Mono<Long> answer(Caller by, long questionId, String body) {
    return forum.answer(by, questionId, body, List.of()).map(Answer::id);
  }

  /** Pins the question into its section's FAQ. */
  public Mono<Void> pin(long questionId) {
    return moderation.moderate(FEDERAL, questionId, null, true, null, null).then();
  }
}
