package org.oko.integration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.ExchangeStrategies;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A region mirroring itself from the change feed at scale (issue 23, "Performance": «a region
 * mirrors 1 000 000 events — events/s per client»). EVENTS published events of region 64 (and a
 * tenth as many of region 02, which the feed must skip) are written straight into the outbox,
 * numbered as the relay numbers them; then CLIENTS regional systems each read the whole feed from
 * the start in pages of 1 000 over HTTP, at the same time. Baseline in the same run: the same pages
 * read by SQL alone ({@code seq > :after order by seq limit 1000}), without HTTP, JSON or the
 * cursor. Run by {@code backend/bench/feed.sh}.
 */
@EnabledIfSystemProperty(named = "oko.bench.feed", matches = "true")
class FeedBenchmark extends ApiTest {

  private static final String TYPE = "observers.ObserverPresenceMarked";

  @Autowired DatabaseClient db;
  @Autowired JsonMapper json;

  @Test
  void aRegionMirrorsItsFeed() throws Exception {
    int events = Integer.getInteger("oko.bench.events", 1_000_000);
    int clients = Integer.getInteger("oko.bench.clients", 1);
    long start = head();
    String cursor = headCursor(client());
    long seeded = System.nanoTime();
    seed(events);
    report(
        "seed", "%d events of region 64 (+%d of 02) in %.1f s", events, events / 10, since(seeded));
    // The first reader of freshly written rows sets their hint bits (it writes every page): without
    // this, whichever reads first — the baseline, as it happened (17 112 events/s against HTTP's
    // 39 663, session 8) — pays for the seeding, not for its reading.
    long vacuumed = System.nanoTime();
    db.sql("vacuum (analyze) outbox").then().block();
    report(
        "vacuum",
        "outbox vacuumed and analyzed in %.1f s (not part of either figure)",
        since(vacuumed));

    long t0 = System.nanoTime();
    long read = sqlBaseline(start);
    double baseline = since(t0);
    report(
        "baseline",
        "SQL pages of 1 000: %d events in %.2f s = %.0f events/s",
        read,
        baseline,
        read / baseline);

    var pool = Executors.newFixedThreadPool(clients);
    List<Future<long[]>> mirrors = new ArrayList<>();
    long t1 = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      mirrors.add(pool.submit(() -> mirror(cursor)));
    }
    long total = 0;
    for (int c = 0; c < clients; c++) {
      long[] result = mirrors.get(c).get();
      double seconds = result[1] / 1e9;
      report(
          "client " + (c + 1),
          "%d events in %.2f s = %.0f events/s (%d pages)",
          result[0],
          seconds,
          result[0] / seconds,
          result[2]);
      total += result[0];
      if (result[0] < events) {
        throw new AssertionError("client " + (c + 1) + " got " + result[0] + " of " + events);
      }
    }
    double all = since(t1);
    pool.shutdown();
    report(
        "all",
        "%d clients, %d events in %.2f s = %.0f events/s together",
        clients,
        total,
        all,
        total / all);
  }

  /** A whole walk from the cursor: events read, nanoseconds, pages. */
  private long[] mirror(String cursor) {
    WebClient http = client();
    long started = System.nanoTime();
    long events = 0;
    long pages = 0;
    String after = cursor;
    while (true) {
      String body =
          http.get()
              .uri("/api/changes?limit=1000&types=" + TYPE + "&after=" + after)
              .retrieve()
              .bodyToMono(String.class)
              .block(Duration.ofSeconds(60));
      JsonNode page = json.readTree(body);
      events += page.get("items").size();
      pages++;
      after = page.get("next").asString();
      if (!page.get("hasMore").asBoolean()) {
        return new long[] {events, System.nanoTime() - started, pages};
      }
    }
  }

  /** A regional system's HTTP client, its own token, pages up to 16 MB. */
  private WebClient client() {
    return WebClient.builder()
        .baseUrl(baseUrl())
        .exchangeStrategies(
            ExchangeStrategies.builder()
                .codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build())
        .defaultHeader("Authorization", "Bearer " + accessToken("region64-system"))
        .build();
  }

  private long sqlBaseline(long from) {
    long after = from;
    long read = 0;
    while (true) {
      List<Long> page =
          db.sql(
                  "select seq from outbox where seq > :after and topic = :t"
                      + " and region_code = '64' order by seq limit 1000")
              .bind("after", after)
              .bind("t", TYPE)
              .map(r -> r.get("seq", Long.class))
              .all()
              .collectList()
              .block();
      read += page.size();
      if (page.size() < 1000) {
        return read;
      }
      after = page.get(page.size() - 1);
    }
  }

  /**
   * Published, numbered events, as the relay leaves them: {@code events} of region 64 and a tenth
   * as many of region 02 between them, 50 000 a statement.
   */
  private void seed(int events) {
    int batch = 50_000;
    for (int done = 0; done < events; done += batch) {
      int n = Math.min(batch, events - done);
      insert("64", n);
      insert("02", n / 10);
    }
  }

  private void insert(String region, int n) {
    if (n == 0) {
      return;
    }
    db.sql(
            "insert into outbox (topic, event_key, payload, occurred_at, published_at, seq)"
                + " select :t, 'bench-' || (g % 1000),"
                + " jsonb_build_object('assignmentId', g, 'campaignId', 1, 'organizationId',"
                + " 1000 + g % 500, 'regionCode', cast(:region as text), 'presentAt', now()),"
                + " now(), now(), nextval('outbox_seq') from generate_series(1, :n) g")
        .bind("t", TYPE)
        .bind("region", region)
        .bind("n", n)
        .then()
        .block();
  }

  private long head() {
    return db.sql("select coalesce(max(seq), 0) as s from outbox")
        .map(r -> r.get("s", Long.class))
        .one()
        .block();
  }

  /** Region 64's cursor at the feed's head now: a walk to it before the seeding. */
  private String headCursor(WebClient http) {
    String after = null;
    while (true) {
      String body =
          http.get()
              .uri(
                  "/api/changes?limit=1000&types="
                      + TYPE
                      + (after == null ? "" : "&after=" + after))
              .retrieve()
              .bodyToMono(String.class)
              .block(Duration.ofSeconds(60));
      JsonNode page = json.readTree(body);
      after = page.get("next").asString();
      if (!page.get("hasMore").asBoolean()) {
        return after;
      }
    }
  }

  private static double since(long nanos) {
    return (System.nanoTime() - nanos) / 1e9;
  }

  private static void report(String what, String format, Object... args) {
    System.out.println("[feed-bench] " + what + ": " + String.format(format, args));
  }
}
