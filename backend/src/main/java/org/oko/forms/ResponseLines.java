package org.oko.forms;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lines of the machines' export (NDJSON, issue 23: one object per response, its {@code content}
 * as sheet key → records of column key → value), written while the response's rows stream by (issue
 * 24): a response of 200 000 rows is still one line, but never one object in memory — each row
 * leaves as the piece of the line it is.
 */
final class ResponseLines {

  private final JsonMapper json;
  private FormExportStore.Exported open; // the response whose line is being written
  private String sheet; // its sheet whose records are being written
  private boolean firstRecord;

  private ResponseLines(JsonMapper json) {
    this.json = json;
  }

  /**
   * The bytes of the lines of {@code rows}, which come response after response (each response's
   * rows by sheet, then position; a response without rows as one row without a sheet).
   */
  static Flux<byte[]> of(Flux<FormExportStore.Exported> rows, JsonMapper json) {
    return Flux.defer(
        () -> {
          ResponseLines lines = new ResponseLines(json);
          return Flux.concat(rows.map(lines::next), Mono.fromSupplier(lines::end))
              .filter(bytes -> bytes.length > 0);
        });
  }

  private byte[] next(FormExportStore.Exported row) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    if (open == null || open.id() != row.id()) {
      close(out);
      start(out, row);
    }
    if (row.sheet() != null) {
      if (!row.sheet().equals(sheet)) {
        out.writeBytes(sheet == null ? new byte[0] : new byte[] {']', ','});
        out.writeBytes(json.writeValueAsBytes(row.sheet()));
        out.writeBytes(new byte[] {':', '['});
        sheet = row.sheet();
        firstRecord = true;
      }
      if (!firstRecord) {
        out.write(',');
      }
      out.writeBytes(json.writeValueAsBytes(json.readTree(row.cells())));
      firstRecord = false;
    }
    return out.toByteArray();
  }

  private byte[] end() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8);
    close(out);
    return out.toByteArray();
  }

  /** The response's fields, then its content opened: {@code …,"content":{}. */
  private void start(ByteArrayOutputStream out, FormExportStore.Exported r) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("id", r.id());
    line.put("regionCode", r.regionCode());
    line.put("municipality", r.municipality());
    line.put("organization", r.login());
    line.put("respondent", r.name());
    line.put("status", r.status());
    line.put("version", r.version());
    line.put("submittedAt", r.submittedAt() == null ? null : r.submittedAt().toString());
    line.put("updatedAt", r.updatedAt() == null ? null : r.updatedAt().toString());
    byte[] fields = json.writeValueAsBytes(line);
    out.write(fields, 0, fields.length - 1); // without its closing brace
    out.writeBytes(",\"content\":{".getBytes(StandardCharsets.US_ASCII));
    open = r;
    sheet = null;
  }

  /** Closes the open response's last sheet, its content and its line. */
  private void close(ByteArrayOutputStream out) {
    if (open == null) {
      return;
    }
    if (sheet != null) {
      out.write(']');
    }
    out.writeBytes(new byte[] {'}', '}', '\n'});
    open = null;
    sheet = null;
  }
}
