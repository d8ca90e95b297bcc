package org.oko.notifications;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Another way to deliver notifications than the bell: e-mail, SMS. None exists yet (no mail
 * server); a bean of this type is called once per event, after its notifications are stored, with
 * the logins of everyone who got one, and its failure is logged without losing the bell's rows.
 */
public interface NotificationSender {

  /** A short name for the logs, e.g. {@code mail}. */
  String channel();

  Mono<Void> send(Notice notice, Flux<String> recipientLogins);
}
