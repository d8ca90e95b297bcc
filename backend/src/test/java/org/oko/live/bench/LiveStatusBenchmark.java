package org.oko.live.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.resources.LoopResources;

/**
 * Load generator for live status (see backend/bench/live-status.sh):
 *
 * <ol>
 *   <li>heap of the server after a full GC with no socket;
 *   <li>baseline: one client watches region 64 per organization; CHANGES times a sheet of one
 *       organization is committed (rows and outbox event in one transaction, as the uploader does)
 *       and the time from the commit to the delta showing the new count is measured;
 *   <li>CLIENTS clients (one Netty event loop) connect, say hello with an access token and
 *       subscribe to the same view; heap after a full GC again;
 *   <li>warm-up changes (not measured), then the same CHANGES measured for every client.
 * </ol>
 *
 * Arguments: ws-url jdbc-url token campaign-id organization-id batch-id clients changes server-pid.
 * System properties: bench.warmup (changes, 5), bench.gap (ms between changes, 1000).
 */
public final class LiveStatusBenchmark {

  private static final Pattern USED = Pattern.compile("used (\\d+)K");

  /** One connected client: when each change's count first reached it. */
  static final class Client {
    final long[] arrivals;
    volatile boolean subscribed;

    Client(int changes) {
      arrivals = new long[changes + 1];
    }

    void onMessage(String text, long now) {
      if (text.startsWith("{\"type\":\"snapshot\"")) {
        subscribed = true;
        return;
      }
      int at = text.indexOf("\"uploaded\":");
      if (at < 0 || !text.startsWith("{\"type\":\"delta\"")) {
        return;
      }
      int from = at + 11;
      int to = from;
      while (to < text.length() && Character.isDigit(text.charAt(to))) {
        to++;
      }
      int count = Integer.parseInt(text.substring(from, to));
      synchronized (this) {
        for (int k = Math.min(count, arrivals.length - 1); k > 0 && arrivals[k] == 0; k--) {
          arrivals[k] = now;
        }
      }
    }
  }

  public static void main(String[] args) throws Exception {
    String wsUrl = args[0];
    String jdbcUrl = args[1];
    String token = args[2];
    long campaign = Long.parseLong(args[3]);
    long organization = Long.parseLong(args[4]);
    long batch = Long.parseLong(args[5]);
    int clients = Integer.parseInt(args[6]);
    int changes = Integer.parseInt(args[7]);
    long serverPid = Long.parseLong(args[8]);
    int warmup = Integer.getInteger("bench.warmup", 5);
    long gap = Long.getLong("bench.gap", 1000);

    String hello = "{\"type\":\"hello\",\"token\":\"" + token + "\"}";
    String subscribe =
        "{\"type\":\"subscribe\",\"campaignId\":" + campaign + ",\"regionCode\":\"64\"}";
    LoopResources loop = LoopResources.create("bench-ws", 1, true);
    HttpClient http =
        HttpClient.newConnection().runOn(loop).responseTimeout(Duration.ofSeconds(60));

    try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
      db.setAutoCommit(false);
      Sheets sheets = new Sheets(db, campaign, organization, batch);
      int total = warmup + 2 * changes + 10;

      long heapEmpty = heapAfterGc(serverPid);
      Map<String, long[]> histogramEmpty = histogram(serverPid);

      // Baseline: one client.
      List<Client> one = connect(http, wsUrl, hello, subscribe, 1, total);
      sheets.change(); // warms the path up
      long[] baseline = measure(sheets, one, changes, gap, sheets.count());

      // Many clients.
      long started = System.nanoTime();
      List<Client> many = connect(http, wsUrl, hello, subscribe, clients, total);
      double connectSeconds = (System.nanoTime() - started) / 1e9;
      long heapFull = heapAfterGc(serverPid);
      printHistogramGrowth(histogramEmpty, histogram(serverPid), many.size());
      for (int i = 0; i < warmup; i++) {
        sheets.change();
        Thread.sleep(gap);
      }
      long[] loaded = measure(sheets, many, changes, gap, sheets.count());

      System.out.printf(
          "%nOKO live status benchmark: %d cores, %s%n",
          Runtime.getRuntime().availableProcessors(), Instant.now());
      System.out.printf(
          "connected %d clients in %.1f s; server heap after full GC: %d KiB with none, %d KiB"
              + " with %d -> %.1f KiB per client%n",
          many.size(),
          connectSeconds,
          heapEmpty,
          heapFull,
          many.size(),
          (heapFull - heapEmpty) / (double) many.size());
      System.out.println(
          "commit -> delta at the client (ms), every client, "
              + changes
              + " changes, "
              + gap
              + " ms apart:");
      System.out.printf(
          "%-10s %9s %8s %8s %8s %8s %8s%n",
          "clients", "samples", "missing", "p50", "p95", "p99", "max");
      row("1", baseline, changes);
      row(Integer.toString(many.size()), loaded, changes * many.size());
    } finally {
      loop.disposeLater().block(Duration.ofSeconds(10));
    }
  }

  private static void row(String label, long[] nanos, int expected) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "%-10s %9d %8d %8.1f %8.1f %8.1f %8.1f%n",
        label,
        sorted.length,
        expected - sorted.length,
        percentile(sorted, 50),
        percentile(sorted, 95),
        percentile(sorted, 99),
        sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
  }

  private static double percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  /** Makes each change, waits for every client to see it (at most 5 s), then the gap. */
  private static long[] measure(
      Sheets sheets, List<Client> clients, int changes, long gap, int countBefore)
      throws Exception {
    List<Long> latencies = new ArrayList<>();
    for (int i = 0; i < changes; i++) {
      long committed = sheets.change();
      int count = sheets.count();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (System.nanoTime() < deadline && !allSaw(clients, count)) {
        Thread.sleep(5);
      }
      for (Client client : clients) {
        long arrived;
        synchronized (client) {
          arrived = client.arrivals[Math.min(count, client.arrivals.length - 1)];
        }
        if (arrived != 0) {
          latencies.add(arrived - committed);
        }
      }
      Thread.sleep(gap);
    }
    return latencies.stream().mapToLong(Long::longValue).toArray();
  }

  private static boolean allSaw(List<Client> clients, int count) {
    for (Client client : clients) {
      synchronized (client) {
        if (client.arrivals[Math.min(count, client.arrivals.length - 1)] == 0) {
          return false;
        }
      }
    }
    return true;
  }

  private static List<Client> connect(
      HttpClient http, String url, String hello, String subscribe, int n, int changes)
      throws InterruptedException {
    List<Client> clients = new ArrayList<>();
    CountDownLatch subscribed = new CountDownLatch(n);
    AtomicInteger failed = new AtomicInteger();
    Flux.range(0, n)
        .flatMap(
            i -> {
              Client client = new Client(changes + 1);
              synchronized (clients) {
                clients.add(client);
              }
              // Connected once the snapshot arrived; the connection stays open afterwards.
              Mono<Void> ready =
                  Mono.create(
                      sink ->
                          http.websocket(
                                  WebsocketClientSpec.builder()
                                      .maxFramePayloadLength(1 << 20)
                                      .build())
                              .uri(url)
                              .handle(
                                  (in, out) ->
                                      out.sendString(Flux.just(hello, subscribe))
                                          .then()
                                          .thenMany(
                                              in.receive()
                                                  .asString(StandardCharsets.UTF_8)
                                                  .doOnNext(
                                                      text -> {
                                                        client.onMessage(text, System.nanoTime());
                                                        if (client.subscribed) {
                                                          sink.success();
                                                        }
                                                      })))
                              .doOnError(
                                  e -> {
                                    failed.incrementAndGet();
                                    sink.success();
                                  })
                              .subscribe());
              return ready.doOnSuccess(v -> subscribed.countDown());
            },
            200)
        .subscribe();
    if (!subscribed.await(180, TimeUnit.SECONDS)) {
      System.out.printf("only %d of %d clients subscribed%n", n - subscribed.getCount(), n);
    }
    if (failed.get() > 0) {
      System.out.printf("%d clients failed to connect%n", failed.get());
    }
    List<Client> ok = new ArrayList<>();
    synchronized (clients) {
      for (Client c : clients) {
        if (c.subscribed) {
          ok.add(c);
        }
      }
    }
    return ok;
  }

  /** Commits sheets of one organization as the uploader does. */
  static final class Sheets {
    private final Connection db;
    private final long campaign;
    private final long organization;
    private final long batch;
    private int count;

    Sheets(Connection db, long campaign, long organization, long batch) throws SQLException {
      this.db = db;
      this.campaign = campaign;
      this.organization = organization;
      this.batch = batch;
      try (PreparedStatement s =
          db.prepareStatement(
              "select count(*) from scan_sheet where organization_id = ? and campaign_id = ?"
                  + " and status <> 'REPLACED'")) {
        s.setLong(1, organization);
        s.setLong(2, campaign);
        try (ResultSet r = s.executeQuery()) {
          r.next();
          count = r.getInt(1);
        }
      }
      db.commit();
    }

    int count() {
      return count;
    }

    /** Inserts one accepted sheet and its event; returns System.nanoTime() just before commit. */
    long change() throws SQLException {
      long sheetId;
      try (PreparedStatement s =
          db.prepareStatement(
              "insert into scan_sheet (batch_id, campaign_id, subject_key, organization_id,"
                  + " region_code, file_name, content_type, blob_key, size, status, uploaded_at,"
                  + " updated_at) values (?, ?, 'rus-4', ?, '64', 'sheet.png', 'image/png',"
                  + " 'none', 1, 'ACCEPTED', now(), now()) returning id")) {
        s.setLong(1, batch);
        s.setLong(2, campaign);
        s.setLong(3, organization);
        try (ResultSet r = s.executeQuery()) {
          r.next();
          sheetId = r.getLong(1);
        }
      }
      String event =
          String.format(
              "{\"sheetId\":%d,\"batchId\":%d,\"campaignId\":%d,\"subjectKey\":\"rus-4\","
                  + "\"organizationId\":%d,\"regionCode\":\"64\",\"status\":\"ACCEPTED\","
                  + "\"previousStatus\":null,\"at\":\"%s\"}",
              sheetId, batch, campaign, organization, Instant.now());
      try (PreparedStatement s =
          db.prepareStatement(
              "insert into outbox (topic, event_key, payload) values"
                  + " ('scans.SheetStatusChanged', ?, ?::jsonb)")) {
        s.setString(1, Long.toString(organization));
        s.setString(2, event);
        s.executeUpdate();
      }
      long before = System.nanoTime();
      db.commit();
      count++;
      return before;
    }
  }

  /** The live objects per class (instances, bytes), from {@code jcmd GC.class_histogram}. */
  static Map<String, long[]> histogram(long pid) throws Exception {
    Map<String, long[]> classes = new java.util.HashMap<>();
    for (String line : run("jcmd", Long.toString(pid), "GC.class_histogram").split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 4 && f[0].endsWith(":")) {
        classes.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
      }
    }
    return classes;
  }

  /**
   * What the clients hold, class by class: the {@code top} classes that grew most between the
   * histogram without sockets and the one with them, per client (issue 24, part 3: where the
   * per-client heap goes).
   */
  static void printHistogramGrowth(Map<String, long[]> before, Map<String, long[]> after, int n) {
    if (n == 0) {
      return;
    }
    List<Map.Entry<String, long[]>> grown = new ArrayList<>();
    after.forEach(
        (name, a) -> {
          long[] b = before.getOrDefault(name, new long[2]);
          grown.add(Map.entry(name, new long[] {a[0] - b[0], a[1] - b[1]}));
        });
    grown.sort((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1]));
    long total = grown.stream().mapToLong(e -> e.getValue()[1]).sum();
    System.out.printf(
        "heap histogram growth with %d clients: %.1f KiB per client in all; the largest:%n",
        n, total / 1024.0 / n);
    for (Map.Entry<String, long[]> e : grown.subList(0, Math.min(25, grown.size()))) {
      System.out.printf(
          "  %8.2f objects %9.0f bytes per client  %s%n",
          e.getValue()[0] / (double) n, e.getValue()[1] / (double) n, e.getKey());
    }
  }

  /** Heap in use (KiB) after a full collection, from jcmd. */
  static long heapAfterGc(long pid) throws Exception {
    run("jcmd", Long.toString(pid), "GC.run");
    Thread.sleep(500);
    run("jcmd", Long.toString(pid), "GC.run");
    String info = run("jcmd", Long.toString(pid), "GC.heap_info");
    Matcher m = USED.matcher(info);
    if (!m.find()) {
      throw new IllegalStateException("no heap figure in: " + info);
    }
    return Long.parseLong(m.group(1));
  }

  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    StringBuilder out = new StringBuilder();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        out.append(line).append('\n');
      }
    }
    p.waitFor(60, TimeUnit.SECONDS);
    return out.toString();
  }
}
