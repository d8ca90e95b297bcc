package org.oko.platform.events;

import io.r2dbc.postgresql.codec.Json;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
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
   * @param topic the event's topic, e.g. {@code forms.FormSubmitted}
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

  /**
   * Appends many events of one topic in one statement (thousands of sheets of an unpacked batch,
   * say); call it inside the transaction of the change.
   *
   * @param key the partitioning key of each event
   */
  public <T> Mono<Void> appendAll(EventTopic topic, List<T> events, Function<T, String> key) {
    if (events.isEmpty()) {
      return Mono.empty();
    }
    return Mono.fromCallable(
            () -> {
              String[] keys = new String[events.size()];
              String[] payloads = new String[events.size()];
              for (int i = 0; i < events.size(); i++) {
                keys[i] = key.apply(events.get(i));
                payloads[i] = json.writeValueAsString(events.get(i));
              }
              return new String[][] {keys, payloads};
            })
        .flatMap(
            rows ->
                db.sql(
                        "insert into outbox (topic, event_key, payload)"
                            + " select :t, k, cast(p as jsonb)"
                            + " from unnest(cast(:keys as text[]), cast(:payloads as text[]))"
                            + " with ordinality as e(k, p, n) order by n")
                    .bind("t", topic.name())
                    .bind("keys", rows[0])
                    .bind("payloads", rows[1])
                    .then());
  }

  /**
   * Runs a change of at most one row and appends its event in the same statement, so both happen or
   * neither without a transaction of its own: one round trip to the database instead of four
   * (begin, change, append, commit), for paths that thousands of people hit at once.
   *
   * @param change an UPDATE or INSERT with named parameters and no RETURNING clause
   * @param bind binds the change's parameters (names starting with {@code outbox_} are taken)
   * @return whether the change touched a row, and so the event was appended
   */
  public Mono<Boolean> appendIfChanged(
      String change,
      UnaryOperator<GenericExecuteSpec> bind,
      EventTopic topic,
      String key,
      Object event) {
    return Mono.fromCallable(() -> json.writeValueAsString(event))
        .flatMap(
            payload ->
                bind.apply(
                        db.sql(
                            "with changed as ("
                                + change
                                + " returning 1) insert into outbox (topic, event_key, payload)"
                                + " select :outbox_topic, :outbox_key, :outbox_payload from changed"))
                    .bind("outbox_topic", topic.name())
                    .bind("outbox_key", key)
                    .bind("outbox_payload", Json.of(payload))
                    .fetch()
                    .rowsUpdated())
        .map(appended -> appended > 0);
  }
}
