package org.oko.overview;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.oko.overview.CountryMonitoringLoader.Loaded;
import org.oko.overview.CountryMonitoringLoader.Size;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The country's monitoring benchmark (issue 24, part 3; docs/benchmarks.md, «A country's
 * monitoring»): {@link CountryMonitoringLoader} loads the country, then {@code oko.bench.users}
 * coordinators — half federal, half region 64's (the largest region) — read the monitoring pages'
 * API calls for {@code oko.bench.duration} seconds, each coordinator one call after another, the
 * calls in turn. The calls are the ones the SPA's pages make (forms monitoring, questionnaire
 * monitoring, the scans dashboard and its errors page, the organization lists and the organization
 * page), first and deep pages. The baseline, in the same run and under the same load, is an indexed
 * authenticated GET (the campaign). Run by {@code backend/bench/monitoring-country.sh}.
 */
@EnabledIfSystemProperty(named = "oko.bench.monitoring", matches = "true")
class MonitoringCountryBenchmark extends ApiTest {

  private static final String BASELINE = "baseline GET /api/campaigns/{id}";

  @Autowired DatabaseClient db;

  /** One API call of a page, as a coordinator's SPA makes it. */
  private record Call(String name, String path) {}

  private static int prop(String name, int fallback) {
    return Integer.getInteger("oko.bench." + name, fallback);
  }

  @Test
  void country() throws Exception {
    Size size =
        new Size(
            prop("regions", 85),
            prop("municipalities", 28),
            prop("schools", 453),
            prop("largest", 2000),
            prop("rows", 25),
            prop("sessions", 1_000_000),
            prop("sheets", 200));
    long started = System.nanoTime();
    Loaded loaded = new CountryMonitoringLoader(db).load(size);
    log(
        "country: %d regions (64 with %d more schools), %d schools elsewhere each, %d"
            + " municipalities and points per region; loaded in %.1f s",
        size.regions(),
        size.largest(),
        size.schools(),
        size.municipalities(),
        (System.nanoTime() - started) / 1e9);
    log("data set: %s", loaded.rows());
    log("data set size: %s", databaseSize());

    Map<String, List<Call>> calls = calls(loaded, size);
    Map<String, String> tokens =
        Map.of("federal", accessToken("federal"), "region64", accessToken("region64"));
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    // Every call once, so that a failing one shows before the load.
    for (Map.Entry<String, List<Call>> role : calls.entrySet()) {
      for (Call call : role.getValue()) {
        HttpResponse<String> r = send(http, tokens.get(role.getKey()), call);
        log(
            "check %s %s: %d, %d bytes%s",
            role.getKey(),
            call.name(),
            r.statusCode(),
            r.body().length(),
            r.statusCode() == 200 ? "" : " " + abbreviate(r.body()));
      }
    }
    String campaign = "/api/campaigns/" + loaded.formsCampaign();
    double[] idle = new double[60];
    for (int i = 0; i < idle.length; i++) {
      long t = System.nanoTime();
      send(http, tokens.get("federal"), new Call(BASELINE, campaign));
      idle[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(idle);
    log("baseline alone (no other load): %s", stats(idle));
    alone(http, tokens, calls, prop("alone", 5));

    int users = prop("users", 50);
    int warmup = prop("warmup", 10);
    int duration = prop("duration", 60);
    // THINK=0,3000: the closed loop at full speed, then people who read each page, in turn
    for (String each : System.getProperty("oko.bench.think", "0").split(",")) {
      int think = Integer.parseInt(each.strip());
      log(
          "%d coordinators, each %s; %d s warm-up, %d s measured",
          users,
          think == 0
              ? "calling again as soon as answered (no think time)"
              : "reading a page for " + think + " ms on average (think time) between calls",
          warmup,
          duration);
      run(http, tokens, calls, users, warmup, think, null);
      Map<String, List<Double>> times = new ConcurrentHashMap<>();
      Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
      log("uptime before the measured load: %s", uptime());
      run(http, tokens, calls, users, duration, think, new Recorder(times, errors));
      log("uptime after the measured load: %s", uptime());
      report(times, errors, users, duration);
    }

    int hold = prop("hold", 0);
    if (hold > 0) {
      long port = id("select inet_server_port()");
      long point =
          id("select min(id) from organization where login like 'synp%' and region_code = '64'");
      long schools = id("select count(*) from organization where kind = 'SCHOOL'");
      long school = id("select min(id) from organization where login like 'syn0%'");
      log(
          "holding %d s for EXPLAIN: psql -h localhost -p %d -U postgres oko -v campaign=%d"
              + " -v form=%d -v omk=%d -v scans=%d -v point=%d -v lastoffset=%d -v school=%d"
              + " -f backend/bench/monitoring-country-explain.sql",
          hold,
          port,
          loaded.formsCampaign(),
          loaded.formId(),
          loaded.questionnaireCampaign(),
          loaded.scansCampaign(),
          point,
          last(schools, 50) * 50,
          school);
      Thread.sleep(hold * 1000L);
    }
  }

  /**
   * Each call's own latency with no other load: {@code times} calls one after another (after one
   * unmeasured), so that a slow query shows apart from the queue the concurrent load builds.
   */
  private void alone(
      HttpClient http, Map<String, String> tokens, Map<String, List<Call>> calls, int times)
      throws Exception {
    if (times <= 0) {
      return;
    }
    for (Map.Entry<String, List<Call>> role : calls.entrySet()) {
      for (Call call : role.getValue()) {
        String token = tokens.get(role.getKey());
        send(http, token, call);
        double[] ms = new double[times];
        for (int i = 0; i < times; i++) {
          long t = System.nanoTime();
          send(http, token, call);
          ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        log("alone %-60s %s", role.getKey() + " | " + call.name(), stats(ms));
      }
    }
  }

  /** The pages' calls per coordinator: federal and region 64's, first pages and deep ones. */
  private Map<String, List<Call>> calls(Loaded loaded, Size size) {
    long form = loaded.formId();
    long omk = loaded.questionnaireCampaign();
    long scans = loaded.scansCampaign();
    long vpr = loaded.formsCampaign();
    long school = id("select min(id) from organization where login like 'syn0%'");
    long point =
        id("select min(id) from organization where login like 'synp%' and region_code = '64'");
    long federalOrgs = id("select count(*) from organization");
    long regionOrgs = id("select count(*) from organization where region_code = '64'");
    long federalSchools = id("select count(*) from organization where kind = 'SCHOOL'");
    long regionSchools =
        id("select count(*) from organization where kind = 'SCHOOL' and region_code = '64'");
    long points = id("select count(*) from organization where kind = 'ASSESSMENT_POINT'");

    String monitoring = "/api/forms/" + form + "/monitoring?size=50&page=";
    String questionnaires = "/api/campaigns/" + omk + "/questionnaire-monitoring?size=50&";
    String progress = "/api/campaigns/" + scans + "/scans/progress?page=0&size=100";
    String organizations = "/api/organizations?size=20&page=";
    String overview = "/api/campaigns/" + vpr + "/organizations/" + school + "/overview";
    String pointOverview = "/api/campaigns/" + omk + "/organizations/" + point + "/overview";
    String scansOverview = "/api/campaigns/" + scans + "/organizations/" + point + "/overview";

    List<Call> shared =
        List.of(
            new Call(BASELINE, "/api/campaigns/" + vpr),
            new Call("form definition", "/api/forms/" + form),
            new Call("region choices", "/api/regions?page=0&size=100"),
            new Call("region 64 tree", "/api/regions/64/tree"),
            new Call("organization page: stages", overview),
            new Call("organization page: forms", overview + "/forms"),
            new Call("organization page: publications", overview + "/publications"),
            new Call("organization page: observers", overview + "/observers"),
            new Call("organization page: reports", overview + "/reports"),
            new Call("organization page (point): stages", pointOverview),
            new Call("organization page (point): kits", pointOverview + "/kits"),
            new Call(
                "organization page (point): questionnaires", pointOverview + "/questionnaires"),
            new Call("organization page (point): scans", scansOverview + "/scans"),
            new Call(
                "scans errors page: sheets",
                "/api/campaigns/"
                    + scans
                    + "/scan-sheets?organizationId="
                    + point
                    + "&status=ERROR&page=0&size=50"),
            new Call(
                "scans errors page: missing pages",
                "/api/campaigns/"
                    + scans
                    + "/scans/missing-pages?organizationId="
                    + point
                    + "&page=0&size=100"));
    List<Call> federal = new ArrayList<>(shared);
    federal.addAll(
        List.of(
            new Call("forms monitoring, first page", monitoring + 0),
            new Call("forms monitoring, last page", monitoring + last(federalSchools, 50)),
            new Call("forms monitoring, not started", monitoring + "0&status=NOT_STARTED"),
            new Call("forms monitoring, region 64", monitoring + "0&regionCode=64"),
            new Call("questionnaires by region", questionnaires + "level=REGION&page=0"),
            new Call(
                "questionnaires by point, last page",
                questionnaires + "level=POINT&page=" + last(points, 50)),
            new Call("scans dashboard by region", progress),
            new Call("organizations, first page", organizations + 0),
            new Call("organizations, last page", organizations + last(federalOrgs, 20))));
    List<Call> region = new ArrayList<>(shared);
    region.addAll(
        List.of(
            new Call("forms monitoring, first page", monitoring + 0),
            new Call("forms monitoring, last page", monitoring + last(regionSchools, 50)),
            new Call("forms monitoring, submitted", monitoring + "0&status=SUBMITTED"),
            new Call(
                "questionnaires by municipality", questionnaires + "level=MUNICIPALITY&page=0"),
            new Call("questionnaires by point", questionnaires + "level=POINT&page=0"),
            new Call("scans dashboard by organization", progress + "&regionCode=64"),
            new Call("organizations, first page", organizations + "0&regionCode=64"),
            new Call(
                "organizations, last page",
                organizations + last(regionOrgs, 20) + "&regionCode=64")));
    Map<String, List<Call>> byRole = new LinkedHashMap<>();
    byRole.put("federal", federal);
    byRole.put("region64", region);
    return byRole;
  }

  private static long last(long items, int size) {
    return Math.max(0, (items - 1) / size);
  }

  /** Records a measured call's time, or its error. */
  private record Recorder(Map<String, List<Double>> times, Map<String, AtomicLong> errors) {

    void record(String key, int status, double ms) {
      if (status == 200) {
        times
            .computeIfAbsent(key, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
            .add(ms);
      } else {
        errors.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
      }
    }
  }

  /** {@code users} coordinators, half of each role, each reading its calls in turn. */
  private void run(
      HttpClient http,
      Map<String, String> tokens,
      Map<String, List<Call>> calls,
      int users,
      int seconds,
      int think,
      Recorder recorder)
      throws InterruptedException {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    CountDownLatch done = new CountDownLatch(users);
    List<String> roles = new ArrayList<>(calls.keySet());
    for (int u = 0; u < users; u++) {
      String role = roles.get(u % roles.size());
      List<Call> mine = calls.get(role);
      int offset = u * 7;
      Thread thread =
          new Thread(
              () -> {
                try {
                  for (int i = offset; System.nanoTime() < end; i++) {
                    Call call = mine.get(i % mine.size());
                    long t = System.nanoTime();
                    int status;
                    try {
                      status = send(http, tokens.get(role), call).statusCode();
                    } catch (Exception e) {
                      status = -1;
                    }
                    if (recorder != null) {
                      recorder.record(
                          role + " | " + call.name(), status, (System.nanoTime() - t) / 1e6);
                    }
                    if (think > 0) {
                      // a person reads the page for THINK ms on average (from half to 1.5 times),
                      // so that the coordinators do not call in step
                      pause(
                          think / 2
                              + java.util.concurrent.ThreadLocalRandom.current()
                                  .nextInt(think + 1));
                    }
                  }
                } finally {
                  done.countDown();
                }
              },
              "coordinator-" + u);
      thread.setDaemon(true);
      thread.start();
    }
    done.await();
  }

  private static void pause(int ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void report(
      Map<String, List<Double>> times, Map<String, AtomicLong> errors, int users, int seconds) {
    long total = times.values().stream().mapToLong(List::size).sum();
    log(
        "%d coordinators for %d s: %d calls answered (%.0f/s), %d errors",
        users,
        seconds,
        total,
        total / (double) seconds,
        errors.values().stream().mapToLong(AtomicLong::get).sum());
    Map<String, double[]> sorted = new java.util.TreeMap<>();
    times.forEach(
        (k, v) -> {
          double[] a;
          synchronized (v) {
            a = v.stream().mapToDouble(Double::doubleValue).toArray();
          }
          Arrays.sort(a);
          sorted.put(k, a);
        });
    double baseline = p(sorted.getOrDefault("federal | " + BASELINE, new double[] {1}), 0.95);
    sorted.forEach(
        (k, a) ->
            log(
                "%-60s %s; p95 %.1f× the baseline's%s",
                k,
                stats(a),
                p(a, 0.95) / baseline,
                errors.containsKey(k) ? "; errors " + errors.get(k).get() : ""));
    errors.forEach(
        (k, n) -> {
          if (!sorted.containsKey(k)) {
            log("%-60s only errors: %d", k, n.get());
          }
        });
  }

  private HttpResponse<String> send(HttpClient http, String token, Call call) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(baseUrl() + call.path()))
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(60))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private long id(String sql) {
    return db.sql(sql).map(r -> ((Number) r.get(0)).longValue()).one().block();
  }

  private String databaseSize() {
    return db.sql("select pg_size_pretty(pg_database_size(current_database())) as s")
        .map(r -> r.get("s", String.class))
        .one()
        .block();
  }

  private static double p(double[] sorted, double q) {
    return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
  }

  private static String stats(double[] sorted) {
    return String.format(
        "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)",
        p(sorted, 0.50),
        p(sorted, 0.95),
        p(sorted, 0.99),
        sorted[sorted.length - 1],
        sorted.length);
  }

  private static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  private static String uptime() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException e) {
      return "?";
    }
  }

  private static void log(String format, Object... args) {
    System.out.println("[monitoring-bench] " + String.format(format, args));
  }
}
