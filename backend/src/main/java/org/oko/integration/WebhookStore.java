package org.oko.integration;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Webhook endpoints and their delivery log. */
@Component
class WebhookStore {

  private static final String COLUMNS =
      "id, region_code, url, description, event_types, status, failing_reason, failing_since,"
          + " created_by, created_at";

  private final DatabaseClient db;

  WebhookStore(DatabaseClient db) {
    this.db = db;
  }

  Mono<Webhook> insert(
      String regionCode,
      String url,
      String description,
      List<String> types,
      String secret,
      String by) {
    return db.sql(
            "insert into webhook_endpoint (region_code, url, description, event_types, secret,"
                + " created_by) values (:region, :url, :description, :types, :secret, :by)"
                + " returning "
                + COLUMNS)
        .bind("region", nullable(regionCode))
        .bind("url", url)
        .bind("description", nullable(description))
        .bind("types", types.toArray(String[]::new))
        .bind("secret", secret)
        .bind("by", by)
        .map(WebhookStore::webhook)
        .one();
  }

  /** The endpoints of one owner: a region's, or (null) the federal organizer's. */
  Flux<Webhook> ofOwner(String regionCode) {
    return db.sql(
            "select "
                + COLUMNS
                + " from webhook_endpoint where region_code is not distinct from :region"
                + " and status <> 'DISABLED' order by id desc")
        .bind("region", nullable(regionCode))
        .map(WebhookStore::webhook)
        .all();
  }

  Mono<Webhook> find(long id) {
    return db.sql(
            "select " + COLUMNS + " from webhook_endpoint where id = :id and status <> 'DISABLED'")
        .bind("id", id)
        .map(WebhookStore::webhook)
        .one();
  }

  Mono<Long> disable(long id) {
    return db.sql("update webhook_endpoint set status = 'DISABLED' where id = :id")
        .bind("id", id)
        .fetch()
        .rowsUpdated();
  }

  Mono<Long> rotate(long id, String secret, Instant previousUntil) {
    return db.sql(
            "update webhook_endpoint set previous_secret = secret, secret = :secret,"
                + " previous_secret_until = :until where id = :id")
        .bind("id", id)
        .bind("secret", secret)
        .bind("until", previousUntil)
        .fetch()
        .rowsUpdated();
  }

  /** The active endpoints subscribed to an event type, with the region each one receives. */
  Flux<Webhook> subscribedTo(String type) {
    return db.sql(
            "select "
                + COLUMNS
                + " from webhook_endpoint where status <> 'DISABLED' and :type = any(event_types)")
        .bind("type", type)
        .map(WebhookStore::webhook)
        .all();
  }

  /** One delivery per endpoint of an event; an event that comes again adds nothing. */
  Mono<Long> schedule(List<Long> endpoints, long eventId, String type, String key, String body) {
    if (endpoints.isEmpty()) {
      return Mono.just(0L);
    }
    return db.sql(
            "insert into webhook_delivery (endpoint_id, event_id, event_type, event_key, body)"
                + " select e, :event, :type, :key, :body from unnest(cast(:endpoints as bigint[])) e"
                + " on conflict (endpoint_id, event_id) do nothing")
        .bind("endpoints", endpoints.toArray(Long[]::new))
        .bind("event", eventId)
        .bind("type", type)
        .bind("key", key)
        .bind("body", body)
        .fetch()
        .rowsUpdated();
  }

  /** Sends an event's delivery again from now (a fresh 24 hours). */
  Mono<Long> redeliver(long endpointId, long eventId) {
    return db.sql(
            "update webhook_delivery set status = 'PENDING', attempts = 0, first_attempt_at = null,"
                + " next_attempt_at = now(), lease_until = null, delivered_at = null"
                + " where endpoint_id = :endpoint and event_id = :event")
        .bind("endpoint", endpointId)
        .bind("event", eventId)
        .fetch()
        .rowsUpdated();
  }

  /**
   * Sends again, from now, every delivery of these events that the endpoint has; an event it was
   * never sent adds nothing. A delivery keeps its place, so one resource's events stay in order.
   */
  Mono<Long> redeliverAll(long endpointId, List<Long> eventIds) {
    return db.sql(
            "update webhook_delivery set status = 'PENDING', attempts = 0, first_attempt_at = null,"
                + " next_attempt_at = now(), lease_until = null, delivered_at = null"
                + " where endpoint_id = :endpoint and event_id = any(cast(:events as bigint[]))")
        .bind("endpoint", endpointId)
        .bind("events", eventIds.toArray(Long[]::new))
        .fetch()
        .rowsUpdated();
  }

  Flux<WebhookAttempt> attempts(long endpointId, Long before, int limit) {
    return db.sql(
            "select a.id, d.event_id, d.event_type, a.attempted_at, d.status, a.response_status,"
                + " a.latency_ms, a.response_excerpt, a.error from webhook_attempt a"
                + " join webhook_delivery d on d.id = a.delivery_id"
                + " where a.endpoint_id = :endpoint and a.id < :before order by a.id desc limit :n")
        .bind("endpoint", endpointId)
        .bind("before", before == null ? Long.MAX_VALUE : before)
        .bind("n", limit)
        .map(
            r ->
                new WebhookAttempt(
                    r.get("id", Long.class),
                    r.get("event_id", Long.class),
                    r.get("event_type", String.class),
                    r.get("attempted_at", OffsetDateTime.class).toInstant(),
                    r.get("status", String.class),
                    r.get("response_status", Integer.class),
                    r.get("latency_ms", Integer.class),
                    r.get("response_excerpt", String.class),
                    r.get("error", String.class)))
        .all();
  }

  private static Webhook webhook(Readable r) {
    OffsetDateTime failingSince = r.get("failing_since", OffsetDateTime.class);
    return new Webhook(
        r.get("id", Long.class),
        r.get("region_code", String.class),
        r.get("url", String.class),
        r.get("description", String.class),
        Arrays.asList(r.get("event_types", String[].class)),
        r.get("status", String.class),
        r.get("failing_reason", String.class),
        failingSince == null ? null : failingSince.toInstant(),
        r.get("created_by", String.class),
        r.get("created_at", OffsetDateTime.class).toInstant());
  }

  private static Parameter nullable(String value) {
    return Parameter.fromOrEmpty(value, String.class);
  }
}
