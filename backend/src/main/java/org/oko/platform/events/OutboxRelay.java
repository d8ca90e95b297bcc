package org.oko.platform.events;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.oko.platform.lifecycle.BackgroundLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.kafka.sender.KafkaSender;
import reactor.kafka.sender.SenderRecord;
import reactor.util.retry.Retry;

/**
 * Publishes outbox rows to Kafka, oldest first, and marks them published.
 *
 * <p>One instance relays at a time: a batch runs under a transaction-scoped advisory lock, and an
 * instance that does not get it skips its tick. Batches of two instances could otherwise overtake
 * each other and put a key's events out of commit order in Kafka. The lock ends with the
 * transaction, so if the relaying instance dies, PostgreSQL drops it with the connection and
 * another instance takes over at its next tick: no lease to expire, nothing to configure.
 *
 * <p>Publishing numbers the rows ({@code outbox.seq}): under the lock, so every number of a batch
 * is committed before the next batch takes one, and {@link ChangeLog} can read "after number n"
 * without ever skipping a row that committed late.
 *
 * <p>The relay looks when told: a statement trigger on {@code outbox} (V53) notifies {@value
 * #CHANNEL} at every commit that wrote outbox rows, and the relay listens on a connection of its
 * own, so an event leaves within milliseconds of its commit instead of waiting for the next poll
 * (issue 24, part 3: the poll was a quarter of the live status's delta latency). Wakes during a
 * batch fold into one more batch, and batches are at least {@link #MIN_GAP} apart, so a busy
 * instance relays in batches, as before. The interval poll stays, as the fallback when the
 * notification connection is down (or behind a pooler that drops LISTEN).
 *
 * <p>At-least-once: rows are marked only after Kafka acknowledged them; a crash in between
 * publishes them again, which is why consumers must be idempotent (they get the outbox id as {@code
 * event-id}).
 */
@Component
class OutboxRelay extends BackgroundLoop {

  static final String EVENT_ID_HEADER = "event-id";
  static final String EVENT_TYPE_HEADER = "event-type";

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  /** The channel the outbox trigger notifies (V53). */
  static final String CHANNEL = "oko_outbox";

  /** Notified batches start at least this long after the previous one ended. */
  static final Duration MIN_GAP = Duration.ofMillis(5);

  private final DatabaseClient db;
  private final ConnectionFactory connections;
  private final TransactionalOperator tx;
  private final KafkaSender<String, String> sender;
  private final AdminClient admin;
  private final List<EventTopic> topics;
  private final EventsProperties properties;

  OutboxRelay(
      DatabaseClient db,
      ConnectionFactory connections,
      ReactiveTransactionManager transactions,
      KafkaSender<String, String> sender,
      AdminClient admin,
      List<EventTopic> topics,
      EventsProperties properties) {
    this.db = db;
    this.connections = connections;
    this.tx = TransactionalOperator.create(transactions);
    this.sender = sender;
    this.admin = admin;
    this.topics = topics;
    this.properties = properties;
  }

  private record Row(long id, String topic, String key, String payload) {}

  /** The key of the relay's advisory lock: any number no other lock in OKO uses. */
  static final long RELAY_LOCK = 0x4f4b4f5f52454cL; // "OKO_REL"

  /** Publishes one batch if no other instance is relaying; emits how many rows it published. */
  Mono<Integer> publishBatch() {
    Mono<Integer> batch =
        db.sql("select pg_try_advisory_xact_lock(:key) as relaying")
            .bind("key", RELAY_LOCK)
            .map(r -> r.get("relaying", Boolean.class))
            .one()
            .flatMap(relaying -> relaying ? lockedBatch() : Mono.just(0));
    return tx.transactional(batch);
  }

  private Mono<Integer> lockedBatch() {
    return db.sql(
            "select id, topic, event_key, payload::text as payload from outbox"
                + " where published_at is null order by id limit :n for update skip locked")
        .bind("n", properties.relayBatchSize())
        .map(
            r ->
                new Row(
                    r.get("id", Long.class),
                    r.get("topic", String.class),
                    r.get("event_key", String.class),
                    r.get("payload", String.class)))
        .all()
        .collectList()
        .flatMap(rows -> rows.isEmpty() ? Mono.just(0) : send(rows));
  }

  private Mono<Integer> send(List<Row> rows) {
    Flux<SenderRecord<String, String, Long>> records =
        Flux.fromIterable(rows).map(OutboxRelay::toRecord);
    Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
    return sender
        .send(records)
        .then(
            // Numbered in id order under the relay's lock: the change feed's commit order.
            db.sql(
                    "update outbox o set published_at = now(), seq = numbered.seq"
                        + " from (select id, nextval('outbox_seq') as seq from"
                        + " (select unnest(cast(:ids as bigint[])) as id order by 1) ids) numbered"
                        + " where o.id = numbered.id")
                .bind("ids", ids)
                .fetch()
                .rowsUpdated())
        .thenReturn(rows.size());
  }

  private static SenderRecord<String, String, Long> toRecord(Row row) {
    ProducerRecord<String, String> record =
        new ProducerRecord<>(row.topic(), row.key(), row.payload());
    record
        .headers()
        .add(EVENT_ID_HEADER, Long.toString(row.id()).getBytes(StandardCharsets.UTF_8))
        .add(EVENT_TYPE_HEADER, row.topic().getBytes(StandardCharsets.UTF_8));
    return SenderRecord.create(record, row.id());
  }

  @Override
  protected Disposable run() {
    createMissingTopics();
    Duration interval = properties.relayInterval();
    return Flux.merge(Flux.interval(interval), notifications())
        .onBackpressureLatest()
        // A full batch means more is waiting: go on at once instead of sleeping.
        .concatMap(
            tick ->
                publishBatch()
                    .expand(n -> n == properties.relayBatchSize() ? publishBatch() : Mono.empty())
                    .onErrorResume(this::logAndSkip)
                    .then(Mono.delay(MIN_GAP)),
            1)
        .subscribe();
  }

  /**
   * A signal per notification of {@link #CHANNEL}, on a connection of its own (not one of the
   * pool's); re-listens after a lost connection.
   */
  private Flux<Long> notifications() {
    return Flux.usingWhen(
            Mono.from(unpooled(connections).create()),
            connection ->
                connection instanceof PostgresqlConnection pg
                    ? pg.createStatement("LISTEN " + CHANNEL)
                        .execute()
                        .flatMap(PostgresqlResult::getRowsUpdated)
                        .thenMany(pg.getNotifications())
                        .map(n -> 0L)
                    : Flux.<Long>never(),
            Connection::close)
        .retryWhen(
            Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1))
                .maxBackoff(Duration.ofSeconds(30))
                .doBeforeRetry(
                    signal ->
                        log.debug(
                            "Outbox notifications lost, polling until they are back: {}",
                            signal.failure().toString())));
  }

  /** The factory under the pool (and any other wrapper): its connections are the driver's own. */
  static ConnectionFactory unpooled(ConnectionFactory factory) {
    ConnectionFactory f = factory;
    while (f instanceof Wrapped<?> wrapped && wrapped.unwrap() instanceof ConnectionFactory inner) {
      f = inner;
    }
    return f;
  }

  private Mono<Integer> logAndSkip(Throwable error) {
    log.warn("Outbox relay could not publish, will retry: {}", error.toString());
    return Mono.empty();
  }

  private void createMissingTopics() {
    List<NewTopic> wanted =
        topics.stream()
            .map(
                t ->
                    new NewTopic(
                        t.name(), properties.topicPartitions(), properties.topicReplication()))
            .toList();
    try {
      admin.createTopics(wanted).values().values().forEach(OutboxRelay::awaitCreated);
    } catch (RuntimeException e) {
      log.warn("Could not create Kafka topics {}: {}", wanted, e.toString());
    }
  }

  private static void awaitCreated(org.apache.kafka.common.KafkaFuture<Void> future) {
    try {
      future.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException(e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (TimeoutException e) {
      throw new IllegalStateException("Kafka did not create a topic within 30 s", e);
    }
  }
}
