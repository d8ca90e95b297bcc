package org.oko.integration;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.oko.api.model.WebhookCreated;
import org.oko.platform.events.EventTopic;
import org.oko.platform.events.Outbox;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Webhooks at scale (issue 23, "Performance": «100 000 events to 10 receivers (one of them failing)
 * — delivery rate, p99 from commit to delivery, 0 lost, 0 duplicates seen by a receiver that
 * dedupes by webhook-id»). RECEIVERS small HTTP servers on loopback (the JDK's, a thread pool
 * each), one of them answering 500 to everything; EVENTS events of region 64 committed through the
 * outbox in batches of 1 000, as the features commit them. Each good receiver keeps the webhook-ids
 * it saw and, per first arrival, the time from the event's commit (its {@code committedAt}) to now.
 * Run by {@code backend/bench/webhooks.sh}.
 */
@EnabledIfSystemProperty(named = "oko.bench.webhooks", matches = "true")
class WebhookBenchmark extends ApiTest {

  private static final EventTopic PRESENCE = new EventTopic("observers.ObserverPresenceMarked");
  private static final Pattern COMMITTED = Pattern.compile("\"committedAt\":\"([^\"]+)\"");

  @Autowired Outbox outbox;
  @Autowired DatabaseClient db;

  record Presence(
      long assignmentId,
      long campaignId,
      long organizationId,
      String regionCode,
      Instant presentAt,
      String committedAt) {}

  /** One sample regional system: what it received, deduplicated by webhook-id. */
  static final class Receiver {
    final HttpServer server;
    final boolean failing;
    final Set<String> seen = ConcurrentHashMap.newKeySet();
    final AtomicLong requests = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final List<Long> latenciesMs = Collections.synchronizedList(new ArrayList<>());

    Receiver(boolean failing) throws Exception {
      this.failing = failing;
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
      server.setExecutor(Executors.newFixedThreadPool(16));
      server.createContext(
          "/",
          exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            requests.incrementAndGet();
            if (!failing) {
              String id = exchange.getRequestHeaders().getFirst("webhook-id");
              if (seen.add(id)) {
                Matcher m = COMMITTED.matcher(new String(body, StandardCharsets.UTF_8));
                if (m.find()) {
                  latenciesMs.add(
                      Duration.between(Instant.parse(m.group(1)), Instant.now()).toMillis());
                }
              } else {
                duplicates.incrementAndGet();
              }
            }
            exchange.sendResponseHeaders(failing ? 500 : 200, -1);
            exchange.close();
          });
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }
  }

  @Test
  void deliverEventsToTenReceivers() throws Exception {
    int events = Integer.getInteger("oko.bench.events", 100_000);
    int receivers = Integer.getInteger("oko.bench.receivers", 10);
    List<Receiver> all = new ArrayList<>();
    List<Long> endpoints = new ArrayList<>();
    for (int r = 0; r < receivers; r++) {
      Receiver receiver = new Receiver(r == 0);
      all.add(receiver);
      endpoints.add(register(receiver.url()));
    }
    long started = System.nanoTime();
    int batch = 1_000;
    for (int done = 0; done < events; done += batch) {
      int n = Math.min(batch, events - done);
      List<Presence> rows = new ArrayList<>();
      String committed = Instant.now().toString();
      for (int i = 0; i < n; i++) {
        long a = done + i;
        rows.add(new Presence(a, 1, 1000 + a % 500, "64", Instant.now(), committed));
      }
      outbox.appendAll(PRESENCE, rows, p -> "bench-" + (p.assignmentId() % 1000)).block();
    }
    double committing = (System.nanoTime() - started) / 1e9;
    report("commit", "%d events in %.1f s", events, committing);

    long deadline = System.nanoTime() + Duration.ofMinutes(60).toNanos();
    List<Receiver> good = all.stream().filter(r -> !r.failing).toList();
    while (System.nanoTime() < deadline && good.stream().anyMatch(r -> r.seen.size() < events)) {
      Thread.sleep(1000);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    long delivered = good.stream().mapToLong(r -> r.seen.size()).sum();
    List<Long> latencies = new ArrayList<>();
    good.forEach(r -> latencies.addAll(r.latenciesMs));
    Collections.sort(latencies);
    report(
        "delivered",
        "%d deliveries to %d good receivers in %.1f s = %.0f/s",
        delivered,
        good.size(),
        seconds,
        delivered / seconds);
    report(
        "latency",
        "commit to delivery p50 %d ms, p99 %d ms, max %d ms",
        percentile(latencies, 0.50),
        percentile(latencies, 0.99),
        latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1));
    report(
        "lost",
        "%d (events a good receiver never got)",
        good.stream().mapToLong(r -> events - r.seen.size()).sum());
    report(
        "duplicates",
        "%d (seen again by webhook-id)",
        good.stream().mapToLong(r -> r.duplicates.get()).sum());
    report("failing", "%d requests answered 500", all.get(0).requests.get());
    whySeenAgain(endpoints.subList(1, endpoints.size()));
    endpoints.forEach(id -> as("region64").delete().uri("/api/webhooks/" + id).exchange());
    all.forEach(r -> r.server.stop(0));
  }

  /**
   * Where the good receivers' repeats came from, from the delivery log: a delivery answered 2xx
   * more than once was claimed again while it was still being sent or recorded (a lease that ran
   * out); a delivery with an attempt that got no answer (a timeout) was sent again by design, and
   * the receiver may have had the first one.
   */
  private void whySeenAgain(List<Long> good) {
    Long[] ids = good.toArray(Long[]::new);
    Map<String, Object> counts =
        db.sql(
                """
                select count(*) filter (where ok > 1) as twice_ok,
                       count(*) filter (where unanswered > 0) as unanswered
                from (select delivery_id,
                             count(*) filter (where response_status between 200 and 299) as ok,
                             count(*) filter (where response_status is null) as unanswered
                      from webhook_attempt where endpoint_id = any(:good) group by delivery_id) d
                """)
            .bind("good", ids)
            .fetch()
            .one()
            .block();
    report(
        "why seen again",
        "%s deliveries answered 2xx more than once (claimed again after an answer), %s with an"
            + " attempt that got no answer (sent again by design)",
        counts.get("twice_ok"),
        counts.get("unanswered"));
    db.sql(
            "select left(error, 100) as error, count(*) as n from webhook_attempt"
                + " where endpoint_id = any(:good) and response_status is null"
                + " group by 1 order by 2 desc limit 3")
        .bind("good", ids)
        .fetch()
        .all()
        .doOnNext(r -> report("no answer", "%s × %s", r.get("n"), r.get("error")))
        .blockLast();
  }

  private long register(String url) {
    WebhookCreated created =
        as("region64")
            .post()
            .uri("/api/webhooks")
            .bodyValue(Map.of("url", url, "eventTypes", List.of(PRESENCE.name())))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(WebhookCreated.class)
            .returnResult()
            .getResponseBody();
    return created.getWebhook().getId();
  }

  private static long percentile(List<Long> sorted, double p) {
    return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, sorted.size() * p));
  }

  private static void report(String what, String format, Object... args) {
    System.out.println("[webhooks-bench] " + what + ": " + String.format(format, args));
  }
}
