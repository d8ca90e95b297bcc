package org.oko.integration;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The dispatcher's side of deliveries: claiming due ones under a lease and recording each attempt's
 * outcome. Only the oldest pending delivery of each endpoint and resource ({@code event_key}) is
 * ever due, so one resource's events reach an endpoint in order.
 */
@Component
class DeliveryStore {

  private final DatabaseClient db;

  DeliveryStore(DatabaseClient db) {
    this.db = db;
  }

  /** A claimed delivery and what it needs to be sent. */
  record Due(
      long id,
      long endpointId,
      long eventId,
      String body,
      int attempts,
      Instant firstAttemptAt,
      String url,
      String secret,
      String previousSecret,
      Instant previousSecretUntil) {}

  /**
   * Claims up to {@code limit} due deliveries for {@code lease} (another instance does not claim
   * them meanwhile), so that no endpoint has more than {@code perEndpoint} in flight. Each
   * endpoint's heads are found among its oldest {@code window} pending deliveries (index {@code
   * webhook_delivery_pending_order}, V57_1): there, the oldest pending delivery of a resource is
   * its oldest of all, so the order per resource holds, and a claim reads a few thousand rows
   * whatever the backlog — not every pending delivery, as grouping the whole backlog did (100 000
   * events to 10 endpoints: about a second per claim). A resource past the window waits until the
   * deliveries before it are settled.
   */
  Flux<Due> claim(Instant now, Duration lease, int limit, int perEndpoint, int window) {
    return db.sql(
            "with win as (select w.* from webhook_endpoint e cross join lateral"
                + " (select d.id, d.endpoint_id, d.event_key, d.next_attempt_at, d.lease_until"
                + " from webhook_delivery d where d.endpoint_id = e.id and d.status = 'PENDING'"
                + " order by d.id limit :window) w where e.status <> 'DISABLED'),"
                + " heads as (select distinct on (endpoint_id, event_key) id, endpoint_id,"
                + " next_attempt_at, lease_until from win order by endpoint_id, event_key, id),"
                + " busy as (select endpoint_id, count(*) as n from heads"
                + " where lease_until >= :now group by endpoint_id),"
                + " due as (select h.id, row_number() over (partition by h.endpoint_id"
                + " order by h.id) + coalesce(b.n, 0) as n from heads h"
                + " left join busy b on b.endpoint_id = h.endpoint_id"
                + " where h.next_attempt_at <= :now"
                + " and (h.lease_until is null or h.lease_until < :now))"
                + " update webhook_delivery d set lease_until = :until, attempts = d.attempts + 1,"
                + " first_attempt_at = coalesce(d.first_attempt_at, :now)"
                + " from webhook_endpoint e"
                + " where d.id in (select id from due where n <= :per order by id limit :limit)"
                + " and e.id = d.endpoint_id and e.status <> 'DISABLED' and d.status = 'PENDING'"
                + " and (d.lease_until is null or d.lease_until < :now)"
                + " returning d.id, d.endpoint_id, d.event_id, d.body, d.attempts,"
                + " d.first_attempt_at, e.url, e.secret, e.previous_secret, e.previous_secret_until")
        .bind("window", window)
        .bind("now", now)
        .bind("until", now.plus(lease))
        .bind("per", perEndpoint)
        .bind("limit", limit)
        .map(
            r -> {
              OffsetDateTime previousUntil = r.get("previous_secret_until", OffsetDateTime.class);
              return new Due(
                  r.get("id", Long.class),
                  r.get("endpoint_id", Long.class),
                  r.get("event_id", Long.class),
                  r.get("body", String.class),
                  r.get("attempts", Integer.class),
                  r.get("first_attempt_at", OffsetDateTime.class).toInstant(),
                  r.get("url", String.class),
                  r.get("secret", String.class),
                  r.get("previous_secret", String.class),
                  previousUntil == null ? null : previousUntil.toInstant());
            })
        .all();
  }

  /** What one attempt brought: the receiver's status (null without an answer) and more. */
  record Outcome(Instant at, Integer status, int latencyMs, String excerpt, String error) {
    boolean delivered() {
      return status != null && status >= 200 && status < 300;
    }
  }

  /**
   * Logs the attempt and settles the delivery: delivered, retried at {@code retryAt}, or failed.
   */
  Mono<Void> record(Due due, Outcome outcome, Instant retryAt, String failure) {
    String status = outcome.delivered() ? "DELIVERED" : failure != null ? "FAILED" : "PENDING";
    Mono<Long> log =
        db.sql(
                "insert into webhook_attempt (delivery_id, endpoint_id, attempted_at,"
                    + " response_status, latency_ms, response_excerpt, error)"
                    + " values (:d, :e, :at, :s, :l, :x, :err)")
            .bind("d", due.id())
            .bind("e", due.endpointId())
            .bind("at", outcome.at())
            .bind("s", Parameter.fromOrEmpty(outcome.status(), Integer.class))
            .bind("l", outcome.latencyMs())
            .bind("x", Parameter.fromOrEmpty(outcome.excerpt(), String.class))
            .bind("err", Parameter.fromOrEmpty(outcome.error(), String.class))
            .fetch()
            .rowsUpdated();
    Mono<Long> settle =
        db.sql(
                "update webhook_delivery set status = :status, lease_until = null,"
                    + " next_attempt_at = :retry,"
                    + " delivered_at = case when :status = 'DELIVERED' then :at end where id = :id")
            .bind("status", status)
            .bind("retry", retryAt)
            .bind("at", outcome.at())
            .bind("id", due.id())
            .fetch()
            .rowsUpdated();
    Mono<Long> endpoint =
        failure != null
            ? db.sql(
                    "update webhook_endpoint set status = 'FAILING', failing_reason = :reason,"
                        + " failing_since = coalesce(failing_since, :at)"
                        + " where id = :id and status <> 'DISABLED'")
                .bind("reason", failure)
                .bind("at", outcome.at())
                .bind("id", due.endpointId())
                .fetch()
                .rowsUpdated()
            : outcome.delivered()
                ? db.sql(
                        "update webhook_endpoint set status = 'ACTIVE', failing_reason = null,"
                            + " failing_since = null where id = :id and status = 'FAILING'")
                    .bind("id", due.endpointId())
                    .fetch()
                    .rowsUpdated()
                : Mono.just(0L);
    return log.then(settle).then(endpoint).then();
  }
}
