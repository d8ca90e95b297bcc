package org.oko.integration;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.oko.integration.DeliveryStore.Due;
import org.oko.integration.DeliveryStore.Outcome;
import org.oko.integration.DeliveryStore.Settled;

/**
 * What an attempt's outcome means for its delivery: a refused attempt is retried with exponential
 * backoff (5 s doubling to an hour, with jitter) for {@link WebhooksProperties#retryFor} from the
 * first attempt; then the delivery fails and its endpoint is marked failing with the reason.
 */
final class RetryRules {

  private RetryRules() {}

  /** Delivered; refused, so tried again after a backoff; or, past the retry period, failed. */
  static Settled settled(Due due, Outcome outcome, Duration retryFor) {
    if (outcome.delivered()) {
      return new Settled(due, outcome, outcome.at(), null);
    }
    boolean expired = !outcome.at().isBefore(due.firstAttemptAt().plus(retryFor));
    return new Settled(
        due,
        outcome,
        outcome.at().plus(backoff(due.attempts())),
        expired ? failure(outcome, due, retryFor) : null);
  }

  /** 5 s, 10 s, 20 s … up to an hour, ±20 %. */
  static Duration backoff(int attempts) {
    long seconds = Math.min(3600, 5L << Math.min(20, Math.max(0, attempts - 1)));
    double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
    return Duration.ofMillis((long) (seconds * 1000 * jitter));
  }

  /** The reason its endpoint shows, in Russian. */
  private static String failure(Outcome outcome, Due due, Duration retryFor) {
    String why =
        outcome.status() != null
            ? "получатель отвечал " + outcome.status()
            : "получатель не ответил (" + outcome.error() + ")";
    return "Событие "
        + due.eventId()
        + " не доставлено за "
        + retryFor.toHours()
        + " ч и "
        + due.attempts()
        + " попыток: "
        + why
        + ".";
  }
}
