package org.oko.results;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.oko.api.model.ObjectivityFlagCode;
import org.oko.api.model.ReportUnitPage;
import org.oko.results.SyntheticCountry.Country;
import org.oko.results.SyntheticCountry.Plan;
import org.oko.results.SyntheticCountry.School;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The results benchmark (docs/benchmarks.md, «Results»): a synthetic country loaded through the
 * protocol path, then, in the same run, the baseline {@code select count(*)} over its results, the
 * p95 of the country report, a region's table of schools and one organization's report over HTTP,
 * one school's resubmission until the reports show it, a rebuild of every tally, and the flags'
 * recall and false-positive rate. Run by {@code backend/bench/results.sh}.
 *
 * <p>The timed requests go through a plain HTTP client with the federal organizer's token: the test
 * client checks every response against openapi.yaml, which cost ~40 ms of the organization report's
 * 54 ms in session 7 (the report itself answers in ~6 ms with curl on the same data). Each URL is
 * still fetched once through the contract-checking client before it is timed.
 */
@EnabledIfSystemProperty(named = "oko.bench.results", matches = "true")
class ResultsBenchmark extends ApiTest {

  @Autowired DatabaseClient db;
  @Autowired ResultsStore store;
  @Autowired ParticipantStore participantStore;
  @Autowired ProtocolService protocols;
  @Autowired TallyService tallies;
  @Autowired FlagWorker flagWorker;
  @Autowired TransactionalOperator tx;

  private double rebuildSeconds;

  /** Every tally of the subject rebuilt in one transaction under its lock, timed. */
  private int rebuild(Subject subject) {
    long started = System.nanoTime();
    Integer rebuilt =
        store
            .lock(subject.campaignId(), subject.key())
            .then(tallies.rebuild(subject))
            .as(tx::transactional)
            .block();
    rebuildSeconds = (System.nanoTime() - started) / 1e9;
    return rebuilt;
  }

  private String size(String table) {
    return db.sql("select pg_size_pretty(pg_total_relation_size(cast(:t as regclass))) as s")
        .bind("t", table)
        .map(r -> r.get("s", String.class))
        .one()
        .block();
  }

  private static int prop(String name, int fallback) {
    return Integer.getInteger("oko.bench." + name, fallback);
  }

  @Test
  void country() throws InterruptedException {
    Plan plan =
        new Plan(
            prop("firstRegion", 10),
            prop("regions", 85),
            prop("municipalities", 10),
            prop("schools", 453),
            prop("participants", 25),
            SyntheticCountry.FIFTEEN_TASKS,
            prop("planted", 40),
            42,
            prop("largestRegion", 2000));
    boolean bulk = !"protocols".equals(System.getProperty("oko.bench.load", "bulk"));
    long campaign = campaign(plan);
    long started = System.nanoTime();
    Country country =
        bulk
            ? SyntheticCountryLoader.load(
                db, store, participantStore, campaign, "math-5", plan, (int) (campaign % 100))
            : SyntheticCountry.generate(
                db, store, protocols, campaign, "math-5", plan, (int) (campaign % 100), 4);
    double loadSeconds = (System.nanoTime() - started) / 1e9;
    log(
        "country: %d regions (the first of %d schools), %d schools, %d participants, %d scores;"
            + " loaded %s in %.1f s",
        plan.regions(),
        plan.schoolsIn(0),
        country.schools().size(),
        country.participants(),
        country.participants() * plan.taskMax().length,
        bulk
            ? "by batched inserts of 20 000 participants (SyntheticCountryLoader)"
            : "through ProtocolService.apply",
        loadSeconds);
    Subject loaded = store.subject(campaign, "math-5").block();
    log(
        "full rebuild of every tally (%d organizations, one transaction): %.1f s",
        rebuild(loaded), rebuildSeconds);
    started = System.nanoTime();
    Integer decided = flagWorker.refreshStale().block();
    log(
        "objectivity flags of every organization decided (%d, region by region): %.1f s",
        decided, (System.nanoTime() - started) / 1e9);
    log(
        "data set: result_participant %s, result_tally %s (pg_total_relation_size)",
        size("result_participant"), size("result_tally"));

    String base = "/api/campaigns/" + campaign + "/results/reports/math-5";
    String region = String.format("%02d", plan.firstRegion());
    School school = country.schools().get(0);
    WebTestClient federal = client;

    double[] baseline =
        time(
            30,
            () ->
                db.sql("select count(*) from result_participant where campaign_id = :c")
                    .bind("c", campaign)
                    .map(r -> r.get(0, Long.class))
                    .one()
                    .block());
    // The HTTP baseline: the same token, security chain and JSON, one indexed read (the campaign).
    double[] httpBaseline = timeGet(60, "/api/campaigns/" + campaign);
    double[] countryReport = timeGet(60, base);
    double[] regionTable =
        timeGet(
            60,
            base
                + "/units?regionCode="
                + region
                + "&rows=ORGANIZATION&sort=FLAGS&descending=true&size=100");
    double[] countryTable = timeGet(20, base + "/units");
    double[] orgReport = timeGet(100, base + "?organizationId=" + school.id());
    // The same baseline again right after, so a load swing during the run shows.
    double[] httpBaselineAfter = timeGet(60, "/api/campaigns/" + campaign);
    log("baseline select count(*) over the results: %s", stats(baseline));
    log("HTTP baseline GET /api/campaigns/{id} (one indexed read): %s", stats(httpBaseline));
    log("country report: %s", stats(countryReport));
    log("region table of %d schools (sorted by flags): %s", plan.schoolsIn(0), stats(regionTable));
    log("country table of regions (with flagged counts): %s", stats(countryTable));
    log("one organization's report: %s", stats(orgReport));
    log("HTTP baseline again, after the reports: %s", stats(httpBaselineAfter));

    // One school resubmits: the reports that include it follow.
    Subject subject = store.subject(campaign, "math-5").block();
    List<Participant> again =
        SyntheticCountry.participants(plan, school, subject, new Random(7)).stream()
            .limit(10)
            .toList();
    long before = System.nanoTime();
    protocols.apply(subject, school.id(), 0, school.id(), 2, again).block();
    double applied = (System.nanoTime() - before) / 1e6;
    String seen = get(federal, base + "?organizationId=" + school.id());
    double visible = (System.nanoTime() - before) / 1e6;
    log(
        "resubmission applied in %.1f ms (one transaction: participants replaced, 4 tally rows"
            + " moved); the organization's, region's and country's reports show it after %.1f ms"
            + " (%s)",
        applied, visible, seen.contains("\"participants\":10") ? "checked" : "NOT SEEN");

    log(
        "full rebuild again, after the reports (%d organizations, one transaction): %.1f s",
        rebuild(subject), rebuildSeconds);

    // Recall and false positives of the flags.
    int planted = 0;
    int found = 0;
    int clean = 0;
    int falsePositives = 0;
    for (int r = 0; r < plan.regions(); r++) {
      String code = String.format("%02d", plan.firstRegion() + r);
      java.util.Map<Long, List<ObjectivityFlagCode>> flags = new java.util.HashMap<>();
      for (int page = 0; page * 100 < plan.schoolsIn(r); page++) {
        ReportUnitPage table =
            federal
                .get()
                .uri(
                    base + "/units?rows=ORGANIZATION&size=100&page=" + page + "&regionCode=" + code)
                .exchange()
                .expectBody(ReportUnitPage.class)
                .returnResult()
                .getResponseBody();
        table
            .getItems()
            .forEach(row -> flags.put(Long.valueOf(row.getUnit().getId()), row.getFlags()));
      }
      for (School s : country.schools()) {
        if (!s.regionCode().equals(code) || s.id() == school.id()) {
          continue;
        }
        List<ObjectivityFlagCode> got = flags.getOrDefault(s.id(), List.of());
        if (s.planted() != null) {
          planted++;
          if (got.contains(ObjectivityFlagCode.fromValue(s.planted().name()))) {
            found++;
          }
        } else {
          clean++;
          if (!got.isEmpty()) {
            falsePositives++;
          }
        }
      }
    }
    log(
        "flags: recall %d of %d planted (%.1f %%), false positives %d of %d clean (%.2f %%)",
        found,
        planted,
        100.0 * found / Math.max(1, planted),
        falsePositives,
        clean,
        100.0 * falsePositives / Math.max(1, clean));

    // HOLD=seconds keeps the database up for EXPLAIN of the reports' statements.
    int hold = prop("hold", 0);
    if (hold > 0) {
      Long pgPort =
          db.sql("select inet_server_port()")
              .map(r -> r.get(0, Integer.class).longValue())
              .one()
              .block();
      log(
          "holding %d s for EXPLAIN: psql -h localhost -p %d -U postgres oko -v campaign=%d"
              + " -v organization=%d -v region=%s -f backend/bench/results-explain.sql;"
              + " the reports over plain HTTP: bash backend/bench/results-curl.sh %d %d %d",
          hold, pgPort, campaign, school.id(), school.regionCode(), port, campaign, school.id());
      Thread.sleep(hold * 1000L);
    }
  }

  /**
   * {@code n} timed GETs of {@code uri} as the federal organizer through a plain HTTP client, after
   * one through the contract-checking test client (see the class comment).
   */
  private double[] timeGet(int n, String uri) {
    get(client, uri);
    HttpClient plain = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + uri))
            .header("Authorization", "Bearer " + accessToken("federal"))
            .build();
    return time(
        n,
        () -> {
          try {
            HttpResponse<byte[]> response =
                plain.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
              throw new IllegalStateException(uri + " answered " + response.statusCode());
            }
            return response.body();
          } catch (IOException e) {
            throw new IllegalStateException(uri, e);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(uri, e);
          }
        });
  }

  private static String get(WebTestClient as, String uri) {
    return as.get()
        .uri(uri)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }

  private static double[] time(int n, Supplier<?> call) {
    for (int i = 0; i < 3; i++) {
      call.get();
    }
    double[] ms = new double[n];
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      call.get();
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    return ms;
  }

  private static String stats(double[] sorted) {
    return String.format(
        "median %.1f ms, p95 %.1f ms, max %.1f ms (n=%d)",
        sorted[sorted.length / 2],
        sorted[(int) Math.ceil(0.95 * sorted.length) - 1],
        sorted[sorted.length - 1],
        sorted.length);
  }

  private static void log(String format, Object... args) {
    System.out.println("[results-bench] " + String.format(format, args));
  }

  private long campaign(Plan plan) {
    StringBuilder tasks = new StringBuilder();
    for (int i = 0; i < plan.taskMax().length; i++) {
      tasks
          .append(i == 0 ? "" : ",")
          .append("{\"label\":\"")
          .append(i + 1)
          .append("\",\"maxScore\":")
          .append(plan.taskMax()[i])
          .append('}');
    }
    List<String> codes = new ArrayList<>();
    for (int r = 0; r < plan.regions(); r++) {
      String code = String.format("%02d", plan.firstRegion() + r);
      db.sql(
              "insert into region (code, name, time_zone) values (:c, :n, 'Europe/Moscow')"
                  + " on conflict do nothing")
          .bind("c", code)
          .bind("n", "Синтетический регион " + code)
          .then()
          .block();
      codes.add('"' + code + '"');
    }
    return client
        .post()
        .uri("/api/campaigns")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            ("{\"kind\":\"VPR\",\"title\":\"Бенчмарк результатов %d\",\"academicYear\":"
                    + "\"2025/2026\",\"subjects\":[{\"key\":\"math-5\",\"name\":\"Математика\","
                    + "\"grade\":5,\"tasks\":[%s]}],\"regionCodes\":[%s]}")
                .formatted(System.nanoTime() % 100000, tasks, String.join(",", codes)))
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(org.oko.api.model.Campaign.class)
        .returnResult()
        .getResponseBody()
        .getId();
  }
}
