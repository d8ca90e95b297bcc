package org.oko.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.oko.api.model.Campaign;
import org.oko.api.model.FormDefinition;
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
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A form's bulk export when one response is a large protocol (issue 24: the rows stream from {@code
 * form_response_row}, the response is never assembled whole). Run by {@code MODE=forms bash
 * backend/bench/exports.sh}: one response of ROWS/10 rows and one of ROWS rows (two forms), each
 * exported as CSV, NDJSON and .xlsx over HTTP — first byte, whole time, rows/s and the heap's peak
 * over its level before — against PostgreSQL's own {@code COPY} of the same rows in the same run.
 * Each export is then downloaded once more with a full GC forced every 0.25 s: the largest heap in
 * use right after one that ran ({@link LiveSet}) is the live set the export holds (flat: the same
 * at both sizes; the peak counts garbage not yet collected). Server and client share the JVM; the
 * client holds one chunk.
 */
@EnabledIfSystemProperty(named = "oko.bench.formExports", matches = "true")
class FormExportBenchmark extends ApiTest {

  @Autowired DatabaseClient db;
  @Autowired Environment environment;

  @Test
  void exportOneLargeProtocol() throws Exception {
    int rows = Integer.getInteger("oko.bench.rows", 200_000);
    Instant now = Instant.now();
    FormsFixture forms = new FormsFixture(client, db);
    for (int size : new int[] {rows / 10, rows}) {
      Campaign campaign =
          forms.campaign(
              "ВПР: выгрузка протокола " + size + " " + System.nanoTime(),
              now.minus(Duration.ofDays(1)),
              now.plus(Duration.ofDays(5)),
              "edu640002");
      FormDefinition form = forms.form(campaign.getId(), FormsFixture.RESULTS, "results-m4");
      long started = System.nanoTime();
      long response = seed(form.getId(), size);
      report("seed", "%d rows of one response written in %.1f s", size, seconds(started));
      copyBaseline(response, size);
      for (String format : new String[] {"csv", "ndjson", "xlsx"}) {
        download(form.getId(), format, size, false);
        download(form.getId(), format, size, true);
      }
    }
  }

  /** One draft response of edu640002 with {@code rows} rows of about 200 bytes each. */
  private long seed(long form, int rows) {
    return db.sql(
            """
            with r as (
              insert into form_response (form_id, organization_id, region_code, status,
                  definition_version, version, updated_at, updated_by, submissions)
              select :form, o.id, o.region_code, 'DRAFT', d.version, 1, now(), o.login, 0
              from organization o join form_definition d on d.id = :form
              where o.login = 'edu640002'
              returning id
            ), rows as (
              insert into form_response_row (response_id, sheet, position, cells, valid_from)
              select r.id, 'results', n,
                     jsonb_build_object('grade', '4' || chr(1040 + n % 4), 'code',
                         (1000000 + n)::text, 'variant', (1 + n % 4)::text,
                         'task_1', (n % 2)::text, 'task_2', (n % 3)::text,
                         'task_3', ((n / 3) % 3)::text, 'total', (n % 6)::text,
                         'teacherSchool', 'edu640002'),
                     1
              from r, generate_series(1, :rows) n
            )
            select id from r
            """)
        .bind("form", form)
        .bind("rows", rows)
        .map(r -> r.get("id", Long.class))
        .one()
        .block(Duration.ofMinutes(10));
  }

  /** PostgreSQL's own {@code COPY} of the same rows in their order, as CSV, to nowhere. */
  private void copyBaseline(long response, int rows) throws Exception {
    String sql =
        ("copy (select position, cells::text from form_response_row where response_id = %d"
                + " and valid_to is null order by sheet, position) to stdout with (format csv)")
            .formatted(response);
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
      assertThat(lines).isEqualTo(rows);
      report(
          "copy " + rows,
          "COPY … TO STDOUT (csv): %d rows, %.1f MB in %.2f s",
          lines,
          bytes.get() / 1e6,
          seconds(started));
    }
  }

  private void download(long form, String format, int rows, boolean forceGc) {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long before = memory.getHeapMemoryUsage().getUsed();
    AtomicLong peak = new AtomicLong(before);
    AtomicLong samples = new AtomicLong();
    AtomicLong heldOff = new AtomicLong();
    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    sampler.scheduleAtFixedRate(
        () -> {
          if (!forceGc) {
            peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            return;
          }
          samples.incrementAndGet();
          OptionalLong live = LiveSet.sample();
          live.ifPresent(used -> peak.accumulateAndGet(used, Math::max));
          if (live.isEmpty()) {
            heldOff.incrementAndGet();
          }
        },
        forceGc ? 100 : 0,
        forceGc ? 250 : 50,
        TimeUnit.MILLISECONDS);
    AtomicLong bytes = new AtomicLong();
    AtomicLong lineFeeds = new AtomicLong();
    AtomicLong firstByte = new AtomicLong();
    long started = System.nanoTime();
    try {
      WebClient.builder()
          .baseUrl("http://localhost:" + port)
          .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken("federal"))
          .build()
          .get()
          .uri("/api/forms/" + form + "/responses?format=" + format)
          .retrieve()
          .bodyToFlux(DataBuffer.class)
          .doOnNext(
              buffer -> {
                firstByte.compareAndSet(0, System.nanoTime());
                int n = buffer.readableByteCount();
                bytes.addAndGet(n);
                for (int i = 0; i < n && !format.equals("xlsx"); i++) {
                  if (buffer.getByte(buffer.readPosition() + i) == '\n') {
                    lineFeeds.incrementAndGet();
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
      // CSV: its header and a line per row; NDJSON: the one response is one line
      assertThat(lineFeeds.get()).isEqualTo(format.equals("csv") ? rows + 1 : 1);
    }
    if (forceGc) {
      report(
          format + " " + rows,
          "live set during the export (after forced full GCs): +%d MB over %d MB before"
              + " (%d samples, %d collections held off and not counted)",
          (peak.get() - before) >> 20,
          before >> 20,
          samples.get(),
          heldOff.get());
      return;
    }
    report(
        format + " " + rows,
        "%d rows, %.1f MB: first byte after %.3f s, whole in %.2f s (%.0f rows/s);"
            + " heap peak +%d MB over %d MB before",
        rows,
        bytes.get() / 1e6,
        (firstByte.get() - started) / 1e9,
        total,
        rows / total,
        (peak.get() - before) >> 20,
        before >> 20);
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static void report(String what, String format, Object... args) {
    System.out.println("[exports-bench] forms " + what + ": " + String.format(format, args));
  }
}
