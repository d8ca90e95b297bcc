package org.oko.platform.events;

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
 * <p>At-least-once: rows are marked only after Kafka acknowledged them; a crash in between
 * publishes them again, which is why consumers must be idempotent (they get the outbox id as {@code
 * event-id}).
 */
@Component
class OutboxRelay extends BackgroundLoop {

  static final String EVENT_ID_HEADER = "event-id";
  static final String EVENT_TYPE_HEADER = "event-type";

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  private final DatabaseClient db;
  private final TransactionalOperator tx;
  private final KafkaSender<String, String> sender;
  private final AdminClient admin;
  private final List<EventTopic> topics;
  private final EventsProperties properties;

  OutboxRelay(
      DatabaseClient db,
      ReactiveTransactionManager transactions,
      KafkaSender<String, String> sender,
      AdminClient admin,
      List<EventTopic> topics,
      EventsProperties properties) {
    this.db = db;
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
    return Flux.interval(interval)
        .onBackpressureDrop()
        // A full batch means more is waiting: go on at once instead of sleeping.
        .concatMap(
            tick ->
                publishBatch()
                    .expand(n -> n == properties.relayBatchSize() ? publishBatch() : Mono.empty())
                    .onErrorResume(this::logAndSkip),
            1)
        .subscribe();
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
