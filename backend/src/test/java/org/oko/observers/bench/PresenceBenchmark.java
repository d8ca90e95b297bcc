package org.oko.observers.bench;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator for issue 18's figure (see backend/bench/observers-presence.sh): «presence marked
 * by 20 000 observers within 15 minutes of the start (a country's conduct morning) — p99 of the
 * mark and of the dashboard update».
 *
 * <ol>
 *   <li>set-up, not measured: every observer's access token is minted here with the server's own
 *       signing key (read from its database, as only the bench can), with the claims of a real
 *       observer's token and the observer's own login as subject — no sign-in endpoint is bypassed
 *       in the product;
 *   <li>three coordinators' live sockets (federal, region64, mun64-engels) say hello and listen;
 *   <li>baseline: BASELINE indexed authenticated GETs ({@code /api/observer/assignments}, each with
 *       an observer's token) at the same rate as the marks;
 *   <li>the marks: every observer's «Я на месте» once, open loop at RATE a second in a random
 *       order; meanwhile the region's and the municipality's boards are read once a second (what
 *       the SPA does on a burst of pushes);
 *   <li>per mark: its latency, and the time from its answer to its push at each socket that sees
 *       the point.
 * </ol>
 *
 * Arguments: base-url jdbc-url campaign-id observer-token federal-token region-token
 * municipal-token municipality-id. System properties: bench.rate (marks a second, 22.3 = 20 000 in
 * 15 minutes), bench.baseline (GETs, 1000).
 */
public final class PresenceBenchmark {

  private static final Pattern ASSIGNMENT = Pattern.compile("\"assignmentId\":(\\d+)");

  record Assignment(long id, String login, String regionCode, Long municipalityId) {}

  record Timed(long sentNanos, long answeredNanos, int status) {
    double millis() {
      return (answeredNanos - sentNanos) / 1e6;
    }
  }

  /** A coordinator's socket: when each assignment's presence reached it. */
  static final class Listener implements WebSocket.Listener {
    final Map<Long, Long> arrivals = new ConcurrentHashMap<>();
    private final StringBuilder partial = new StringBuilder();
    final CompletableFuture<Void> ready = new CompletableFuture<>();

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      long now = System.nanoTime();
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        if (text.contains("\"ready\"")) {
          ready.complete(null);
        }
        if (text.contains("observerPresence")) {
          Matcher m = ASSIGNMENT.matcher(text);
          if (m.find()) {
            arrivals.putIfAbsent(Long.parseLong(m.group(1)), now);
          }
        }
      }
      socket.request(1);
      return null;
    }
  }

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String jdbcUrl = args[1];
    long campaign = Long.parseLong(args[2]);
    String observerToken = args[3];
    String federalToken = args[4];
    String regionToken = args[5];
    String municipalToken = args[6];
    long municipality = Long.parseLong(args[7]);
    double rate = Double.parseDouble(System.getProperty("bench.rate", "22.3"));
    int baselineCount = Integer.getInteger("bench.baseline", 1000);

    List<Assignment> assignments;
    RSAKey key;
    try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
      assignments = assignments(db, campaign);
      key = signingKey(db);
    }
    long mintStart = System.nanoTime();
    JWTClaimsSet template = SignedJWT.parse(observerToken).getJWTClaimsSet();
    Map<Long, String> tokens = new ConcurrentHashMap<>();
    assignments.parallelStream().forEach(a -> tokens.put(a.id(), mint(key, template, a)));
    double mintSeconds = (System.nanoTime() - mintStart) / 1e9;

    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newFixedThreadPool(8))
            .build();
    String ws = base.replaceFirst("^http", "ws") + "/ws/live";
    Listener federal = listen(http, ws, federalToken);
    Listener region = listen(http, ws, regionToken);
    Listener municipal = listen(http, ws, municipalToken);

    // Warm-up (not measured): the GET path and the JIT.
    List<Assignment> shuffled = new ArrayList<>(assignments);
    Collections.shuffle(shuffled, new Random(18));
    openLoop(
        http, shuffled.subList(0, Math.min(200, shuffled.size())), 50, a -> get(base, a, tokens));

    List<Timed> baseline =
        openLoop(
            http,
            shuffled.subList(0, Math.min(baselineCount, shuffled.size())),
            rate,
            a -> get(base, a, tokens));

    String day = LocalDate.now(java.time.ZoneId.of("Europe/Saratov")).toString();
    String regionBoard =
        base + "/api/campaigns/" + campaign + "/observer-presence?day=" + day + "&size=50";
    String municipalBoard = regionBoard + "&municipalityId=" + municipality;
    List<Timed> regionBoards = new ArrayList<>();
    List<Timed> municipalBoards = new ArrayList<>();
    String regionBoardToken = renewed(key, regionToken);
    String municipalBoardToken = renewed(key, municipalToken);
    AtomicBoolean marking = new AtomicBoolean(true);
    Thread boards =
        new Thread(
            () -> {
              while (marking.get()) {
                regionBoards.add(send(http, board(regionBoard, regionBoardToken)));
                municipalBoards.add(send(http, board(municipalBoard, municipalBoardToken)));
                sleep(1000);
              }
            });
    boards.start();
    long marksStart = System.nanoTime();
    Map<Long, Timed> marks = new ConcurrentHashMap<>();
    List<Timed> markList =
        openLoop(
            http,
            shuffled,
            rate,
            a ->
                HttpRequest.newBuilder(
                        URI.create(base + "/api/observer-assignments/" + a.id() + "/presence"))
                    .header("Authorization", "Bearer " + tokens.get(a.id()))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
            marks);
    double marksSeconds = (System.nanoTime() - marksStart) / 1e9;
    marking.set(false);
    boards.join();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < until && federal.arrivals.size() < marks.size()) {
      sleep(100);
    }
    sleep(2000);

    System.out.printf(
        "%nOKO observers' presence benchmark: %d cores (client side), %s%n",
        Runtime.getRuntime().availableProcessors(), Instant.now());
    System.out.printf(
        "%d observers' tokens minted with the server's key in %.1f s (set-up)%n",
        tokens.size(), mintSeconds);
    System.out.printf(
        "%d marks in %.1f s (%.1f/s offered at %.1f/s; the goal's pace is 22.2/s)%n",
        markList.size(), marksSeconds, markList.size() / marksSeconds, rate);
    System.out.printf(
        "%-46s %7s %6s %8s %8s %8s %8s%n", "ms", "n", "errors", "p50", "p95", "p99", "max");
    row("baseline GET /api/observer/assignments", baseline);
    row("mark POST .../presence", markList);
    row("board GET, region 64 (page of 50 points)", regionBoards);
    row("board GET, municipality", municipalBoards);
    push("push: answer -> federal socket", marks, federal, a -> true, assignments);
    push(
        "push: answer -> region 64 socket",
        marks,
        region,
        a -> "64".equals(a.regionCode()),
        assignments);
    push(
        "push: answer -> municipality socket",
        marks,
        municipal,
        a -> Long.valueOf(municipality).equals(a.municipalityId()),
        assignments);
    // The HTTP client's threads and the sockets would keep the JVM (and the script) waiting.
    System.exit(0);
  }

  private static List<Assignment> assignments(Connection db, long campaign) throws Exception {
    List<Assignment> list = new ArrayList<>();
    try (PreparedStatement s =
        db.prepareStatement(
            "select a.id, o.login, a.region_code, g.municipality_id from observer_assignment a"
                + " join observer o on o.id = a.observer_id"
                + " join organization g on g.id = a.organization_id"
                + " where a.campaign_id = ? and a.present_at is null order by a.id")) {
      s.setLong(1, campaign);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          long mun = r.getLong(4);
          list.add(
              new Assignment(
                  r.getLong(1), r.getString(2), r.getString(3), r.wasNull() ? null : mun));
        }
      }
    }
    return list;
  }

  /** The server's newest signing key, as its own {@code SigningKeyStore} loads it. */
  private static RSAKey signingKey(Connection db) throws Exception {
    try (PreparedStatement s =
            db.prepareStatement(
                "select kid, private_der, public_der from signing_key where retired_at is null"
                    + " order by created_at desc, kid limit 1");
        ResultSet r = s.executeQuery()) {
      r.next();
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      return new RSAKey.Builder(
              (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(r.getBytes(3))))
          .privateKey((RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(r.getBytes(2))))
          .keyID(r.getString(1))
          .build();
    }
  }

  /** A token like the real observer's, for this observer, valid for an hour. */
  private static String mint(RSAKey key, JWTClaimsSet template, Assignment a) {
    return signed(
        key,
        new JWTClaimsSet.Builder(template)
            .subject(a.login())
            .claim("region", a.regionCode())
            .build());
  }

  /**
   * A coordinator's token from the password grant, re-signed to live an hour: the run reads the
   * boards for 15 minutes, as long as an access token lives, and the SPA would have renewed it.
   */
  private static String renewed(RSAKey key, String token) throws Exception {
    return signed(key, SignedJWT.parse(token).getJWTClaimsSet());
  }

  private static String signed(RSAKey key, JWTClaimsSet template) {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder(template)
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now.minusSeconds(5)))
            .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
            .jwtID(UUID.randomUUID().toString())
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  private static Listener listen(HttpClient http, String url, String token) throws Exception {
    Listener listener = new Listener();
    WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(url), listener).get();
    socket.sendText("{\"type\":\"hello\",\"token\":\"" + token + "\"}", true);
    listener.ready.get(30, TimeUnit.SECONDS);
    return listener;
  }

  private static HttpRequest get(String base, Assignment a, Map<Long, String> tokens) {
    return HttpRequest.newBuilder(URI.create(base + "/api/observer/assignments"))
        .header("Authorization", "Bearer " + tokens.get(a.id()))
        .GET()
        .build();
  }

  private static HttpRequest board(String url, String token) {
    return HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + token)
        .GET()
        .build();
  }

  private static Timed send(HttpClient http, HttpRequest request) {
    long sent = System.nanoTime();
    try {
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      return new Timed(sent, System.nanoTime(), response.statusCode());
    } catch (Exception e) {
      return new Timed(sent, System.nanoTime(), -1);
    }
  }

  private static List<Timed> openLoop(
      HttpClient http,
      List<Assignment> order,
      double rate,
      java.util.function.Function<Assignment, HttpRequest> request)
      throws Exception {
    return openLoop(http, order, rate, request, new ConcurrentHashMap<>());
  }

  /**
   * Sends one request an assignment at a fixed pace whatever the answers take (open loop: a slow
   * server does not slow the offered load), and waits for every answer.
   */
  private static List<Timed> openLoop(
      HttpClient http,
      List<Assignment> order,
      double rate,
      java.util.function.Function<Assignment, HttpRequest> request,
      Map<Long, Timed> byAssignment)
      throws Exception {
    ConcurrentLinkedQueue<Timed> done = new ConcurrentLinkedQueue<>();
    List<CompletableFuture<Void>> pending = new ArrayList<>();
    long start = System.nanoTime();
    long gap = (long) (1e9 / rate);
    for (int i = 0; i < order.size(); i++) {
      Assignment a = order.get(i);
      long at = start + i * gap;
      long wait = at - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      long sent = System.nanoTime();
      pending.add(
          http.sendAsync(request.apply(a), HttpResponse.BodyHandlers.discarding())
              .handle(
                  (response, error) -> {
                    Timed t =
                        new Timed(
                            sent, System.nanoTime(), error == null ? response.statusCode() : -1);
                    done.add(t);
                    byAssignment.put(a.id(), t);
                    return null;
                  }));
    }
    try {
      CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
    } catch (java.util.concurrent.TimeoutException e) {
      // An overloaded server: report what was answered, the rest as unanswered.
      System.out.printf(
          "%d of %d requests unanswered 5 min after the last was sent%n",
          order.size() - done.size(), order.size());
    }
    return new ArrayList<>(done);
  }

  private static void row(String label, List<Timed> timed) {
    double[] ms =
        timed.stream().filter(t -> t.status() / 100 == 2).mapToDouble(Timed::millis).toArray();
    long errors = timed.stream().filter(t -> t.status() / 100 != 2).count();
    print(label, ms, errors);
  }

  private static void push(
      String label,
      Map<Long, Timed> marks,
      Listener socket,
      java.util.function.Predicate<Assignment> sees,
      List<Assignment> assignments) {
    List<Double> ms = new ArrayList<>();
    long missing = 0;
    for (Assignment a : assignments) {
      Timed mark = marks.get(a.id());
      if (mark == null || mark.status() != 200 || !sees.test(a)) {
        continue;
      }
      Long arrived = socket.arrivals.get(a.id());
      if (arrived == null) {
        missing++;
      } else {
        ms.add((arrived - mark.answeredNanos()) / 1e6);
      }
    }
    print(
        label + " (missing as errors)",
        ms.stream().mapToDouble(Double::doubleValue).toArray(),
        missing);
  }

  private static void print(String label, double[] ms, long errors) {
    Arrays.sort(ms);
    System.out.printf(
        "%-46s %7d %6d %8.1f %8.1f %8.1f %8.1f%n",
        label,
        ms.length,
        errors,
        pct(ms, 50),
        pct(ms, 95),
        pct(ms, 99),
        ms.length == 0 ? 0 : ms[ms.length - 1]);
  }

  private static double pct(double[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
