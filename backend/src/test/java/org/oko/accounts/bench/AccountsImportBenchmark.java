package org.oko.accounts.bench;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.oko.accounts.AccountImportTests;

/**
 * Run by {@code backend/bench/accounts.sh} against a running OKO: region64 uploads a file of ROWS
 * observers' accounts. Baseline in the same run: the same file with one bad row in the middle (read
 * and every row checked, refused, nothing hashed or written). Then the created file, and a sign-in
 * with a created password from the answered list, timed beside region64's (the hash cost kept).
 */
public final class AccountsImportBenchmark {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  public static void main(String[] args) throws Exception {
    String base = args[0];
    int rows = Integer.parseInt(args[1]);
    String prefix = args[2];
    String token = token(base, "region64", "region64-demo");

    List<String[]> good = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      good.add(new String[] {prefix + i, "Наблюдатель " + i, "Наблюдатель", "64", "", "", "", ""});
    }
    List<String[]> bad = new ArrayList<>(good);
    bad.set(
        rows / 2,
        new String[] {prefix + "x", "Наблюдатель", "Наблюдатель", "64", "", "", "12", ""});
    byte[] goodFile = AccountImportTests.file(good);
    byte[] badFile = AccountImportTests.file(bad);
    System.out.printf("file: %d rows, %d KB%n", rows, goodFile.length / 1024);

    long t0 = System.nanoTime();
    HttpResponse<String> refused =
        upload(base, token, badFile, HttpResponse.BodyHandlers.ofString());
    long refusedMs = (System.nanoTime() - t0) / 1_000_000;
    Matcher cell = Pattern.compile("\"cell\":\"([A-Z]+[0-9]+)\"").matcher(refused.body());
    System.out.printf(
        "baseline — one bad row, nothing created: HTTP %d in %d ms (first problem at %s)%n",
        refused.statusCode(), refusedMs, cell.find() ? cell.group(1) : "?");

    t0 = System.nanoTime();
    HttpResponse<byte[]> created =
        upload(base, token, goodFile, HttpResponse.BodyHandlers.ofByteArray());
    long createdMs = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf(
        "all %d created: HTTP %d in %d ms (%.0f accounts/s), list of passwords %d KB%n",
        rows,
        created.statusCode(),
        createdMs,
        rows * 1000.0 / createdMs,
        created.body().length / 1024);

    // The sign-in hash cost kept: a created account signs in with the password from the list, as
    // long as an account whose password was set one at a time (region64's; cost 10 for typed
    // passwords, 6 for generated ones — see docs/benchmarks.md "Sign-in throughput").
    String[] first = firstCreated(created.body());
    for (int i = 0; i < 2; i++) { // the first of each warms the path
      long baseline = timedSignIn(base, "region64", "region64-demo");
      long own = timedSignIn(base, first[0], first[1]);
      System.out.printf(
          "sign-in %d: baseline region64 %d ms; created %s %d ms%n",
          i + 1, baseline, first[0], own);
    }
  }

  /** The first login and password of the one-time list (the rows below its titles in row 3). */
  private static String[] firstCreated(byte[] list) throws Exception {
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(list))) {
      Row row = workbook.getSheetAt(0).getRow(3);
      return new String[] {
        row.getCell(0).getStringCellValue(), row.getCell(4).getStringCellValue()
      };
    }
  }

  private static long timedSignIn(String base, String login, String password) throws Exception {
    long t0 = System.nanoTime();
    token(base, login, password);
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private static <T> HttpResponse<T> upload(
      String base, String token, byte[] file, HttpResponse.BodyHandler<T> handler)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(base + "/api/accounts/imports"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", XLSX)
            .POST(HttpRequest.BodyPublishers.ofByteArray(file))
            .build(),
        handler);
  }

  static String token(String base, String login, String password) throws Exception {
    String form =
        "grant_type=password&username="
            + URLEncoder.encode(login, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
    if (!m.find()) {
      throw new IllegalStateException("sign-in failed: " + response.body());
    }
    return m.group(1);
  }
}
