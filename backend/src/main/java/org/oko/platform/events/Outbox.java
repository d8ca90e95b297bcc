package org.oko.platform.events;

import io.r2dbc.postgresql.codec.Json;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records a domain event in the same transaction as the state change it describes. The relay
 * publishes it to Kafka afterwards, so an event exists if and only if the change committed.
 */
@Component
public class Outbox {

  private final DatabaseClient db;
  private final JsonMapper json;

  Outbox(DatabaseClient db, JsonMapper json) {
    this.db = db;
    this.json = json;
  }

  /**
   * Appends an event; call it inside the transaction of the change.
   *
   * @param topic the event's topic, e.g. {@code orgs.OrganizationRegistered}
   * @param key the partitioning key: events with one key are consumed in order
   * @param event a record, serialized as JSON
   */
  public Mono<Void> append(EventTopic topic, String key, Object event) {
    return Mono.fromCallable(() -> json.writeValueAsString(event))
        .flatMap(
            payload ->
                db.sql("insert into outbox (topic, event_key, payload) values (:t, :k, :p)")
                    .bind("t", topic.name())
                    .bind("k", key)
                    .bind("p", Json.of(payload))
                    .then());
  }
}
