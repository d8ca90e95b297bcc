package org.oko.platform.web.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for slow clients (see backend/bench/slow-clients.sh): clients that connect, ask,
 * and then never read, against one running OKO.
 *
 * <ol>
 *   <li><b>rehearsal</b> (not measured): both paths once with 20 clients;
 *   <li><b>baseline</b>: heap after a full GC, native "Other" memory (Netty's direct buffers), RSS
 *       and open files of the server with no extra connection; a few timed requests;
 *   <li><b>downloads</b>: CLIENTS plain sockets with a tiny receive buffer send a download request
 *       for a large attachment and never read. Heap halfway through and figures after HOLD seconds,
 *       timed requests meanwhile; then, the clients still holding on, until the server has closed
 *       the stalled connections (its send timeout); then once the clients have gone too;
 *   <li><b>live sockets</b>: CLIENTS {@code /ws/live} clients say hello with an access token,
 *       subscribe to the scanning campaign of region 64 per organization, read the snapshot and
 *       then never read, while sheets of {@code bench.orgs} organizations are accepted every {@code
 *       bench.interval} ms (rows and outbox events in one statement, as the uploader's
 *       transaction). The same figures; then 20 stalled clients read again and must catch up with
 *       the latest totals a fresh client sees; then the server closes the others, then all go.
 * </ol>
 *
 * Arguments: base-url server-pid download-path school-token region-token campaign-id jdbc-url
 * clients hold-seconds. System properties: bench.orgs (50), bench.interval (ms, 200),
 * bench.receive-buffer (bytes, 1024), bench.connect-threads (8), bench.give-up (seconds to wait for
 * the server to close stalled connections, 90), bench.phases ("downloads,sockets").
 */
public final class SlowClientsBenchmark {

  private static final long KIB = 1024;

  /** A phase's figures for the summary. */
  private record Row(
      String phase,
      int connections,
      ServerProbe.Reading reading,
      long halfwayHeapKiB,
      long[] kernel) {}

  /** Latency of a few requests made by a well-behaved client while the phase holds. */
  private record Latency(
      String phase,
      double livenessP50,
      double livenessMax,
      double listP50,
      double listMax,
      double downloadSeconds) {}

  private final InetSocketAddress server;
  private final String downloadPath;
  private final String schoolToken;
  private final String regionToken;
  private final long campaign;
  private final int clients;
  private final int holdSeconds;
  private final int organizations = Integer.getInteger("bench.orgs", 50);
  private final long interval = Long.getLong("bench.interval", 200);
  private final int receiveBuffer = Integer.getInteger("bench.receive-buffer", 1024);
  private final int connectThreads = Integer.getInteger("bench.connect-threads", 8);
  private final int giveUpSeconds = Integer.getInteger("bench.give-up", 90);
  private final ServerProbe probe;
  private final Requests requests;
  private final List<Row> rows = new ArrayList<>();
  private final List<Latency> latencies = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final Map<String, List<ServerProbe.Growth>> growth = new LinkedHashMap<>();
  private Sheets sheets;
  private ServerProbe.Reading baseline;
  private Map<String, long[]> baselineClasses;

  private SlowClientsBenchmark(String[] args) {
    URI base = URI.create(args[0]);
    server = new InetSocketAddress(base.getHost(), base.getPort());
    probe = new ServerProbe(Long.parseLong(args[1]), base.getPort());
    downloadPath = args[2];
    schoolToken = args[3];
    regionToken = args[4];
    campaign = Long.parseLong(args[5]);
    clients = Integer.parseInt(args[7]);
    holdSeconds = Integer.parseInt(args[8]);
    requests = new Requests(base, downloadPath, schoolToken, regionToken);
  }

  public static void main(String[] args) throws Exception {
    String phases = System.getProperty("bench.phases", "downloads,sockets");
    SlowClientsBenchmark bench = new SlowClientsBenchmark(args);
    try (Connection db = DriverManager.getConnection(args[6], "postgres", "postgres")) {
      db.setAutoCommit(false);
      bench.sheets = Sheets.prepare(db, bench.campaign, bench.organizations);
      bench.rehearse();
      bench.baseline();
      if (phases.contains("downloads")) {
        bench.downloads();
      }
      if (phases.contains("sockets")) {
        bench.liveSockets();
      }
      bench.report();
    }
  }

  /**
   * Not measured: both paths once with a few clients, so that what any first use leaves behind
   * (compiled code, pooled database connections, parsed SQL) is already in the baseline and the
   * figures below are what the stalled connections themselves hold.
   */
  private void rehearse() throws Exception {
    requests.warmUp();
    List<Socket> downloads = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      downloads.add(stalledDownload());
    }
    List<RawLiveSocket> sockets = stalledLiveSockets(20);
    for (int i = 0; i < 10; i++) {
      sheets.acceptOnePerOrganization();
      Thread.sleep(interval);
    }
    closeAll(downloads);
    closeAll(sockets);
    sleepSeconds(3);
  }

  private void baseline() throws Exception {
    latencies.add(requests.measure("quiet (no extra connection)"));
    baseline = probe.read();
    baselineClasses = probe.histogram();
    rows.add(new Row("baseline", 0, baseline, -1, probe.serverSocketQueues()));
    log("baseline: %s", baseline);
  }

  /** CLIENTS downloads that never read. */
  private void downloads() throws Exception {
    List<Socket> downloads = new ArrayList<>();
    long stalledSince = System.nanoTime();
    for (int i = 0; i < clients; i++) {
      downloads.add(stalledDownload());
    }
    log(
        "%d download requests sent in %.1f s; holding %d s",
        clients, (System.nanoTime() - stalledSince) / 1e9, holdSeconds);
    sleepSeconds(holdSeconds / 2);
    long halfway = probe.heapAfterGc();
    latencies.add(requests.measure(clients + " downloads not reading"));
    sleepUntil(stalledSince, holdSeconds);
    long[] clientQueues = probe.clientSocketQueues();
    ServerProbe.Reading held = probe.read();
    long[] serverQueues = probe.serverSocketQueues();
    growth.put("downloads not reading", ServerProbe.grown(baselineClasses, probe.histogram(), 8));
    rows.add(
        new Row(
            clients + " downloads, not reading, after " + holdSeconds + " s",
            clients,
            held,
            halfway,
            serverQueues));
    log("downloads held: %s", held);
    notes.add(
        String.format(
            "downloads: %d still connected after %d s; %d KiB arrived at the clients, never read",
            clientQueues[0] - 1, holdSeconds, clientQueues[1] / KIB));
    rows.add(serverGivesUp("downloads", 1, stalledSince));
    closeAll(downloads);
    rows.add(new Row("downloads: clients gone", 0, released(), -1, probe.serverSocketQueues()));
  }

  /** CLIENTS live sockets that stop reading while figures keep changing. */
  private void liveSockets() throws Exception {
    long connecting = System.nanoTime();
    List<RawLiveSocket> sockets = stalledLiveSockets(clients);
    log(
        "%d live sockets subscribed in %.1f s and stopped reading; changes every %d ms for %d s",
        sockets.size(), (System.nanoTime() - connecting) / 1e9, interval, holdSeconds);
    long madeBefore = sheets.made();
    AtomicBoolean producing = new AtomicBoolean(true);
    Thread producer = new Thread(() -> produce(producing), "sheets");
    long stalledSince = System.nanoTime();
    producer.start();
    sleepSeconds(holdSeconds / 2);
    long halfway = probe.heapAfterGc();
    latencies.add(requests.measure(sockets.size() + " live sockets not reading"));
    sleepUntil(stalledSince, holdSeconds);
    ServerProbe.Reading held = probe.read();
    long[] serverQueues = probe.serverSocketQueues();
    growth.put(
        "live sockets not reading", ServerProbe.grown(baselineClasses, probe.histogram(), 8));
    producing.set(false);
    producer.join();
    long made = sheets.made() - madeBefore;
    rows.add(
        new Row(
            sockets.size() + " live sockets, not reading, after " + holdSeconds + " s",
            sockets.size(),
            held,
            halfway,
            serverQueues));
    log("live sockets held: %s; %d sheets accepted meanwhile", held, made);

    // The latest figures, as a fresh client sees them, and whether stalled ones catch up.
    sleepSeconds(2);
    long latest;
    try (RawLiveSocket fresh = subscribed(64 * 1024)) {
      latest = fresh.nextOf("snapshot").path("totals").path("uploaded").asLong();
    }
    int caughtUp = 0;
    long frames = 0;
    int resumed = Math.min(20, sockets.size());
    for (RawLiveSocket socket : sockets.subList(0, resumed)) {
      long before = socket.framesRead();
      try {
        if (socket.catchUp(latest, 15_000)) {
          caughtUp++;
        }
      } catch (IOException e) {
        log("a resumed socket failed: %s", e.getMessage());
      }
      frames += socket.framesRead() - before;
    }
    notes.add(
        String.format(
            "live sockets: %d sheets of %d organizations accepted every %d ms while they did not"
                + " read; %d of %d stalled sockets that read again caught up with the latest"
                + " total (%d) in %d frames",
            made, organizations, interval, caughtUp, resumed, latest, frames));
    // The resumed ones have nothing left to send: only the others are stalled.
    rows.add(serverGivesUp("live sockets", resumed + 1, stalledSince));
    closeAll(sockets);
    rows.add(new Row("live sockets: clients gone", 0, released(), -1, probe.serverSocketQueues()));
  }

  /**
   * Waits (at most bench.give-up) until the server has closed its stalled connections — all but
   * {@code kept} of its established ones — while the clients still hold theirs open and unread.
   */
  private Row serverGivesUp(String what, int kept, long stalledSince) throws Exception {
    long deadline = System.nanoTime() + giveUpSeconds * 1_000_000_000L;
    long[] queues = probe.serverSocketQueues();
    while (queues[0] > kept && System.nanoTime() < deadline) {
      Thread.sleep(500);
      queues = probe.serverSocketQueues();
    }
    double after = (System.nanoTime() - stalledSince) / 1e9;
    String note =
        queues[0] > kept
            ? String.format(
                "%s: the server still kept %d stalled connections %.0f s after they stopped"
                    + " reading",
                what, queues[0] - kept, after)
            : String.format(
                "%s: the server had closed every stalled connection %.0f s after they stopped"
                    + " reading (the clients still held theirs)",
                what, after);
    notes.add(note);
    log(note);
    return new Row(what + ": the server let go", 0, probe.read(), -1, queues);
  }

  /** Waits until the server's open files are back near the baseline (at most 20 s), then reads. */
  private ServerProbe.Reading released() throws Exception {
    long deadline = System.currentTimeMillis() + 20_000;
    while (probe.openFiles() > baseline.openFiles() + 10 && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
    }
    ServerProbe.Reading after = probe.read();
    log("after the clients went away: %s", after);
    return after;
  }

  private static void sleepUntil(long since, int seconds) throws InterruptedException {
    long left = since + seconds * 1_000_000_000L - System.nanoTime();
    if (left > 0) {
      Thread.sleep(left / 1_000_000);
    }
  }

  /** A download request on a socket whose owner will never read it. */
  private Socket stalledDownload() throws IOException {
    Socket socket = new Socket();
    socket.setReceiveBufferSize(receiveBuffer); // before connect: it sets the window scale
    socket.connect(server, 10_000);
    OutputStream out = socket.getOutputStream();
    out.write(
        ("GET "
                + downloadPath
                + " HTTP/1.1\r\nHost: "
                + server.getHostString()
                + ":"
                + server.getPort()
                + "\r\nAuthorization: Bearer "
                + schoolToken
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return socket;
  }

  private RawLiveSocket subscribed(int receiveBuffer) throws IOException {
    RawLiveSocket socket = RawLiveSocket.open(server, receiveBuffer);
    socket.send("{\"type\":\"hello\",\"token\":\"" + regionToken + "\"}");
    socket.send("{\"type\":\"subscribe\",\"campaignId\":" + campaign + ",\"regionCode\":\"64\"}");
    return socket;
  }

  /** Live sockets that have read their snapshot and then stop reading. */
  private List<RawLiveSocket> stalledLiveSockets(int n) throws InterruptedException {
    List<RawLiveSocket> sockets = Collections.synchronizedList(new ArrayList<>());
    AtomicLong failed = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(connectThreads);
    List<Future<?>> connecting = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      connecting.add(
          pool.submit(
              () -> {
                try {
                  RawLiveSocket socket = subscribed(receiveBuffer);
                  socket.nextOf("snapshot");
                  sockets.add(socket);
                } catch (IOException e) {
                  if (failed.incrementAndGet() <= 3) {
                    log("a live socket failed to subscribe: %s", e.getMessage());
                  }
                }
              }));
    }
    for (Future<?> f : connecting) {
      try {
        f.get();
      } catch (ExecutionException e) {
        failed.incrementAndGet();
      }
    }
    pool.shutdown();
    if (failed.get() > 0) {
      log("%d of %d live sockets failed to subscribe", failed.get(), n);
    }
    return new ArrayList<>(sockets);
  }

  private void produce(AtomicBoolean producing) {
    while (producing.get()) {
      long next = System.nanoTime() + interval * 1_000_000;
      try {
        sheets.acceptOnePerOrganization();
      } catch (SQLException e) {
        log("producing sheets failed: %s", e.getMessage());
        return;
      }
      long wait = (next - System.nanoTime()) / 1_000_000;
      if (wait > 0) {
        try {
          Thread.sleep(wait);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  private static void closeAll(List<? extends AutoCloseable> sockets) {
    for (AutoCloseable socket : sockets) {
      try {
        socket.close();
      } catch (Exception e) {
        // already gone
      }
    }
  }

  private void report() {
    ServerProbe.Reading base = rows.get(0).reading();
    System.out.printf(
        "%nOKO slow clients benchmark: %d cores, %s, %d clients, held %d s%n",
        Runtime.getRuntime().availableProcessors(), Instant.now(), clients, holdSeconds);
    System.out.println(
        "| phase | heap after full GC, MiB (halfway) | native Other (direct buffers), MiB |"
            + " RSS, MiB | open files | server's established connections | their kernel send"
            + " queues, MiB |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|");
    for (Row row : rows) {
      ServerProbe.Reading r = row.reading();
      System.out.printf(
          "| %s | %.1f%s | %s | %.0f | %d | %d | %.1f |%n",
          row.phase(),
          r.heapKiB() / 1024.0,
          row.halfwayHeapKiB() < 0 ? "" : String.format(" (%.1f)", row.halfwayHeapKiB() / 1024.0),
          r.directKiB() < 0 ? "n/a" : String.format("%.1f", r.directKiB() / 1024.0),
          r.rssKiB() / 1024.0,
          r.openFiles(),
          row.kernel()[0],
          row.kernel()[1] / 1024.0 / 1024.0);
    }
    System.out.println();
    for (Row row : rows) {
      if (row.connections() == 0) {
        continue;
      }
      ServerProbe.Reading r = row.reading();
      System.out.printf(
          "%s: per connection %.1f KiB heap, %s native Other, %.1f KiB RSS, %.2f open files,"
              + " %.0f KiB in the kernel%n",
          row.phase(),
          (r.heapKiB() - base.heapKiB()) / (double) row.connections(),
          r.directKiB() < 0
              ? "n/a"
              : String.format(
                  "%.1f KiB", (r.directKiB() - base.directKiB()) / (double) row.connections()),
          (r.rssKiB() - base.rssKiB()) / (double) row.connections(),
          (r.openFiles() - base.openFiles()) / (double) row.connections(),
          row.kernel()[1] / 1024.0 / row.connections());
    }
    notes.forEach(System.out::println);
    System.out.println();
    System.out.println(
        "| while | liveness p50 ms | liveness max ms | /api/publications p50 ms |"
            + " /api/publications max ms | the whole file by a reading client, s |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    for (Latency l : latencies) {
      System.out.printf(
          "| %s | %.1f | %.1f | %.1f | %.1f | %.2f |%n",
          l.phase(),
          l.livenessP50(),
          l.livenessMax(),
          l.listP50(),
          l.listMax(),
          l.downloadSeconds());
    }
    growth.forEach(SlowClientsBenchmark::printGrowth);
  }

  private static void printGrowth(String phase, List<ServerProbe.Growth> growth) {
    System.out.printf("%nlive heap grown most from the baseline, %s:%n", phase);
    for (ServerProbe.Growth g : growth) {
      System.out.printf("  %+10d B %+8d  %s%n", g.bytes(), g.instances(), g.className());
    }
  }

  private static void sleepSeconds(int seconds) throws InterruptedException {
    Thread.sleep(seconds * 1000L);
  }

  private static void log(String format, Object... args) {
    System.out.printf("[%tT] %s%n", System.currentTimeMillis(), String.format(format, args));
  }

  /** A well-behaved client timing a few requests. */
  private static final class Requests {
    private final HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI base;
    private final String downloadPath;
    private final String schoolToken;
    private final String regionToken;

    Requests(URI base, String downloadPath, String schoolToken, String regionToken) {
      this.base = base;
      this.downloadPath = downloadPath;
      this.schoolToken = schoolToken;
      this.regionToken = regionToken;
    }

    void warmUp() throws Exception {
      for (int i = 0; i < 50; i++) {
        time("/actuator/health/liveness", null);
        time("/api/publications?size=20", regionToken);
      }
    }

    Latency measure(String phase) throws Exception {
      double[] liveness = new double[10];
      double[] list = new double[10];
      for (int i = 0; i < 10; i++) {
        liveness[i] = time("/actuator/health/liveness", null);
        list[i] = time("/api/publications?size=20", regionToken);
      }
      long started = System.nanoTime();
      HttpResponse<Void> whole =
          http.send(
              HttpRequest.newBuilder(base.resolve(downloadPath))
                  .header("Authorization", "Bearer " + schoolToken)
                  .timeout(Duration.ofSeconds(120))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      double download = (System.nanoTime() - started) / 1e9;
      if (whole.statusCode() != 200) {
        throw new IllegalStateException("download answered " + whole.statusCode());
      }
      java.util.Arrays.sort(liveness);
      java.util.Arrays.sort(list);
      return new Latency(phase, liveness[4], liveness[9], list[4], list[9], download);
    }

    private double time(String path, String token) throws Exception {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      long started = System.nanoTime();
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      double millis = (System.nanoTime() - started) / 1e6;
      if (response.statusCode() != 200) {
        throw new IllegalStateException(path + " answered " + response.statusCode());
      }
      return millis;
    }
  }

  /**
   * Accepts sheets of region-64 organizations of the campaign, one per organization per call, each
   * with its {@code scans.SheetStatusChanged} outbox row in the same statement, as the uploader's
   * transaction does.
   */
  private static final class Sheets {
    private final Connection db;
    private final long campaign;
    private final String subject;
    private final List<long[]> batches; // {organization id, batch id}
    private long made;

    private Sheets(Connection db, long campaign, String subject, List<long[]> batches) {
      this.db = db;
      this.campaign = campaign;
      this.subject = subject;
      this.batches = batches;
    }

    /** One DONE batch for each of {@code n} region-64 organizations, before anyone subscribes. */
    static Sheets prepare(Connection db, long campaign, int n) throws SQLException {
      String subject;
      try (PreparedStatement s =
          db.prepareStatement("select subject_key from scan_batch where campaign_id = ? limit 1")) {
        s.setLong(1, campaign);
        try (ResultSet r = s.executeQuery()) {
          subject = r.next() ? r.getString(1) : "rus";
        }
      }
      List<long[]> batches = new ArrayList<>();
      try (PreparedStatement organizations =
              db.prepareStatement(
                  "select id from organization where region_code = '64' order by id limit ?");
          PreparedStatement batch =
              db.prepareStatement(
                  "insert into scan_batch (campaign_id, subject_key, organization_id, region_code,"
                      + " file_name, size, uploaded_by, created_at, status) values (?, ?, ?, '64',"
                      + " 'slow-clients.zip', 1000, 'scan64', now(), 'DONE') returning id")) {
        organizations.setInt(1, n);
        try (ResultSet r = organizations.executeQuery()) {
          while (r.next()) {
            long organization = r.getLong(1);
            batch.setLong(1, campaign);
            batch.setString(2, subject);
            batch.setLong(3, organization);
            try (ResultSet b = batch.executeQuery()) {
              b.next();
              batches.add(new long[] {organization, b.getLong(1)});
            }
          }
        }
      }
      db.commit();
      return new Sheets(db, campaign, subject, batches);
    }

    void acceptOnePerOrganization() throws SQLException {
      try (PreparedStatement s =
          db.prepareStatement(
              "with sheet as (insert into scan_sheet (batch_id, campaign_id, subject_key,"
                  + " organization_id, region_code, file_name, content_type, blob_key, size,"
                  + " status, uploaded_at, updated_at) values (?, ?, ?, ?, '64', 'sheet.png',"
                  + " 'image/png', 'none', 1, 'ACCEPTED', now(), now()) returning id, batch_id,"
                  + " campaign_id, subject_key, organization_id)"
                  + " insert into outbox (topic, event_key, payload)"
                  + " select 'scans.SheetStatusChanged', organization_id::text,"
                  + " jsonb_build_object('sheetId', id, 'batchId', batch_id, 'campaignId',"
                  + " campaign_id, 'subjectKey', subject_key, 'organizationId', organization_id,"
                  + " 'regionCode', '64', 'status', 'ACCEPTED', 'previousStatus', null, 'at',"
                  + " to_char(now() at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'))"
                  + " from sheet")) {
        for (long[] batch : batches) {
          s.setLong(1, batch[1]);
          s.setLong(2, campaign);
          s.setString(3, subject);
          s.setLong(4, batch[0]);
          s.addBatch();
        }
        s.executeBatch();
      }
      db.commit();
      made += batches.size();
    }

    long made() {
      return made;
    }
  }
}
