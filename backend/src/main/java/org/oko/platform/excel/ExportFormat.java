package org.oko.platform.excel;

import org.oko.platform.web.InvalidRequestException;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;

/** The three forms of a streamed export: a workbook and a CSV for people, NDJSON for machines. */
public enum ExportFormat {
  XLSX(WorkbookDownload.XLSX, ".xlsx"),
  CSV(MediaType.parseMediaType("text/csv;charset=UTF-8"), ".csv"),
  NDJSON(MediaType.parseMediaType("application/x-ndjson"), ".ndjson");

  private final MediaType mediaType;
  private final String extension;

  ExportFormat(MediaType mediaType, String extension) {
    this.mediaType = mediaType;
    this.extension = extension;
  }

  public MediaType mediaType() {
    return mediaType;
  }

  public String extension() {
    return extension;
  }

  /** The request's {@code format} ({@code xlsx} when absent); 400 in Russian for another. */
  public static ExportFormat of(ServerRequest request) {
    String value = request.queryParam("format").orElse("xlsx");
    return switch (value) {
      case "xlsx" -> XLSX;
      case "csv" -> CSV;
      case "ndjson" -> NDJSON;
      default ->
          throw new InvalidRequestException(
              "format", "Формат выгрузки: xlsx, csv или ndjson, а не «" + value + "»");
    };
  }
}
