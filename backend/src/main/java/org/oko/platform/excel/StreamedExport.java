package org.oko.platform.excel;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.oko.platform.web.InvalidRequestException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pieces every streamed bulk export shares (issue 23, "Bulk exports of any size"): one list of
 * rows written as {@code .xlsx} ({@link StreamedWorkbook}), CSV for Excel ({@link CsvLine}, UTF-8
 * with a BOM) or NDJSON (one JSON object a line), while the rows are read; and the download's
 * headers. Nothing is held but the row being written, so a list of any length keeps memory flat.
 */
public final class StreamedExport {

  /**
   * How one row of a list is exported.
   *
   * @param sheet the workbook's sheet name (a second sheet past Excel's rows is «sheet (2)»)
   * @param header the table's column titles, for people
   * @param cells a row's cells under {@code header}: numbers, text, or null for empty
   * @param line a row for machines: stable keys, raw values (written as one NDJSON line)
   */
  public record Layout<R>(
      String sheet,
      List<String> header,
      Function<R, List<Object>> cells,
      Function<R, Map<String, Object>> line) {}

  private StreamedExport() {}

  /** The file's chunks as {@code rows} are read. */
  public static <R> Flux<DataBuffer> body(
      ExportFormat format,
      Layout<R> layout,
      Flux<R> rows,
      JsonMapper json,
      DataBufferFactory buffers) {
    return switch (format) {
      case XLSX ->
          StreamedWorkbook.of(layout.sheet(), layout.header(), rows.map(layout.cells()), buffers);
      case CSV ->
          Flux.concat(
                  Mono.just("\uFEFF" + CsvLine.of(List.copyOf(layout.header()))),
                  rows.map(row -> CsvLine.of(layout.cells().apply(row))))
              .map(text -> buffers.wrap(text.getBytes(StandardCharsets.UTF_8)));
      case NDJSON -> rows.map(row -> buffers.wrap(ndjsonLine(json, layout.line().apply(row))));
    };
  }

  /** The download: {@code 200}, the format's type, not cached, named {@code name} + extension. */
  public static Mono<ServerResponse> download(
      ExportFormat format, String name, Flux<DataBuffer> body) {
    return ServerResponse.ok()
        .contentType(format.mediaType())
        .cacheControl(CacheControl.noStore())
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(name + format.extension(), StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(BodyInserters.fromDataBuffers(body));
  }

  /**
   * The request's {@code after}: the id of the last NDJSON line a client received, where a broken
   * download resumes; null when absent, 400 in Russian when it is not a positive number.
   */
  public static Long afterId(ServerRequest request) {
    return request
        .queryParam("after")
        .map(
            value -> {
              try {
                long id = Long.parseLong(value);
                if (id >= 0) {
                  return id;
                }
              } catch (NumberFormatException e) {
                // refused below
              }
              throw new InvalidRequestException(
                  "after", "after — это id последней полученной строки выгрузки (целое число ≥ 0)");
            })
        .orElse(null);
  }

  /** The row's JSON and its line feed, in one array. */
  static byte[] ndjsonLine(JsonMapper json, Map<String, Object> row) {
    byte[] object = json.writeValueAsBytes(row);
    byte[] line = Arrays.copyOf(object, object.length + 1);
    line[object.length] = '\n';
    return line;
  }
}
