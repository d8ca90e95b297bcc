package org.oko.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.oko.campaigns.CampaignDirectory;
import org.oko.forum.QuestionAnswered;
import org.oko.forum.QuestionAsked;
import org.oko.platform.events.EventStream;
import org.oko.platform.events.Outbox;
import org.oko.platform.events.ReceivedEvent;
import org.oko.platform.lifecycle.BackgroundLoop;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.publications.PublicationPublished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns events into notifications (consumer group {@code notifications}, shared by the instances):
 * each event is one set-based insert of its recipients' rows and a {@link NotificationsAdded} in
 * the same transaction; then any other {@link NotificationSender} is told. A redelivered event
 * stores nothing twice (one row per account and subject).
 */
@Component
class NotificationWorker extends BackgroundLoop {

  static final String GROUP = "notifications";

  private static final Logger log = LoggerFactory.getLogger(NotificationWorker.class);

  /** The campaign as a whole, whoever takes part (the audience rule needs its kinds). */
  private static final Caller SYSTEM =
      new Caller("notifications", "Уведомления", Role.FEDERAL, null, null, null);

  private final EventStream events;
  private final NotificationStore store;
  private final CampaignDirectory campaigns;
  private final Outbox outbox;
  private final TransactionalOperator tx;
  private final JsonMapper json;
  private final Clock clock;
  private final ObjectProvider<NotificationSender> senders;

  NotificationWorker(
      EventStream events,
      NotificationStore store,
      CampaignDirectory campaigns,
      Outbox outbox,
      TransactionalOperator tx,
      JsonMapper json,
      Clock clock,
      ObjectProvider<NotificationSender> senders) {
    this.events = events;
    this.store = store;
    this.campaigns = campaigns;
    this.outbox = outbox;
    this.tx = tx;
    this.json = json;
    this.clock = clock;
    this.senders = senders;
  }

  @Override
  protected Disposable run() {
    List<String> topics =
        List.of(
            QuestionAsked.TOPIC.name(),
            QuestionAnswered.TOPIC.name(),
            PublicationPublished.TOPIC.name());
    return Flux.defer(() -> events.subscribe(GROUP, topics))
        .concatMap(event -> process(event).thenReturn(event))
        .doOnNext(ReceivedEvent::acknowledge)
        .retryWhen(
            Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1))
                .maxBackoff(Duration.ofSeconds(30))
                .doBeforeRetry(
                    s ->
                        log.warn(
                            "Notifications stopped, resubscribing: {}", s.failure().toString())))
        .subscribe();
  }

  /** Stores the event's notifications; errors only when the event should come again. */
  Mono<Void> process(ReceivedEvent event) {
    Instant now = clock.instant();
    Mono<Fanned> fanned;
    try {
      fanned = fanOut(event, now);
    } catch (RuntimeException e) {
      log.warn("Event {} of {} ignored: {}", event.id(), event.type(), e.toString());
      return Mono.empty();
    }
    return fanned
        .flatMap(
            f ->
                f.recipients() == 0
                    ? Mono.just(f)
                    : outbox
                        .append(
                            NotificationsAdded.TOPIC,
                            f.notice().subject(),
                            new NotificationsAdded(
                                f.notice().subject(), f.notice().visibleAt(), f.recipients()))
                        .thenReturn(f))
        .as(tx::transactional)
        .flatMap(f -> f.recipients() == 0 ? Mono.empty() : otherChannels(f.notice()));
  }

  private record Fanned(Notice notice, long recipients) {}

  private Mono<Fanned> fanOut(ReceivedEvent event, Instant now) {
    if (event.type().equals(QuestionAnswered.TOPIC.name())) {
      QuestionAnswered e = json.readValue(event.payload(), QuestionAnswered.class);
      Notice n =
          new Notice(
              "forum-answer:" + e.answerId(),
              "FORUM_ANSWER",
              "Ответ на ваш вопрос",
              e.title(),
              "/forum/questions/" + e.questionId(),
              now);
      return store.toAccount(n, e.questionAuthor(), e.answeredBy(), now).map(c -> new Fanned(n, c));
    }
    if (event.type().equals(QuestionAsked.TOPIC.name())) {
      QuestionAsked e = json.readValue(event.payload(), QuestionAsked.class);
      Notice n =
          new Notice(
              "forum-question:" + e.questionId(),
              "FORUM_QUESTION",
              e.regionalThread() == null
                  ? "Новый вопрос в разделе «" + e.sectionTitle() + "»"
                  : "Новый вопрос региону в разделе «" + e.sectionTitle() + "»",
              e.title(),
              "/forum/questions/" + e.questionId(),
              now);
      return store
          .toAnswerers(n, e.federalAnswers(), e.answeringRegion(), e.authorLogin(), now)
          .map(c -> new Fanned(n, c));
    }
    PublicationPublished e = json.readValue(event.payload(), PublicationPublished.class);
    Instant visible = e.releaseAt() == null ? now : e.releaseAt();
    Notice n =
        new Notice(
            "publication:" + e.publicationId(),
            "PUBLICATION",
            "Новая публикация",
            e.title(),
            "/publications/" + e.publicationId(),
            visible);
    return campaigns
        .visibleTo(SYSTEM, e.campaignId())
        .flatMap(
            campaign ->
                store.toAudience(
                    n,
                    e.campaignId(),
                    e.audienceRoles(),
                    e.audienceRegions(),
                    campaign.organizationKinds(),
                    e.sampleOnly(),
                    e.publishedBy(),
                    now))
        .map(c -> new Fanned(n, c));
  }

  private Mono<Void> otherChannels(Notice notice) {
    return Flux.fromStream(senders.orderedStream())
        .concatMap(
            sender ->
                sender
                    .send(notice, store.recipients(notice.subject()))
                    .onErrorResume(
                        e -> {
                          log.warn(
                              "{} could not deliver {}: {}",
                              sender.channel(),
                              notice.subject(),
                              e.toString());
                          return Mono.empty();
                        }))
        .then();
  }
}
