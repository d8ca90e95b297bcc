package org.oko.results;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.oko.api.model.Campaign;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The synthetic-country generator: regions, municipalities and schools written into the hierarchy,
 * participants with realistic scores (a school effect, the student's ability and each task's
 * difficulty, partial credit point by point — a Rasch-like model), journal grades, and planted
 * anomalies of each kind in a known set of schools. Results go in through {@link
 * ProtocolService#apply}, the path every submitted protocol takes. See docs/results.md and
 * docs/benchmarks.md ("Results").
 */
final class SyntheticCountry {

  /**
   * @param firstRegion the first region code used (regions firstRegion…firstRegion+regions−1)
   * @param plantedPerKind schools planted with each kind of anomaly (per country)
   * @param largestRegion schools of the first region when it is larger than the others (the issue's
   *     region table of 2 000 schools), 0 when it is like the others
   */
  record Plan(
      int firstRegion,
      int regions,
      int municipalitiesPerRegion,
      int schoolsPerRegion,
      int participantsPerSchool,
      int[] taskMax,
      int plantedPerKind,
      long seed,
      int largestRegion) {

    Plan(
        int firstRegion,
        int regions,
        int municipalitiesPerRegion,
        int schoolsPerRegion,
        int participantsPerSchool,
        int[] taskMax,
        int plantedPerKind,
        long seed) {
      this(
          firstRegion,
          regions,
          municipalitiesPerRegion,
          schoolsPerRegion,
          participantsPerSchool,
          taskMax,
          plantedPerKind,
          seed,
          0);
    }

    /** Schools of the plan's {@code r}-th region (from 0). */
    int schoolsIn(int r) {
      return r == 0 && largestRegion > 0 ? largestRegion : schoolsPerRegion;
    }

    /** Schools before the {@code r}-th region. */
    int schoolsBefore(int r) {
      return r == 0 ? 0 : schoolsIn(0) + (r - 1) * schoolsPerRegion;
    }

    int schools() {
      return schoolsBefore(regions);
    }

    int maxScore() {
      int s = 0;
      for (int m : taskMax) {
        s += m;
      }
      return s;
    }

    /** The scale the generator sets: 3 from 30 %, 4 from 55 %, 5 from 80 % of the maximum. */
    int[] boundaries() {
      int max = maxScore();
      return new int[] {
        (int) Math.round(0.30 * max), (int) Math.round(0.55 * max), (int) Math.round(0.80 * max)
      };
    }
  }

  /** The planted anomaly of a school, or null for a clean one. */
  record School(long id, String regionCode, FlagCode planted) {}

  record Country(List<School> schools, long participants) {}

  /** Fifteen tasks worth 1 or 2 points, as a ВПР in mathematics. */
  static final int[] FIFTEEN_TASKS = {1, 1, 1, 1, 2, 1, 1, 2, 1, 2, 2, 1, 2, 2, 2};

  static final List<FlagCode> PLANTED =
      List.of(
          FlagCode.HIGH_RESULTS,
          FlagCode.BOUNDARY_SPIKES,
          FlagCode.TASK_DIFFICULTY,
          FlagCode.IDENTICAL_VECTORS,
          FlagCode.JOURNAL_MISMATCH);

  private SyntheticCountry() {}

  /** Writes the hierarchy: regions, municipalities and schools (logins {@code sy<run><n>}). */
  static List<School> hierarchy(DatabaseClient db, Plan plan, int run) {
    List<School> schools = new ArrayList<>();
    Random random = new Random(plan.seed());
    int total = plan.schools();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      order.add(i);
    }
    java.util.Collections.shuffle(order, random);
    Map<Integer, FlagCode> planted = new HashMap<>();
    int k = 0;
    for (FlagCode kind : PLANTED) {
      for (int i = 0; i < plan.plantedPerKind(); i++) {
        planted.put(order.get(k++), kind);
      }
    }
    for (int r = 0; r < plan.regions(); r++) {
      String code = String.format("%02d", plan.firstRegion() + r);
      db.sql(
              "insert into region (code, name, time_zone) values (:c, :n, 'Europe/Moscow')"
                  + " on conflict do nothing")
          .bind("c", code)
          .bind("n", "Синтетический регион " + code)
          .then()
          .block();
      List<Long> municipalities = new ArrayList<>();
      for (int m = 0; m < plan.municipalitiesPerRegion(); m++) {
        municipalities.add(
            db.sql(
                    "insert into municipality (region_code, name) values (:c, :n)"
                        + " on conflict (region_code, name) do update set name = excluded.name"
                        + " returning id")
                .bind("c", code)
                .bind("n", "Синтетический район " + (m + 1))
                .map(row -> row.get("id", Long.class))
                .one()
                .block());
      }
      int first = plan.schoolsBefore(r);
      List<Long> ids =
          db.sql(
                  """
                  insert into organization (login, name, kind, region_code, municipality_id,
                      settlement_type)
                  select format('sy%s%s', :run, lpad(i::text, 6, '0')), format('Школа № %s', i),
                         'SCHOOL', :code, (cast(:munis as bigint[]))[1 + i % :nm], 'CITY'
                  from generate_series(:first, :last) i order by i
                  returning id
                  """)
              .bind("run", String.format("%02d", run % 100))
              .bind("code", code)
              .bind("munis", municipalities.toArray(Long[]::new))
              .bind("nm", municipalities.size())
              .bind("first", first)
              .bind("last", first + plan.schoolsIn(r) - 1)
              .map(row -> row.get("id", Long.class))
              .all()
              .collectList()
              .block();
      for (int i = 0; i < ids.size(); i++) {
        schools.add(new School(ids.get(i), code, planted.get(first + i)));
      }
    }
    return schools;
  }

  /** Every school's participants, clean or with its planted anomaly. */
  static List<Participant> participants(Plan plan, School school, Subject subject, Random random) {
    int n = Math.max(5, plan.participantsPerSchool() + (int) Math.round(random.nextGaussian() * 3));
    int tasks = plan.taskMax().length;
    double[] difficulty = difficulties(tasks);
    double schoolEffect = 0.5 * random.nextGaussian();
    FlagCode kind = school.planted();
    if (kind == FlagCode.HIGH_RESULTS) {
      schoolEffect = 2.8;
    }
    List<Participant> out = new ArrayList<>();
    int[] copied = null;
    for (int p = 0; p < n; p++) {
      double ability = schoolEffect + random.nextGaussian();
      int[] scores = new int[tasks];
      for (int t = 0; t < tasks; t++) {
        double chance = 1 / (1 + Math.exp(-(ability - difficulty[t])));
        if (kind == FlagCode.TASK_DIFFICULTY) {
          // the hard tasks (the last ones) «solved», the easy ones less than by chance
          chance = difficulty[t] > 0.5 ? 0.9 : difficulty[t] < -0.5 ? 0.35 : chance;
        }
        for (int point = 0; point < plan.taskMax()[t]; point++) {
          if (random.nextDouble() < chance) {
            scores[t]++;
          }
        }
      }
      if (kind == FlagCode.IDENTICAL_VECTORS && p % 5 < 2) {
        if (copied == null) {
          copied = scores.clone();
          if (sum(copied) == 0 || sum(copied) == plan.maxScore()) {
            copied[0] = 1;
            copied[1] = 0;
          }
        }
        scores = copied.clone();
      }
      if (kind == FlagCode.BOUNDARY_SPIKES) {
        // marks «pulled»: a total one to three points short of a boundary is raised to it
        int total = sum(scores);
        for (int b : plan.boundaries()) {
          if (total >= b - 3 && total < b) {
            raise(scores, plan.taskMax(), b - total);
            break;
          }
        }
      }
      int total = sum(scores);
      Integer grade = subject.grade(total);
      int journal = grade;
      double u = random.nextDouble();
      if (kind == FlagCode.JOURNAL_MISMATCH) {
        journal = u < 0.7 ? grade - 1 : grade;
      } else if (u < 0.3) {
        journal = grade + 1;
      } else if (u < 0.38) {
        journal = grade - 1;
      }
      journal = Math.max(2, Math.min(5, journal));
      out.add(
          new Participant(
              String.format("%05d", p + 1), "4А", 1 + p % 2, scores, total, grade, journal));
    }
    return out;
  }

  /** Task difficulties from easy to hard, spread over −1.8…1.8 (logits). */
  static double[] difficulties(int tasks) {
    double[] d = new double[tasks];
    for (int t = 0; t < tasks; t++) {
      d[t] = tasks == 1 ? 0 : -1.8 + 3.6 * t / (tasks - 1);
    }
    return d;
  }

  private static void raise(int[] scores, int[] max, int points) {
    for (int t = 0; t < scores.length && points > 0; t++) {
      while (scores[t] < max[t] && points > 0) {
        scores[t]++;
        points--;
      }
    }
  }

  private static int sum(int[] a) {
    int s = 0;
    for (int v : a) {
      s += v;
    }
    return s;
  }

  /**
   * Generates the country into a campaign whose subject has {@code plan.taskMax()} tasks: the
   * hierarchy, the scale, and every school's protocol through {@link ProtocolService#apply}.
   */
  static Country generate(
      DatabaseClient db,
      ResultsStore store,
      ProtocolService protocols,
      long campaignId,
      String subjectKey,
      Plan plan,
      int run,
      int concurrency) {
    List<School> schools = hierarchy(db, plan, run);
    store
        .putScale(campaignId, subjectKey, plan.boundaries(), java.time.Instant.now(), "bench")
        .block();
    Subject subject = store.subject(campaignId, subjectKey).block();
    Random random = new Random(plan.seed() + 1);
    Map<Long, List<Participant>> all = new LinkedHashMap<>();
    long participants = 0;
    for (School s : schools) {
      List<Participant> list = participants(plan, s, subject, random);
      all.put(s.id(), list);
      participants += list.size();
    }
    Flux.fromIterable(all.entrySet())
        .flatMap(
            e ->
                Mono.defer(
                    () -> protocols.apply(subject, e.getKey(), 0, e.getKey(), 1, e.getValue())),
            concurrency)
        .blockLast();
    return new Country(schools, participants);
  }

  /** A ВПР campaign of the plan's regions with one subject, math-5, of the plan's tasks. */
  static long campaign(DatabaseClient db, WebTestClient client, Plan plan) {
    StringBuilder tasks = new StringBuilder();
    for (int i = 0; i < plan.taskMax().length; i++) {
      tasks
          .append(i == 0 ? "" : ",")
          .append("{\"label\":\"")
          .append(i + 1)
          .append("\",")
          .append("\"maxScore\":")
          .append(plan.taskMax()[i])
          .append('}');
    }
    StringBuilder regions = new StringBuilder();
    for (int r = 0; r < plan.regions(); r++) {
      String code = String.format("%02d", plan.firstRegion() + r);
      db.sql(
              "insert into region (code, name, time_zone) values (:c, :n, 'Europe/Moscow')"
                  + " on conflict do nothing")
          .bind("c", code)
          .bind("n", "Синтетический регион " + code)
          .then()
          .block();
      regions.append(r == 0 ? "" : ",").append('"').append(code).append('"');
    }
    return client
        .post()
        .uri("/api/campaigns")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            ("{\"kind\":\"VPR\",\"title\":\"Синтетическая страна %d\",\"academicYear\":"
                    + "\"2025/2026\",\"subjects\":[{\"key\":\"math-5\",\"name\":\"Математика\","
                    + "\"grade\":5,\"tasks\":[%s]}],\"regionCodes\":[%s]}")
                .formatted(System.nanoTime() % 100000, tasks, regions))
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(Campaign.class)
        .returnResult()
        .getResponseBody()
        .getId();
  }
}
