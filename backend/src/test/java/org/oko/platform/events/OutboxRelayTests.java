package org.oko.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.oko.testing.ApiTest;
import org.oko.testing.ProbeEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** With several instances, one relays at a time, and another takes over when it is gone. */
class OutboxRelayTests extends ApiTest {

  @Autowired OutboxRelay relay;
  @Autowired Outbox outbox;
  @Autowired DatabaseClient db;
  @Autowired ConnectionFactory connections;

  @Test
  void whileAnotherInstanceRelaysThisOneWaitsThenTakesOverWhenItIsGone() throws Exception {
    // "Another instance" in the middle of a batch: a connection holding the relay's lock.
    Connection other = Mono.from(connections.create()).block();
    try {
      Mono.from(other.beginTransaction()).block();
      Flux.from(
              other
                  .createStatement("select pg_advisory_xact_lock($1)")
                  .bind("$1", OutboxRelay.RELAY_LOCK)
                  .execute())
          .flatMap(result -> result.map((row, meta) -> 1))
          .blockLast();

      String key = "relay-" + UUID.randomUUID();
      outbox.append(ProbeEvents.TOPIC, key, new Probe(key)).block();

      assertThat(relay.publishBatch().block()).as("this instance relays nothing").isZero();
      Thread.sleep(500); // ten ticks of this instance's own relay loop
      assertThat(published(key)).isFalse();

      // The other instance dies: PostgreSQL ends its transaction, and with it the lock.
      Mono.from(other.rollbackTransaction()).block();
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> published(key));
    } finally {
      Mono.from(other.rollbackTransaction()).onErrorResume(e -> Mono.empty()).block();
      Mono.from(other.close()).block();
    }
  }

  /**
   * Issue 24, part 3: a commit that writes outbox rows notifies the relay, which listens on a
   * connection of its own, so an event does not wait for the next poll.
   */
  @Test
  void aCommittedOutboxRowNotifiesTheListeningRelay() {
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .alias("the relay listens")
        .until(
            () ->
                db.sql(
                            "select count(*) from pg_stat_activity where query = :q"
                                + " and pid <> pg_backend_pid()")
                        .bind("q", "LISTEN " + OutboxRelay.CHANNEL)
                        .map(r -> r.get(0, Long.class))
                        .one()
                        .block()
                    > 0);
    io.r2dbc.postgresql.api.PostgresqlConnection listener =
        (io.r2dbc.postgresql.api.PostgresqlConnection)
            Mono.from(OutboxRelay.unpooled(connections).create()).block();
    try {
      listener
          .createStatement("LISTEN " + OutboxRelay.CHANNEL)
          .execute()
          .flatMap(io.r2dbc.postgresql.api.PostgresqlResult::getRowsUpdated)
          .blockLast();
      String key = "notify-" + UUID.randomUUID();
      reactor.test.StepVerifier.create(listener.getNotifications().take(1))
          .then(() -> outbox.append(ProbeEvents.TOPIC, key, new Probe(key)).block())
          .assertNext(n -> assertThat(n.getName()).isEqualTo(OutboxRelay.CHANNEL))
          .expectComplete()
          .verify(Duration.ofSeconds(10));
    } finally {
      Mono.from(listener.close()).block();
    }
  }

  private record Probe(String login) {}

  private boolean published(String key) {
    return Boolean.TRUE.equals(
        db.sql("select published_at is not null as p from outbox where event_key = :k")
            .bind("k", key)
            .map(r -> r.get("p", Boolean.class))
            .one()
            .block());
  }
}
