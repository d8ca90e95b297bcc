package org.oko.questionnaires.bench;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Load generator for the questionnaire submit path (see backend/bench/questionnaire-load.sh):
 *
 * <ol>
 *   <li>prepare: every participant signs in (POST /oauth2/token) and starts a session;
 *   <li>ceiling: the rows a submission writes (a submitted session and its outbox event, one
 *       transaction each) inserted straight into PostgreSQL over JDBC, in the same run;
 *   <li>warm-up: participants submit for WARMUP seconds, not measured — a server runs for days, and
 *       its first minute is spent compiling its own code;
 *   <li>HTTP ceiling (a jar started with the {@code bench} profile): CONCURRENCY requests always in
 *       flight, for DURATION seconds, to {@code POST /api/bench/submission-ceiling} — the same
 *       security filter chain and JWT check, one R2DBC insert of the same body, nothing else;
 *   <li>capacity: CONCURRENCY submissions always in flight, for DURATION seconds: the most the
 *       server acknowledges per second (latency here is queueing: in-flight / rate), and its share
 *       of the HTTP ceiling;
 *   <li>paced: CONCURRENCY participants connected, submitting at a fixed total RATE (half the
 *       capacity just measured unless given) for DURATION seconds; latency counts from when each
 *       submission was due, so a late server cannot hide its delay by slowing the generator down;
 *   <li>check: every acknowledged submission must be SUBMITTED in the database.
 * </ol>
 *
 * Arguments: base-url jdbc-url credentials-file answers-file concurrency duration-seconds
 * [ack-file]. The credentials file has one "login password" per line. System properties:
 * bench.warmup (seconds, 20), bench.rate (submissions/s of the paced phase), bench.skipCeiling,
 * bench.skipCheck.
 */
public final class QuestionnaireLoadBenchmark {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  record Participant(String login, String password, String token, String sessionId) {}

  record Result(int status, long nanos, String login) {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String jdbcUrl = args[1];
    List<String[]> credentials =
        Files.readAllLines(Path.of(args[2])).stream()
            .filter(l -> !l.isBlank())
            .map(l -> l.trim().split("\\s+"))
            .toList();
    String answers = Files.readString(Path.of(args[3])).trim();
    int concurrency = Integer.parseInt(args[4]);
    int seconds = Integer.parseInt(args[5]);
    Path ackFile = args.length > 6 ? Path.of(args[6]) : null;
    boolean skipCeiling = Boolean.getBoolean("bench.skipCeiling");

    ConnectionProvider pool =
        ConnectionProvider.builder("bench")
            .maxConnections(concurrency)
            .pendingAcquireMaxCount(-1)
            .pendingAcquireTimeout(Duration.ofMinutes(5))
            .build();
    HttpClient http =
        HttpClient.create(pool)
            .baseUrl(base)
            .responseTimeout(Duration.ofSeconds(30))
            .compress(false);

    System.out.printf(
        "participants: %d, concurrency: %d, duration: %d s%n",
        credentials.size(), concurrency, seconds);

    // 40 sign-ins at a time, so that a jar from before issue 24 can be measured too: its throttle
    // counted every attempt against the address until found right, and 50 in flight locked it.
    List<Participant> prepared = prepare(http, credentials, Math.min(concurrency, 40));
    if (prepared.isEmpty()) {
      System.out.println("no participant could sign in and start; stopping");
      System.exit(1);
    }
    Queue<Participant> ready = new ConcurrentLinkedQueue<>(prepared);

    if (!skipCeiling) {
      ceiling(jdbcUrl, answers, concurrency, seconds);
    }
    double rate = Double.parseDouble(System.getProperty("bench.rate", "0"));

    String body = "{\"answers\":" + answers + "}";
    List<Result> all = new ArrayList<>();
    int warmup = Integer.getInteger("bench.warmup", 20);
    List<Participant> tokens = List.copyOf(prepared);
    boolean httpCeiling = !skipCeiling && hasHttpCeiling(http, tokens.get(0), body);
    if (httpCeiling) {
      List<Result> warmCeiling = ceilingLoop(http, tokens, body, concurrency, warmup / 2);
      System.out.printf("HTTP ceiling warm-up: %d in %d s%n", warmCeiling.size(), warmup / 2);
    }
    List<Result> warm = closedLoop(http, ready, body, concurrency, warmup);
    System.out.printf("warm-up: %d submissions in %d s, not measured%n", warm.size(), warmup);
    all.addAll(warm);

    double ceilingRate = 0;
    if (httpCeiling) {
      CpuUse cpu = CpuUse.start();
      List<Result> ceiling = ceilingLoop(http, tokens, body, concurrency, seconds);
      report("HTTP ceiling (" + concurrency + " in flight)", ceiling, seconds);
      cpu.report(ceiling.size());
      ceilingRate = ok(ceiling) / (double) seconds;
    }

    CpuUse cpu = CpuUse.start();
    List<Result> capacity = closedLoop(http, ready, body, concurrency, seconds);
    report("capacity (" + concurrency + " in flight)", capacity, seconds);
    cpu.report(capacity.size());
    all.addAll(capacity);
    double capacityRate = ok(capacity) / (double) seconds;
    if (ceilingRate > 0) {
      System.out.printf(
          "full submit / HTTP ceiling: %.0f / %.0f = %.0f %%%n",
          capacityRate, ceilingRate, 100 * capacityRate / ceilingRate);
    }
    if (rate <= 0) {
      rate = capacityRate > 0 ? capacityRate / 2 : 100;
    }

    List<Result> paced = paced(http, ready, body, rate, seconds);
    report(
        String.format("paced (%.0f/s due, %d participants connected)", rate, concurrency),
        paced,
        seconds);
    all.addAll(paced);

    List<String> acknowledged =
        all.stream().filter(r -> r.status() == 200).map(Result::login).toList();
    if (ackFile != null) {
      Files.write(ackFile, acknowledged);
    }
    pool.disposeLater().block();

    if (!Boolean.getBoolean("bench.skipCheck")) {
      check(jdbcUrl, acknowledged);
    }
  }

  /** Signs every participant in and starts their session; not part of the measured window. */
  private static List<Participant> prepare(
      HttpClient http, List<String[]> credentials, int concurrency) {
    long started = System.nanoTime();
    AtomicInteger failed = new AtomicInteger();
    Map<String, Integer> failures = new ConcurrentHashMap<>();
    List<Participant> ready =
        Flux.fromIterable(credentials)
            .flatMap(
                c ->
                    signIn(http, c[0], c[1])
                        .flatMap(
                            token ->
                                start(http, token)
                                    .map(id -> new Participant(c[0], c[1], token, id)))
                        .onErrorResume(
                            e -> {
                              failed.incrementAndGet();
                              failures.merge(e.getMessage(), 1, Integer::sum);
                              return Mono.empty();
                            }),
                concurrency)
            .collectList()
            .block();
    double s = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        "prepare: %d signed in and started in %.1f s (%.0f/s), %d failed %s%n",
        ready.size(), s, ready.size() / s, failed.get(), failures.isEmpty() ? "" : failures);
    return ready;
  }

  private static Mono<String> signIn(HttpClient http, String login, String password) {
    String form =
        "grant_type=password&username="
            + URLEncoder.encode(login, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return http.headers(
            h -> h.set(HttpHeaderNames.CONTENT_TYPE, "application/x-www-form-urlencoded"))
        .post()
        .uri("/oauth2/token")
        .send(ByteBufFlux.fromString(Mono.just(form)))
        .responseSingle(
            (response, content) ->
                content
                    .asString()
                    .defaultIfEmpty("")
                    .flatMap(
                        text ->
                            response.status().code() == 200
                                ? Mono.just(field(text, "access_token"))
                                : Mono.error(
                                    new IllegalStateException(
                                        "sign-in " + response.status().code() + " " + text))));
  }

  private static Mono<String> start(HttpClient http, String token) {
    return http.headers(h -> h.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token))
        .post()
        .uri("/api/questionnaire-sessions")
        .responseSingle(
            (response, content) ->
                content
                    .asString()
                    .defaultIfEmpty("")
                    .flatMap(
                        text -> {
                          int code = response.status().code();
                          return code == 200 || code == 201
                              ? Mono.just(field(text, "id"))
                              : Mono.error(new IllegalStateException("start " + code + " " + text));
                        }));
  }

  /** Each participant submits once, CONCURRENCY at a time, until SECONDS have passed. */
  private static List<Result> closedLoop(
      HttpClient http, Queue<Participant> ready, String body, int concurrency, int seconds) {
    long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
    Flux.<Participant>generate(
            sink -> {
              Participant next = System.nanoTime() < deadline ? ready.poll() : null;
              if (next == null) {
                sink.complete();
              } else {
                sink.next(next);
              }
            })
        .flatMap(
            p -> submitOne(http, p, body, System.nanoTime()).doOnNext(results::add), concurrency)
        .blockLast();
    if (ready.isEmpty()) {
      System.out.println("note: every prepared participant has submitted — prepare more");
    }
    return new ArrayList<>(results);
  }

  /**
   * The HTTP ceiling: CONCURRENCY requests always in flight for SECONDS, the participants' tokens
   * used round and round (the endpoint keeps no session, so nobody runs out).
   */
  private static List<Result> ceilingLoop(
      HttpClient http, List<Participant> tokens, String body, int concurrency, int seconds) {
    long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    AtomicLong next = new AtomicLong();
    ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
    Flux.<Participant>generate(
            sink -> {
              if (System.nanoTime() < deadline) {
                sink.next(tokens.get((int) (next.getAndIncrement() % tokens.size())));
              } else {
                sink.complete();
              }
            })
        .flatMap(
            p -> post(http, p, CEILING, body, System.nanoTime()).doOnNext(results::add),
            concurrency)
        .blockLast();
    return new ArrayList<>(results);
  }

  private static final String CEILING = "/api/bench/submission-ceiling";

  /** Whether the server was started with the bench profile (else the path is not there). */
  private static boolean hasHttpCeiling(HttpClient http, Participant p, String body) {
    int status = post(http, p, CEILING, body, System.nanoTime()).block().status();
    if (status != 200) {
      System.out.printf(
          "HTTP ceiling: not measured (%s answered %d; start the jar with"
              + " SPRING_PROFILES_ACTIVE=bench)%n",
          CEILING, status);
    }
    return status == 200;
  }

  private static long ok(List<Result> results) {
    return results.stream().filter(r -> r.status() == 200).count();
  }

  /**
   * Submissions due at a fixed rate, each sent when due whatever the server is doing (an open
   * model: participants do not wait for each other), at most CONCURRENCY in flight on as many
   * connections; a late one waits for a connection and its wait counts.
   */
  private static List<Result> paced(
      HttpClient http, Queue<Participant> ready, String body, double rate, int seconds)
      throws InterruptedException {
    int due = (int) (rate * seconds);
    ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
    CountDownLatch done = new CountDownLatch(due);
    long start = System.nanoTime();
    int sent = 0;
    for (; sent < due; sent++) {
      Participant p = ready.poll();
      if (p == null) {
        System.out.printf("note: only %d participants left for %d due — prepare more%n", sent, due);
        break;
      }
      long dueAt = start + (long) (sent * 1e9 / rate);
      long wait = dueAt - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      submitOne(http, p, body, dueAt)
          .doOnNext(results::add)
          .doFinally(signal -> done.countDown())
          .subscribe();
    }
    for (int i = sent; i < due; i++) {
      done.countDown();
    }
    done.await(5, TimeUnit.MINUTES);
    return new ArrayList<>(results);
  }

  /** One submission; its latency counts from {@code sent}, when it was due. */
  private static Mono<Result> submitOne(HttpClient http, Participant p, String body, long sent) {
    return post(
        http, p, "/api/questionnaire-sessions/" + p.sessionId() + "/submission", body, sent);
  }

  private static Mono<Result> post(
      HttpClient http, Participant p, String path, String body, long sent) {
    return http.headers(
            h ->
                h.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + p.token())
                    .set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                    .set("Idempotency-Key", UUID.randomUUID().toString()))
        .post()
        .uri(path)
        .send(ByteBufFlux.fromString(Mono.just(body)))
        .responseSingle(
            (response, content) ->
                content
                    .asString()
                    .defaultIfEmpty("")
                    .map(
                        text -> {
                          int code = response.status().code();
                          if (code != 200 && FIRST_ERRORS.incrementAndGet() <= 3) {
                            System.out.println("error " + code + ": " + text);
                          }
                          return new Result(code, System.nanoTime() - sent, p.login());
                        }))
        .onErrorResume(
            e -> {
              if (FIRST_ERRORS.incrementAndGet() <= 3) {
                System.out.println("error: " + e);
              }
              return Mono.just(new Result(-1, System.nanoTime() - sent, p.login()));
            });
  }

  private static final AtomicLong FIRST_ERRORS = new AtomicLong();

  private static void report(String what, List<Result> results, int seconds) {
    long[] latencies =
        results.stream().filter(r -> r.status() == 200).mapToLong(Result::nanos).sorted().toArray();
    long errors = results.stream().filter(r -> r.status() != 200).count();
    Map<Integer, Long> byStatus = new java.util.TreeMap<>();
    results.forEach(r -> byStatus.merge(r.status(), 1L, Long::sum));
    System.out.printf(
        "%s: %d acknowledged, %.0f/s over %d s; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms,"
            + " max %.1f ms; errors %d %s%n",
        what,
        latencies.length,
        latencies.length / (double) seconds,
        seconds,
        percentile(latencies, 50),
        percentile(latencies, 95),
        percentile(latencies, 99),
        latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6,
        errors,
        byStatus);
  }

  private static double percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  /** Every acknowledged submission must be in the database, submitted, with its event. */
  private static void check(String jdbcUrl, List<String> acknowledged) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
      Array logins = c.createArrayOf("text", acknowledged.toArray());
      try (PreparedStatement s =
          c.prepareStatement(
              "select count(*) from questionnaire_session where status = 'SUBMITTED'"
                  + " and login = any(?)")) {
        s.setArray(1, logins);
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          long found = rs.getLong(1);
          System.out.printf(
              "check: %d acknowledged, %d of them SUBMITTED in the database, lost %d%n",
              acknowledged.size(), found, acknowledged.size() - found);
        }
      }
    }
  }

  /**
   * The ceiling: the rows a submission writes — the submitted session and its outbox event, in one
   * transaction with a commit that waits for the disk — inserted over plain JDBC by as many threads
   * as the server's connection pool has, and by as many as the load had participants.
   */
  private static double ceiling(String jdbcUrl, String answers, int concurrency, int seconds)
      throws Exception {
    double best = 0;
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
        Statement s = c.createStatement()) {
      s.execute(
          "create table if not exists bench_session (like questionnaire_session including defaults)");
      s.execute("create table if not exists bench_outbox (like outbox including all)");
      s.execute("truncate bench_session, bench_outbox");
    }
    int measured = Math.max(10, seconds / 2);
    for (int threads : new int[] {20, Math.min(200, concurrency)}) {
      AtomicLong rows = new AtomicLong();
      long deadline = System.nanoTime() + Duration.ofSeconds(measured).toNanos();
      CountDownLatch done = new CountDownLatch(threads);
      List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
      for (int t = 0; t < threads; t++) {
        new Thread(
                () -> {
                  try (Connection c =
                      DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
                    c.setAutoCommit(false);
                    insertUntil(c, answers, deadline, rows);
                  } catch (Throwable e) {
                    failures.add(e);
                  } finally {
                    done.countDown();
                  }
                })
            .start();
      }
      done.await();
      if (!failures.isEmpty()) {
        throw new IllegalStateException("ceiling failed", failures.get(0));
      }
      double rate = rows.get() / (double) measured;
      best = Math.max(best, rate);
      System.out.printf(
          "ceiling (JDBC, %d threads, one transaction per submission): %.0f/s over %d s%n",
          threads, rate, measured);
    }
    return best;
  }

  private static void insertUntil(Connection c, String answers, long deadline, AtomicLong rows)
      throws SQLException {
    try (PreparedStatement session =
            c.prepareStatement(
                "insert into bench_session (id, login, questionnaire_id, definition_version,"
                    + " campaign_id, subject_key, organization_id, region_code, status, answers,"
                    + " revision, started_at, updated_at, submitted_at, submit_key)"
                    + " values (?, ?, 1, 1, 1, 'rus', 1, '64', 'SUBMITTED', cast(? as jsonb), 1,"
                    + " now(), now(), now(), ?)");
        PreparedStatement event =
            c.prepareStatement(
                "insert into bench_outbox (topic, event_key, payload) values"
                    + " ('questionnaires.QuestionnaireSubmitted', ?, cast(? as jsonb))")) {
      while (System.nanoTime() < deadline) {
        UUID id = UUID.randomUUID();
        session.setObject(1, id);
        session.setString(2, "ulit64" + id.toString().substring(0, 8));
        session.setString(3, answers);
        session.setString(4, UUID.randomUUID().toString());
        session.executeUpdate();
        event.setString(1, id.toString());
        event.setString(
            2,
            "{\"sessionId\":\""
                + id
                + "\",\"campaignId\":1,\"organizationId\":1,\"regionCode\":\"64\","
                + "\"subjectKey\":\"rus\",\"category\":\"TEACHER\",\"submittedAt\":\"2026-11-23T15:00:00Z\"}");
        event.executeUpdate();
        c.commit();
        rows.incrementAndGet();
      }
    }
  }

  /**
   * Where the machine's CPU went during a phase: the server JVM, its PostgreSQL (the postmaster and
   * every process under it) and this load generator, read from /proc (Linux; skipped elsewhere).
   * System properties bench.serverPid and bench.postgresPid name the processes.
   */
  private record CpuUse(long[] ticks, long startedNanos) {

    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    static CpuUse start() {
      return new CpuUse(read(), System.nanoTime());
    }

    void report(int submissions) {
      if (submissions == 0) {
        return;
      }
      long[] now = read();
      double seconds = (System.nanoTime() - startedNanos) / 1e9;
      String[] names = {"server", "PostgreSQL", "load generator"};
      StringBuilder line = new StringBuilder("CPU during capacity (cores; ms per submission):");
      for (int i = 0; i < names.length; i++) {
        double used = (now[i] - ticks[i]) / (double) TICKS_PER_SECOND;
        line.append(
            String.format(
                " %s %.2f; %.2f ms,", names[i], used / seconds, used * 1000 / submissions));
      }
      System.out.println(line.substring(0, line.length() - 1));
    }

    private static long[] read() {
      long server = Long.getLong("bench.serverPid", -1);
      long postmaster = Long.getLong("bench.postgresPid", -1);
      return new long[] {
        ticksOf(server),
        postmaster < 0 ? 0 : ticksOfTree(postmaster),
        ticksOf(ProcessHandle.current().pid())
      };
    }

    private static long ticksOfTree(long root) {
      return ticksOf(root)
          + ProcessHandle.of(root).stream()
              .flatMap(ProcessHandle::descendants)
              .mapToLong(p -> ticksOf(p.pid()))
              .sum();
    }

    /** utime + stime of a process, in clock ticks; 0 if it cannot be read. */
    private static long ticksOf(long pid) {
      if (pid < 0) {
        return 0;
      }
      try {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        // the command name (field 2) may hold spaces: count fields after its closing parenthesis
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      } catch (Exception e) {
        return 0;
      }
    }
  }

  private static String field(String json, String name) {
    JsonNode node = JSON.readTree(json).get(name);
    if (node == null) {
      throw new IllegalStateException("no " + name + " in " + json);
    }
    return node.asString();
  }

  private QuestionnaireLoadBenchmark() {}
}
