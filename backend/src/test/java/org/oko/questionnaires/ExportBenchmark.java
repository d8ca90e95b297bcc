package org.oko.questionnaires;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.oko.api.model.Questionnaire;
import org.oko.testing.ApiTest;
import org.oko.testing.LiveSet;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.ExchangeStrategies;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The streamed export at a million rows (issue 23, "Performance": 1 000 000 questionnaire responses
 * as .xlsx < 120 s, heap flat, first byte < 1 s; the same as CSV and NDJSON; baseline {@code COPY …
 * TO STDOUT} of the same rows in the same run). Run by {@code backend/bench/exports.sh}.
 *
 * <p>The server and this client share one JVM: the client drops each chunk as it arrives, so the
 * heap figure is the server's (plus the client's few buffers). Heap is sampled every 50 ms; the
 * figure is the peak of used heap during the download minus the used heap after a GC before it.
 */
@EnabledIfSystemProperty(named = "oko.bench.exports", matches = "true")
class ExportBenchmark extends ApiTest {

  private static final int KITS_PER_RANGE = 10_000;

  @Autowired DatabaseClient db;
  @Autowired Environment environment;

  /**
   * The same exports at two sizes in one run (SMALL_ROWS, a tenth of ROWS unless given, first): a
   * flat heap is the same live set at both — the live set being the used heap right after a forced
   * full GC, taken every 2 s during each download (the largest of them), so garbage not yet
   * collected does not count.
   */
  @Test
  void exportAMillionQuestionnaires() throws Exception {
    int rows = Integer.getInteger("oko.bench.rows", 1_000_000);
    int small = Integer.getInteger("oko.bench.smallRows", rows / 10);
    Map<String, long[]> live = new LinkedHashMap<>();
    int[] sizes = small > 0 && small < rows ? new int[] {small, rows} : new int[] {rows};
    for (int size = 0; size < sizes.length; size++) {
      long campaign = seeded(sizes[size], 500_000_001L + size * 50_000_000L);
      copyBaseline(campaign);
      for (String format : new String[] {"csv", "ndjson", "xlsx"}) {
        long liveSet = download(campaign, format, sizes[size]);
        live.computeIfAbsent(format, f -> new long[sizes.length])[size] = liveSet;
      }
    }
    if (sizes.length == 2) {
      live.forEach(
          (format, sets) ->
              report(
                  "flat " + format,
                  "live set during the export: %d MB at %d rows, %d MB at %d rows",
                  sets[0] >> 20,
                  sizes[0],
                  sets[1] >> 20,
                  sizes[1]));
    }
  }

  /** A campaign of its own with {@code rows} submitted questionnaires, kits from {@code first}. */
  private long seeded(int rows, long first) {
    long started = System.nanoTime();
    DefinitionFixture fixture = new DefinitionFixture(client, db);
    long campaign = fixture.campaign("ОМК, выгрузка: бенчмарк " + System.nanoTime(), "edu645001");
    Questionnaire teacher = fixture.define(campaign, "TEACHER");
    seed(campaign, teacher.getId(), rows, first);
    report("seed", rows + " submitted questionnaires written in %.1f s", seconds(started));
    return campaign;
  }

  /**
   * {@code rows} kits in ranges of 10 000 (numbers from 500 000 001, clear of the demo's and the
   * tests' kits, whose logins are unique across campaigns), 100 000 per organization (a kit's
   * five-digit password is unique within its point), and a submitted questionnaire on each.
   */
  private void seed(long campaign, long questionnaire, int rows, long first) {
    int ranges = (rows + KITS_PER_RANGE - 1) / KITS_PER_RANGE;
    db.sql(
            """
            insert into kit_range (campaign_id, subject_key, organization_id, region_code,
                first_number, last_number, assigned_by, assigned_at)
            select :campaign, 'rus', o.id, o.region_code, :first + (g - 1) * 10000,
                   :first - 1 + least(g * 10000, :rows), 'bench', now()
            from generate_series(1, :ranges) g
            join (select id, region_code, row_number() over (order by id) - 1 as k
                  from organization) o on o.k = (g - 1) / 10
            """)
        .bind("campaign", campaign)
        .bind("rows", rows)
        .bind("ranges", ranges)
        .bind("first", first)
        .then()
        .then(
            db.sql(
                    """
                    insert into kit_credential (login, range_id, campaign_id, subject_key,
                        category, kit_number, organization_id, region_code, password)
                    select 'urus64' || n, r.id, r.campaign_id, r.subject_key, 'TEACHER', n,
                           r.organization_id, r.region_code,
                           lpad(((n - :first) % 100000)::text, 5, '0')
                    from kit_range r, generate_series(r.first_number, r.last_number) n
                    where r.campaign_id = :campaign
                    """)
                .bind("campaign", campaign)
                .bind("first", first)
                .then())
        .then(
            db.sql(
                    """
                    insert into questionnaire_session (id, login, questionnaire_id,
                        definition_version, campaign_id, subject_key, organization_id,
                        region_code, status, answers, revision, started_at, updated_at,
                        submitted_at)
                    select gen_random_uuid(), k.login, :q, 1, k.campaign_id, k.subject_key,
                           k.organization_id, k.region_code, 'SUBMITTED',
                           jsonb_build_object('exp', k.kit_number % 60, 'cat', 'first',
                               'subj', jsonb_build_array('rus', 'math'), 'courses', 'yes',
                               'hard', k.kit_number % 5 + 1,
                               'agree', jsonb_build_object('clear', 'yes', 'time', 'no'),
                               'note', 'Комментарий учителя № ' || k.kit_number),
                           1, now(), now(), now()
                    from kit_credential k where k.campaign_id = :campaign
                    """)
                .bind("q", questionnaire)
                .bind("campaign", campaign)
                .then())
        .then(db.sql("analyze questionnaire_session").then())
        .then(db.sql("analyze kit_credential").then())
        .block(Duration.ofMinutes(30));
  }

  /** PostgreSQL's own {@code COPY} of the same rows (the export's query), as CSV, to nowhere. */
  private void copyBaseline(long campaign) throws Exception {
    String sql =
        """
        copy (select s.id, s.region_code, r.time_zone, o.login, s.subject_key, d.category,
                     k.kit_number, s.submitted_at, s.answers::text
              from questionnaire_session s
              join questionnaire_definition d on d.id = s.questionnaire_id
              join organization o on o.id = s.organization_id
              join region r on r.code = s.region_code
              join kit_credential k on k.login = s.login
              where s.campaign_id = %d and s.status = 'SUBMITTED'
              order by d.category desc, s.region_code, o.login, s.subject_key, k.kit_number)
        to stdout with (format csv)
        """
            .formatted(campaign);
    try (Connection jdbc =
        DriverManager.getConnection(
            environment.getProperty("oko.db.url"),
            environment.getProperty("oko.db.user"),
            environment.getProperty("oko.db.password"))) {
      CopyManager copy = new CopyManager(jdbc.unwrap(BaseConnection.class));
      AtomicLong bytes = new AtomicLong();
      long started = System.nanoTime();
      long lines =
          copy.copyOut(
              sql,
              new OutputStream() {
                @Override
                public void write(int b) {
                  bytes.incrementAndGet();
                }

                @Override
                public void write(byte[] b, int off, int len) {
                  bytes.addAndGet(len);
                }
              });
      report(
          "copy",
          "COPY … TO STDOUT (csv): %d rows, %.1f MB in %.2f s",
          lines,
          bytes.get() / 1e6,
          seconds(started));
    }
  }

  /** Downloads the export and reports it; answers the live set during it (bytes). */
  private long download(long campaign, String format, int rows) {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long before = memory.getHeapMemoryUsage().getUsed();
    AtomicLong peak = new AtomicLong(before);
    AtomicLong liveSet = new AtomicLong();
    ScheduledExecutorService sampler = Executors.newScheduledThreadPool(2);
    sampler.scheduleAtFixedRate(
        () -> peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
        0,
        50,
        TimeUnit.MILLISECONDS);
    sampler.scheduleAtFixedRate(
        () -> LiveSet.sample().ifPresent(used -> liveSet.accumulateAndGet(used, Math::max)),
        1,
        2,
        TimeUnit.SECONDS);
    AtomicLong bytes = new AtomicLong();
    AtomicLong lineFeeds = new AtomicLong();
    AtomicLong firstByte = new AtomicLong();
    long started = System.nanoTime();
    try {
      WebClient.builder()
          .baseUrl("http://localhost:" + port)
          .exchangeStrategies(ExchangeStrategies.withDefaults())
          .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken("federal"))
          .build()
          .get()
          .uri("/api/campaigns/" + campaign + "/questionnaire-responses?format=" + format)
          .retrieve()
          .bodyToFlux(DataBuffer.class)
          .doOnNext(
              buffer -> {
                firstByte.compareAndSet(0, System.nanoTime());
                int n = buffer.readableByteCount();
                bytes.addAndGet(n);
                if (!format.equals("xlsx")) {
                  for (int i = 0; i < n; i++) {
                    if (buffer.getByte(buffer.readPosition() + i) == '\n') {
                      lineFeeds.incrementAndGet();
                    }
                  }
                }
                DataBufferUtils.release(buffer);
              })
          .blockLast(Duration.ofMinutes(20));
    } finally {
      sampler.shutdownNow();
    }
    double total = seconds(started);
    if (!format.equals("xlsx")) {
      // CSV has its header line; a note may not hold a line break here
      assertThat(lineFeeds.get()).isEqualTo(format.equals("csv") ? rows + 1 : rows);
    }
    report(
        format,
        "%d rows, %.1f MB: first byte after %.3f s, whole in %.2f s (%.0f rows/s);"
            + " heap peak +%d MB over %d MB before; live set during it %d MB"
            + " (after forced full GCs every 2 s, the largest)",
        rows,
        bytes.get() / 1e6,
        (firstByte.get() - started) / 1e9,
        total,
        rows / total,
        (peak.get() - before) >> 20,
        before >> 20,
        liveSet.get() >> 20);
    return liveSet.get();
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static void report(String what, String format, Object... args) {
    System.out.println("[exports-bench] " + what + ": " + String.format(format, args));
  }
}
