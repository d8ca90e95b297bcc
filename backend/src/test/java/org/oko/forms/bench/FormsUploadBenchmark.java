package org.oko.forms.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The end-to-end half of the forms benchmark (run by {@code backend/bench/forms-upload.sh}, which
 * starts the server and creates the form): schools download their template of a ВПР results
 * protocol, fill it as a person would in Excel (their own signature sheet kept), and upload it with
 * {@code submit=true} over HTTP — one school with a 200,000-row protocol, then many schools at once
 * with 5,000 rows each. Baseline in the same run: the same bytes uploaded as a publication
 * attachment, which the server streams to disk without reading them.
 *
 * <p>Arguments: baseUrl campaignId formId password bigRows eachRows federalPassword login...
 */
public final class FormsUploadBenchmark {

  private static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;
  private final long formId;

  private FormsUploadBenchmark(String base, long formId) {
    this.base = base;
    this.formId = formId;
  }

  public static void main(String[] args) throws Exception {
    var bench = new FormsUploadBenchmark(args[0], Long.parseLong(args[2]));
    long campaignId = Long.parseLong(args[1]);
    String password = args[3];
    int bigRows = Integer.parseInt(args[4]);
    int eachRows = Integer.parseInt(args[5]);
    String federalPassword = args[6];
    List<String> logins = Arrays.asList(args).subList(7, args.length);
    Path dir = Files.createTempDirectory("oko-forms-bench");
    System.out.printf("%-62s | %8s | %10s | %9s%n", "upload", "rows", "MB", "seconds");

    String big = logins.get(0);
    String bigToken = bench.token(big, password);
    Path bigFile = bench.filled(bigToken, dir.resolve(big + ".xlsx"), bigRows, 1);
    double mb = Files.size(bigFile) / 1e6;
    Long warmupForm = Long.getLong("bench.warmupForm");
    if (warmupForm != null) {
      // A server that has run for a while has compiled its reader; a fresh one reads the first
      // tens of thousands of rows interpreted. The same upload to a twin form first, as a draft
      // (nothing computed after it), so that the timed one meets the server as users do.
      var twin = new FormsUploadBenchmark(bench.base, warmupForm);
      Path twinFile = twin.filled(bigToken, dir.resolve("warm-up.xlsx"), bigRows, 1);
      long w0 = System.nanoTime();
      int status = twin.upload(bigToken, twinFile, false).statusCode();
      System.out.printf(
          "%-62s | %8d | %10.1f | %9.2f%s%n",
          "warm-up, not counted: the same upload to a twin form, as a draft",
          bigRows,
          Files.size(twinFile) / 1e6,
          (System.nanoTime() - w0) / 1e9,
          status == 200 ? "" : " HTTP " + status);
    }
    String fedToken = bench.token("federal", federalPassword);
    long publication = bench.draftPublication(fedToken, campaignId);
    long t0 = System.nanoTime();
    int baseline = bench.attach(fedToken, publication, bigFile);
    double baseSeconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        "%-62s | %8d | %10.1f | %9.2f%s%n",
        "baseline: same file as a publication attachment (stored, not read)",
        bigRows,
        mb,
        baseSeconds,
        baseline == 201 ? "" : " HTTP " + baseline);
    t0 = System.nanoTime();
    HttpResponse<String> answer = bench.upload(bigToken, bigFile);
    double bigSeconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        "%-62s | %8d | %10.1f | %9.2f%s%n",
        "results protocol → parsed, validated, saved and submitted",
        bigRows,
        mb,
        bigSeconds,
        answer.statusCode() == 200 && answer.body().contains("\"SUBMITTED\"")
            ? ""
            : " HTTP " + answer.statusCode() + " " + head(answer.body()));

    List<String> schools = logins.subList(1, logins.size());
    List<String> tokens = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < schools.size(); i++) {
      String token = bench.token(schools.get(i), password);
      tokens.add(token);
      files.add(bench.filled(token, dir.resolve(schools.get(i) + ".xlsx"), eachRows, i + 2));
    }
    ExecutorService pool = Executors.newFixedThreadPool(schools.size());
    // The concurrent uploads' baseline: the same files stored at once, never read (each to a
    // draft of its own: attachments to one draft at once would conflict over its version).
    List<Long> drafts = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      drafts.add(bench.draftPublication(fedToken, campaignId));
    }
    List<Future<Integer>> stored = new ArrayList<>();
    long b0 = System.nanoTime();
    for (int i = 0; i < files.size(); i++) {
      long draft = drafts.get(i);
      Path file = files.get(i);
      stored.add(pool.submit(() -> bench.attach(fedToken, draft, file)));
    }
    int notStored = 0;
    Set<Integer> statuses = new TreeSet<>();
    for (Future<Integer> s : stored) {
      notStored += s.get() == 201 ? 0 : 1;
      statuses.add(s.get());
    }
    System.out.printf(
        "%-62s | %8d | %10.1f | %9.2f%s%n",
        "baseline, concurrent: the " + schools.size() + " files as attachments at once",
        eachRows * schools.size(),
        files.stream().mapToLong(FormsUploadBenchmark::size).sum() / 1e6,
        (System.nanoTime() - b0) / 1e9,
        notStored == 0 ? "" : " (" + notStored + " not stored: HTTP " + statuses + ")");
    List<Future<double[]>> results = new ArrayList<>();
    String marker = System.getProperty("bench.marker");
    if (marker != null) {
      Files.writeString(Path.of(marker), "started"); // the script forces full GCs from now on
    }
    long start = System.nanoTime();
    for (int i = 0; i < schools.size(); i++) {
      String token = tokens.get(i);
      Path file = files.get(i);
      Callable<double[]> call =
          () -> {
            long s = System.nanoTime();
            HttpResponse<String> r = bench.upload(token, file);
            boolean ok = r.statusCode() == 200 && r.body().contains("\"SUBMITTED\"");
            if (!ok) {
              System.out.println("  failed: HTTP " + r.statusCode() + " " + head(r.body()));
            }
            return new double[] {(System.nanoTime() - s) / 1e9, ok ? 1 : 0};
          };
      results.add(pool.submit(call));
    }
    double[] seconds = new double[schools.size()];
    int failed = 0;
    for (int i = 0; i < results.size(); i++) {
      double[] r = results.get(i).get();
      seconds[i] = r[0];
      failed += r[1] == 1 ? 0 : 1;
    }
    double total = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    Arrays.sort(seconds);
    System.out.printf(
        "%-62s | %8d | %10.1f | %9.2f%n",
        schools.size() + " schools at once, each " + eachRows + " rows: total",
        eachRows * schools.size(),
        files.stream().mapToLong(FormsUploadBenchmark::size).sum() / 1e6,
        total);
    System.out.printf(
        "  per upload: p50 %.2f s, p95 %.2f s, max %.2f s; failed: %d%n",
        seconds[seconds.length / 2],
        seconds[(int) Math.ceil(seconds.length * 0.95) - 1],
        seconds[seconds.length - 1],
        failed);
    try (var leftovers = Files.list(dir)) {
      for (Path file : leftovers.toList()) {
        Files.delete(file);
      }
    }
    Files.delete(dir);
  }

  /** The school's own template, filled with {@code rows} rows of plausible results. */
  private Path filled(String token, Path target, int rows, int seed) throws Exception {
    Path template = target.resolveSibling("template-" + target.getFileName());
    HttpResponse<Path> download =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/forms/" + formId + "/response/template"))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofFile(template));
    if (download.statusCode() != 200) {
      throw new IllegalStateException("template: HTTP " + download.statusCode());
    }
    Random random = new Random(seed);
    try (InputStream in = Files.newInputStream(template);
        XSSFWorkbook source = new XSSFWorkbook(in);
        SXSSFWorkbook out = new SXSSFWorkbook(200);
        OutputStream file = Files.newOutputStream(target)) {
      Sheet data = source.getSheetAt(1);
      var frozen = data.getPaneInformation();
      int headerRows = frozen == null ? 1 : frozen.getHorizontalSplitTopRow();
      int columns = data.getRow(headerRows - 1).getLastCellNum();
      Sheet sheet = out.createSheet(data.getSheetName());
      for (int r = 0; r < headerRows; r++) {
        copyRow(data.getRow(r), sheet.createRow(r));
      }
      String[] classes = {"4А", "4Б", "4В", "4Г"};
      for (int i = 0; i < rows; i++) {
        Row row = sheet.createRow(headerRows + i);
        row.createCell(0).setCellValue(classes[i % classes.length]);
        row.createCell(1).setCellValue(String.valueOf(100_000 + i));
        row.createCell(2).setCellValue(1 + random.nextInt(4));
        for (int c = 3; c < columns - 1; c++) {
          row.createCell(c).setCellValue(random.nextInt(2));
        }
      }
      Sheet signature = source.getSheet("Подпись");
      Sheet copy = out.createSheet("Подпись");
      for (int r = 0; r <= signature.getLastRowNum(); r++) {
        if (signature.getRow(r) != null) {
          copyRow(signature.getRow(r), copy.createRow(r));
        }
      }
      out.setSheetVisibility(out.getSheetIndex(copy), SheetVisibility.VERY_HIDDEN);
      out.write(file);
      out.dispose();
    }
    Files.delete(template);
    return target;
  }

  private static void copyRow(Row from, Row to) {
    for (Cell cell : from) {
      Cell target = to.createCell(cell.getColumnIndex());
      if (cell.getCellType() == CellType.NUMERIC) {
        target.setCellValue(cell.getNumericCellValue());
      } else if (cell.getCellType() == CellType.STRING) {
        target.setCellValue(cell.getStringCellValue());
      }
    }
  }

  private HttpResponse<String> upload(String token, Path file)
      throws IOException, InterruptedException {
    return upload(token, file, true);
  }

  private HttpResponse<String> upload(String token, Path file, boolean submit)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(
                URI.create(base + "/api/forms/" + formId + "/response/upload?submit=" + submit))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", XLSX)
            .timeout(Duration.ofMinutes(10))
            .POST(HttpRequest.BodyPublishers.ofFile(file))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private long draftPublication(String token, long campaignId) throws Exception {
    String body =
        "{\"campaignId\":"
            + campaignId
            + ",\"title\":\"Базовая линия бенчмарка\",\"body\":\"—\","
            + "\"audience\":{\"roles\":[\"REGIONAL\"],\"regionCodes\":[],\"sampleOnly\":false}}";
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/publications"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher m = ID.matcher(r.body());
    if (r.statusCode() != 201 || !m.find()) {
      throw new IllegalStateException("publication: HTTP " + r.statusCode() + " " + r.body());
    }
    return Long.parseLong(m.group(1));
  }

  private int attach(String token, long publication, Path file) throws Exception {
    String name = URLEncoder.encode(file.getFileName().toString(), StandardCharsets.UTF_8);
    return http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        base
                            + "/api/publications/"
                            + publication
                            + "/attachments?kind=OTHER&fileName="
                            + name))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/octet-stream")
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofFile(file))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private String token(String login, String password) throws Exception {
    String form =
        "grant_type=password&username="
            + URLEncoder.encode(login, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher m = TOKEN.matcher(r.body());
    if (!m.find()) {
      throw new IllegalStateException("sign-in of " + login + ": HTTP " + r.statusCode());
    }
    return m.group(1);
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String head(String body) {
    return body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }
}
