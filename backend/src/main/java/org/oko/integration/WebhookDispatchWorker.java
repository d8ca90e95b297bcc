package org.oko.integration;

import io.netty.channel.ChannelOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.oko.integration.DeliveryStore.Due;
import org.oko.integration.DeliveryStore.Outcome;
import org.oko.integration.DeliveryStore.Settled;
import org.oko.platform.lifecycle.BackgroundLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.Disposables;
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
 * refused attempt is retried, then failed, as {@link RetryRules} says.
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
  private static final int MIN_ROOM = 32;
  private static final int BATCH = 256;
  private static final Duration LINGER = Duration.ofMillis(15);
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
   * Claims on every tick and, between ticks, again as soon as a batch of outcomes is recorded (at
   * most every {@link #WAKE_AT_MOST_EVERY}), so a busy endpoint's next deliveries leave when a slot
   * frees, not a tick later; one claim at a time, the signals that come during one dropped.
   * Outcomes are gathered as they come, up to {@value #BATCH} or {@link #LINGER} (no thread waits),
   * and each batch is recorded in one transaction, one batch at a time: a transaction per delivery,
   * with a claim after each, bounded the rate (docs/benchmarks.md «Webhooks at scale»). A delivery
   * stays leased until its batch is recorded, so the next event of its resource is not claimed
   * before (the order per resource holds) and its endpoint's in-flight count includes it; every
   * third of a lease the leases of all it holds are extended ({@link #keepLeases}), so however long
   * an outcome waits for its batch, the delivery is not claimed and sent again while this instance
   * runs.
   */
  @Override
  protected Disposable run() {
    Duration lease = properties.timeout().multipliedBy(3);
    Map<Long, Integer> held = new ConcurrentHashMap<>();
    Sinks.Many<Long> recorded = Sinks.many().multicast().directBestEffort();
    Disposable dispatch =
        Flux.merge(Flux.interval(TICK), recorded.asFlux().sample(WAKE_AT_MOST_EVERY))
            .onBackpressureDrop()
            .concatMap(
                tick ->
                    claim(lease, IN_FLIGHT - held.size())
                        .doOnNext(due -> held.put(due.id(), due.attempts())),
                1)
            .flatMap(
                due -> attempt(due).map(o -> RetryRules.settled(due, o, properties.retryFor())),
                IN_FLIGHT)
            .bufferTimeout(BATCH, LINGER, true)
            .concatMap(
                batch ->
                    record(batch)
                        .doFinally(
                            end -> {
                              batch.forEach(s -> held.remove(s.due().id(), s.due().attempts()));
                              recorded.tryEmitNext(0L);
                            }),
                1)
            .subscribe();
    Disposable leases =
        Flux.interval(lease.dividedBy(3))
            .onBackpressureDrop()
            .concatMap(tick -> keepLeases(held, lease), 1)
            .subscribe();
    return Disposables.composite(dispatch, leases);
  }

  /**
   * Extends the lease of every delivery this instance holds, from now. One that cannot be extended
   * (the database away) keeps its lease, and if that runs out it is claimed and sent again: at
   * least once, as {@link #record} says.
   */
  private Mono<Void> keepLeases(Map<Long, Integer> held, Duration lease) {
    if (held.isEmpty()) {
      return Mono.empty();
    }
    return store
        .extend(held, clock.instant().plus(lease))
        .onErrorResume(
            e -> {
              log.warn("Webhook deliveries' leases not extended: {}", e.toString());
              return Mono.empty();
            })
        .then();
  }

  /**
   * Claims as many as there are free slots ({@value #IN_FLIGHT} in all, counted from the claim to
   * the recording of the outcome, so nothing claimed waits for a slot while its lease runs), and
   * nothing while fewer than {@value #MIN_ROOM} are free: a claim costs about the same however few
   * it takes (docs/benchmarks.md «Webhooks at scale»).
   *
   * <p>Nothing claimed is sent before the claim has committed. Its rows used to be handed on as
   * they arrived, when the statement had answered but its transaction was not yet committed; on a
   * loaded machine a delivery was then sent, answered and its outcome recorded inside that window —
   * the record found the delivery not yet claimed and left it, the claim committed it leased to
   * nobody, and when the lease ran out it was sent again (0.4–0.8 % of deliveries in session 10's
   * runs of 20 000–30 000 events; none once claims committed first, docs/benchmarks.md).
   */
  private Flux<Due> claim(Duration lease, int room) {
    if (room < MIN_ROOM) {
      return Flux.empty();
    }
    return tx.transactional(
            store.claim(clock.instant(), lease, room, PER_ENDPOINT, WINDOW).collectList())
        .flatMapIterable(claimed -> claimed)
        .onErrorResume(
            e -> {
              log.warn("Webhook deliveries not claimed: {}", e.toString());
              return Flux.empty();
            });
  }

  /**
   * Records a batch of outcomes in one transaction. A batch that cannot be written is not retried
   * here and nothing of it is lost for good: its deliveries stay leased, the lease expires and they
   * are claimed and sent again — at least once, as a receiver that dedupes by {@code webhook-id}
   * expects (a delivery that was delivered may arrive twice; one that failed is tried again).
   */
  Mono<Void> record(List<Settled> batch) {
    return tx.transactional(store.record(batch))
        .onErrorResume(
            e -> {
              log.warn(
                  "{} webhook outcomes not recorded, sent again when their leases expire: {}",
                  batch.size(),
                  e.toString());
              return Mono.empty();
            });
  }

  /**
   * Sends one delivery; an attempt that gets no answer, or cannot even be made (a target that no
   * longer parses), is an outcome too, never an error that would end the dispatcher.
   */
  Mono<Outcome> attempt(Due due) {
    long started = System.nanoTime();
    Instant at = clock.instant();
    return Mono.defer(() -> send(due, at, started))
        .timeout(properties.timeout().plusSeconds(1))
        .onErrorResume(e -> Mono.just(new Outcome(at, null, millis(started), null, reason(e))));
  }

  private Mono<Outcome> send(Due due, Instant at, long started) {
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
                                null)));
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

  private static String reason(Throwable e) {
    return excerpt(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
  }

  /**
   * The start of a receiver's answer, without NUL characters: PostgreSQL refuses them in text, and
   * one such answer would fail its whole batch again at every attempt.
   */
  private static String excerpt(String text) {
    String start = text.length() > EXCERPT ? text.substring(0, EXCERPT) : text;
    return start.indexOf('\0') < 0 ? start : start.replace("\0", "");
  }

  private static int millis(long started) {
    return (int) Duration.ofNanos(System.nanoTime() - started).toMillis();
  }
}
