package org.oko.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.oko.orgs.NewOrganization;
import org.oko.orgs.OrganizationRegistryStore;
import org.oko.testing.ApiTest;
import org.oko.testing.ProbeEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

/** A state change and its event commit together, and the event reaches a Kafka consumer. */
class OutboxToKafkaTests extends ApiTest {

  @Autowired OrganizationRegistryStore registry;
  @Autowired Outbox outbox;
  @Autowired EventStream events;
  @Autowired DatabaseClient db;
  @Autowired ReactiveTransactionManager transactions;
  @Autowired JsonMapper json;

  @Test
  void aRegisteredOrganizationIsPublishedAndConsumed() {
    String login = "edu64" + (9000 + (int) (Math.random() * 999));
    Long id =
        TransactionalOperator.create(transactions)
            .transactional(registerWithEvent(login))
            .block(Duration.ofSeconds(10));

    StepVerifier.create(
            events
                .subscribe("test-" + UUID.randomUUID(), List.of(ProbeEvents.TOPIC.name()))
                .filter(e -> login.equals(e.key()))
                .next())
        .assertNext(
            event -> {
              assertThat(event.type()).isEqualTo("testing.ProbeRecorded");
              var payload = json.readTree(event.payload());
              assertThat(payload.get("key").asString()).isEqualTo(login);
              assertThat(payload.get("organizationId").asLong()).isEqualTo(id);
              assertThat(payload.get("regionCode").asString()).isEqualTo("64");
              assertThat(event.id()).isPositive();
              event.acknowledge();
            })
        .expectComplete()
        .verify(Duration.ofSeconds(60));

    // The relay marks the row once Kafka has acknowledged it, in a commit a consumer may beat.
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(publishedAt(login))
                    .as("the relay marks the outbox row published")
                    .isTrue());
  }

  @Test
  void aRolledBackChangeLeavesNoEvent() {
    String login = "edu64" + (8000 + (int) (Math.random() * 999));
    Mono<Long> failing =
        registerWithEvent(login)
            .then(Mono.error(new IllegalStateException("the rest of the request failed")));

    StepVerifier.create(TransactionalOperator.create(transactions).transactional(failing))
        .expectErrorMessage("the rest of the request failed")
        .verify(Duration.ofSeconds(10));

    Long rows =
        db.sql("select count(*) from outbox where event_key = :k")
            .bind("k", login)
            .map(r -> r.get(0, Long.class))
            .one()
            .block();
    Long orgs =
        db.sql("select count(*) from organization where login = :k")
            .bind("k", login)
            .map(r -> r.get(0, Long.class))
            .one()
            .block();
    assertThat(rows).isZero();
    assertThat(orgs).isZero();
  }

  /** A state change and its event, as a service writes them (the caller owns the transaction). */
  private Mono<Long> registerWithEvent(String login) {
    return registry
        .registerOrganization(school(login))
        .flatMap(
            id ->
                outbox
                    .append(
                        ProbeEvents.TOPIC, login, new ProbeEvents.ProbeRecorded(login, id, "64"))
                    .thenReturn(id));
  }

  private Boolean publishedAt(String login) {
    return db.sql("select published_at is not null as published from outbox where event_key = :k")
        .bind("k", login)
        .map(r -> r.get("published", Boolean.class))
        .one()
        .block(Duration.ofSeconds(10));
  }

  private static NewOrganization school(String login) {
    return new NewOrganization(
        login,
        "МОУ «Тестовая школа» г. Саратов",
        "SCHOOL",
        "64",
        null,
        "CITY",
        List.of("PRIMARY"),
        "г. Саратов, ул. Тестовая, д. 1");
  }
}
