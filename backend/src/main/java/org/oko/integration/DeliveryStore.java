package org.oko.integration;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The dispatcher's side of deliveries: claiming due ones under a lease and recording attempts'
 * outcomes, a batch at a time. Only the oldest pending delivery of each endpoint and resource
 * ({@code event_key}) is ever due, so one resource's events reach an endpoint in order.
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
   *
   * <p>The window reads {@code endpoint_id} as a range, not an equality, on purpose: so written,
   * only that index gives its order, and the planner cannot take the primary key instead and filter
   * rows in id order. It did so with statistics that still saw most rows pending, and then read the
   * delivered rows at the front at every claim: 10 s a claim with 500 000 of 1 000 000 delivered,
   * against 0.1–0.2 s through the index (docs/benchmarks.md «Webhooks at scale», session 9). For
   * the same reason the update says "not delivered, not failed" rather than "pending": right after
   * a burst, statistics that saw no pending row made the planner walk the whole pending index and
   * match each row against the claimed ids (7–20 s a claim at 100 000 pending); so written, it
   * looks the claimed ids up by primary key (0.06 s).
   */
  Flux<Due> claim(Instant now, Duration lease, int limit, int perEndpoint, int window) {
    return db.sql(
            "with win as (select w.* from webhook_endpoint e cross join lateral"
                + " (select d.id, d.endpoint_id, d.event_key, d.next_attempt_at, d.lease_until"
                + " from webhook_delivery d where d.endpoint_id >= e.id and d.endpoint_id <= e.id"
                + " and d.status = 'PENDING' order by d.endpoint_id, d.id limit :window) w"
                + " where e.status <> 'DISABLED'),"
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
                + " and e.id = d.endpoint_id and e.status <> 'DISABLED'"
                + " and d.status not in ('DELIVERED', 'FAILED')"
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

  /**
   * Extends the leases of deliveries an instance still holds (claimed, outcome not yet recorded) to
   * {@code until}, so that a lease runs out only when its instance has stopped, not while an
   * outcome waits for its batch: under load that wait outlasted the lease and 1.95 % of 900 000
   * deliveries were claimed and sent a second time (docs/benchmarks.md «Webhooks at scale», session
   * 9). Only the claim each one holds ({@code held}: delivery id to its attempts) and only while
   * leased: a delivery recorded meanwhile, redelivered, or claimed anew is left alone. A row
   * another statement has locked is skipped, not waited for — it is being recorded, or the next
   * extension takes it: waiting, this statement and a batch's record locked rows in different
   * orders, and PostgreSQL ended the deadlock by failing the record (150 outcomes sent again).
   */
  Mono<Long> extend(Map<Long, Integer> held, Instant until) {
    List<Map.Entry<Long, Integer>> claims = List.copyOf(held.entrySet());
    return db.sql(
            "update webhook_delivery d set lease_until = :until from (select w.id"
                + " from webhook_delivery w join unnest(cast(:ids as bigint[]),"
                + " cast(:attempts as int[])) as u(id, attempts)"
                + " on w.id = u.id and w.attempts = u.attempts where w.lease_until is not null"
                + " for update of w skip locked) h where d.id = h.id")
        .bind("until", until)
        .bind("ids", claims.stream().map(Map.Entry::getKey).toArray(Long[]::new))
        .bind("attempts", claims.stream().map(Map.Entry::getValue).toArray(Integer[]::new))
        .fetch()
        .rowsUpdated();
  }

  /** What one attempt brought: the receiver's status (null without an answer) and more. */
  record Outcome(Instant at, Integer status, int latencyMs, String excerpt, String error) {
    boolean delivered() {
      return status != null && status >= 200 && status < 300;
    }
  }

  /**
   * An attempt's outcome and what follows from it for its delivery: delivered, tried again at
   * {@code retryAt}, or, with a {@code failure}, failed for good (its endpoint marked failing).
   */
  record Settled(Due due, Outcome outcome, Instant retryAt, String failure) {
    String status() {
      return outcome.delivered() ? "DELIVERED" : failure != null ? "FAILED" : "PENDING";
    }
  }

  /**
   * Records a batch of attempts with one set-based statement per table (call it in one
   * transaction): every attempt goes into the delivery log, every delivery is settled, and each
   * endpoint that an outcome decides about (a delivery delivered, or one failed for good) is
   * updated once, by its last such outcome in the batch, as recording them one at a time would
   * leave it.
   */
  Mono<Void> record(List<Settled> batch) {
    if (batch.isEmpty()) {
      return Mono.empty();
    }
    Mono<Long> log =
        db.sql(
                "insert into webhook_attempt (delivery_id, endpoint_id, attempted_at,"
                    + " response_status, latency_ms, response_excerpt, error)"
                    + " select d, e, at, s, l, x, err from unnest(cast(:d as bigint[]),"
                    + " cast(:e as bigint[]), cast(:at as timestamptz[]), cast(:s as int[]),"
                    + " cast(:l as int[]), cast(:x as text[]), cast(:err as text[]))"
                    + " with ordinality as a(d, e, at, s, l, x, err, n) order by n")
            .bind("d", column(batch, s -> s.due().id(), Long[]::new))
            .bind("e", column(batch, s -> s.due().endpointId(), Long[]::new))
            .bind("at", column(batch, s -> s.outcome().at().toString(), String[]::new))
            .bind("s", column(batch, s -> s.outcome().status(), Integer[]::new))
            .bind("l", column(batch, s -> s.outcome().latencyMs(), Integer[]::new))
            .bind("x", column(batch, s -> s.outcome().excerpt(), String[]::new))
            .bind("err", column(batch, s -> s.outcome().error(), String[]::new))
            .fetch()
            .rowsUpdated();
    Mono<Long> settle =
        db.sql(
                "update webhook_delivery d set status = u.status, lease_until = null,"
                    + " next_attempt_at = u.retry,"
                    + " delivered_at = case when u.status = 'DELIVERED' then u.at end"
                    + " from unnest(cast(:ids as bigint[]), cast(:statuses as text[]),"
                    + " cast(:retries as timestamptz[]), cast(:ats as timestamptz[]),"
                    + " cast(:attempts as int[])) as u(id, status, retry, at, attempts)"
                    // Only the claim this outcome answers: a redelivery asked for meanwhile
                    // (attempts back to 0) or a later claim after the lease ran out keeps its own.
                    + " where d.id = u.id and d.attempts = u.attempts")
            .bind("ids", column(batch, s -> s.due().id(), Long[]::new))
            .bind("attempts", column(batch, s -> s.due().attempts(), Integer[]::new))
            .bind("statuses", column(batch, Settled::status, String[]::new))
            .bind("retries", column(batch, s -> s.retryAt().toString(), String[]::new))
            .bind("ats", column(batch, s -> s.outcome().at().toString(), String[]::new))
            .fetch()
            .rowsUpdated();
    return log.then(settle).then(endpoints(batch)).then();
  }

  /**
   * Marks failing each endpoint whose last deciding outcome failed for good (with its reason), and
   * active again each failing one whose last was delivered; in id order, so that two instances'
   * batches lock endpoints in the same order.
   */
  private Mono<Long> endpoints(List<Settled> batch) {
    Map<Long, Settled> last = new TreeMap<>();
    for (Settled s : batch) {
      if (s.outcome().delivered() || s.failure() != null) {
        last.put(s.due().endpointId(), s);
      }
    }
    if (last.isEmpty()) {
      return Mono.just(0L);
    }
    List<Settled> deciding = List.copyOf(last.values());
    return db.sql(
            "update webhook_endpoint e set"
                + " status = case when u.reason is null then 'ACTIVE' else 'FAILING' end,"
                + " failing_reason = u.reason, failing_since = case when u.reason is not null"
                + " then coalesce(e.failing_since, u.at) end"
                + " from unnest(cast(:ids as bigint[]), cast(:reasons as text[]),"
                + " cast(:ats as timestamptz[])) as u(id, reason, at)"
                + " where e.id = u.id and e.status <> 'DISABLED'"
                + " and (u.reason is not null or e.status = 'FAILING')")
        .bind("ids", column(deciding, s -> s.due().endpointId(), Long[]::new))
        .bind("reasons", column(deciding, Settled::failure, String[]::new))
        .bind("ats", column(deciding, s -> s.outcome().at().toString(), String[]::new))
        .fetch()
        .rowsUpdated();
  }

  /** One column of a batch as an array to bind (timestamps as ISO text, cast in SQL). */
  private static <T> T[] column(
      List<Settled> batch, Function<Settled, T> value, IntFunction<T[]> array) {
    return batch.stream().map(value).toArray(array);
  }
}
