package org.oko.integration;

import io.netty.channel.ChannelOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.oko.integration.DeliveryStore.Due;
import org.oko.integration.DeliveryStore.Outcome;
import org.oko.platform.lifecycle.BackgroundLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * Sends due deliveries with a non-blocking client: every claim takes what is due (the oldest of
 * each endpoint and resource, up to {@value #PER_ENDPOINT} in flight per endpoint) under a lease
 * and sends them concurrently, so a receiver that hangs or fails holds only its own deliveries. A
 * refused attempt is retried with exponential backoff (5 s doubling to an hour, with jitter) for
 * {@link WebhooksProperties#retryFor}; then the delivery fails and its endpoint is marked failing
 * with the reason.
 */
@Component
class WebhookDispatchWorker extends BackgroundLoop {

  private static final Logger log = LoggerFactory.getLogger(WebhookDispatchWorker.class);
  private static final Duration TICK = Duration.ofMillis(100);
  private static final Duration WAKE_AT_MOST_EVERY = Duration.ofMillis(20);
  private static final int IN_FLIGHT = 256;
  private static final int PER_ENDPOINT = 32;
  private static final int WINDOW = 1_000;
  private static final int EXCERPT = 500;
  private static final LoopResources LOOPS = LoopResources.create("oko-webhooks", 2, true);

  private final DeliveryStore store;
  private final TransactionalOperator tx;
  private final WebhooksProperties properties;
  private final Clock clock;
  private final WebClient client;

  WebhookDispatchWorker(
      DeliveryStore store, TransactionalOperator tx, WebhooksProperties properties, Clock clock) {
    this.store = store;
    this.tx = tx;
    this.properties = properties;
    this.clock = clock;
    this.client = client(properties);
  }

  /**
   * The client deliveries go through: no redirects followed, a timeout per attempt, and each
   * target's host resolved and checked at every connection, on event loops of its own ({@link
   * CheckedAddresses}).
   */
  static WebClient client(WebhooksProperties properties) {
    HttpClient http =
        HttpClient.create(ConnectionProvider.create("oko-webhooks", IN_FLIGHT))
            .runOn(LOOPS)
            .resolver(new CheckedAddresses(properties))
            .followRedirect(false)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
            .responseTimeout(properties.timeout());
    return WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
  }

  /**
   * Claims on every tick and, between ticks, again as soon as a delivery settles (at most every
   * {@link #WAKE_AT_MOST_EVERY}), so a busy endpoint's next deliveries leave when a slot frees, not
   * a tick later; one claim at a time, the signals that come during one dropped.
   */
  @Override
  protected Disposable run() {
    Duration lease = properties.timeout().multipliedBy(3);
    Sinks.Many<Long> settled = Sinks.many().multicast().directBestEffort();
    return Flux.merge(Flux.interval(TICK), settled.asFlux().sample(WAKE_AT_MOST_EVERY))
        .onBackpressureDrop()
        .concatMap(
            tick ->
                store
                    .claim(clock.instant(), lease, IN_FLIGHT, PER_ENDPOINT, WINDOW)
                    .onErrorResume(
                        e -> {
                          log.warn("Webhook deliveries not claimed: {}", e.toString());
                          return Flux.empty();
                        }),
            1)
        .flatMap(due -> deliver(due).doFinally(end -> settled.tryEmitNext(0L)), IN_FLIGHT)
        .subscribe();
  }

  Mono<Void> deliver(Due due) {
    long started = System.nanoTime();
    Instant at = clock.instant();
    long timestamp = at.getEpochSecond();
    String id = Long.toString(due.eventId());
    return client
        .post()
        .uri(due.url())
        .contentType(MediaType.APPLICATION_JSON)
        .header("webhook-id", id)
        .header("webhook-timestamp", Long.toString(timestamp))
        .header("webhook-signature", signatures(due, id, timestamp, at))
        .bodyValue(due.body())
        .exchangeToMono(
            response ->
                response
                    .bodyToMono(String.class)
                    .defaultIfEmpty("")
                    .map(
                        text ->
                            new Outcome(
                                at,
                                response.statusCode().value(),
                                millis(started),
                                excerpt(text),
                                null)))
        .timeout(properties.timeout().plusSeconds(1))
        .onErrorResume(e -> Mono.just(new Outcome(at, null, millis(started), null, reason(e))))
        .flatMap(outcome -> settle(due, outcome))
        .onErrorResume(
            e -> {
              log.warn("Webhook delivery {} not recorded: {}", due.id(), e.toString());
              return Mono.empty();
            });
  }

  private Mono<Void> settle(Due due, Outcome outcome) {
    if (outcome.delivered()) {
      return tx.transactional(store.record(due, outcome, outcome.at(), null));
    }
    boolean expired = !outcome.at().isBefore(due.firstAttemptAt().plus(properties.retryFor()));
    String failure = expired ? failure(outcome, due) : null;
    return tx.transactional(
        store.record(due, outcome, outcome.at().plus(backoff(due.attempts())), failure));
  }

  /** 5 s, 10 s, 20 s … up to an hour, ±20 %. */
  static Duration backoff(int attempts) {
    long seconds = Math.min(3600, 5L << Math.min(20, Math.max(0, attempts - 1)));
    double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
    return Duration.ofMillis((long) (seconds * 1000 * jitter));
  }

  private String signatures(Due due, String id, long timestamp, Instant at) {
    String current = SignatureRules.sign(due.secret(), id, timestamp, due.body());
    if (due.previousSecret() != null
        && due.previousSecretUntil() != null
        && at.isBefore(due.previousSecretUntil())) {
      return current + " " + SignatureRules.sign(due.previousSecret(), id, timestamp, due.body());
    }
    return current;
  }

  private String failure(Outcome outcome, Due due) {
    String why =
        outcome.status() != null
            ? "получатель отвечал " + outcome.status()
            : "получатель не ответил (" + outcome.error() + ")";
    return "Событие "
        + due.eventId()
        + " не доставлено за "
        + properties.retryFor().toHours()
        + " ч и "
        + due.attempts()
        + " попыток: "
        + why
        + ".";
  }

  private static String reason(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.length() > EXCERPT ? message.substring(0, EXCERPT) : message;
  }

  private static String excerpt(String text) {
    return text.length() > EXCERPT ? text.substring(0, EXCERPT) : text;
  }

  private static int millis(long started) {
    return (int) Duration.ofNanos(System.nanoTime() - started).toMillis();
  }
}
