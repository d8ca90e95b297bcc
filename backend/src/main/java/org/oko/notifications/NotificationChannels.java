package org.oko.notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The other channels than the bell ({@link NotificationSender} beans: mail, SMS), told of a subject
 * once its notifications are stored and visible. A channel's failure is logged; the bell's rows
 * stay.
 */
@Component
class NotificationChannels {

  private static final Logger log = LoggerFactory.getLogger(NotificationChannels.class);

  private final NotificationStore store;
  private final ObjectProvider<NotificationSender> senders;

  NotificationChannels(NotificationStore store, ObjectProvider<NotificationSender> senders) {
    this.store = store;
    this.senders = senders;
  }

  /** Tells every channel of the subject's notifications (as one of its rows says). */
  Mono<Void> deliver(String subject) {
    if (senders.orderedStream().findAny().isEmpty()) {
      return Mono.empty();
    }
    return store.notice(subject).flatMap(this::deliver);
  }

  Mono<Void> deliver(Notice notice) {
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
