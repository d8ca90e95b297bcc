package org.oko.platform.excel;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** A workbook OKO writes for one caller (template, form, list), answered as a download. */
public final class WorkbookDownload {

  public static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private WorkbookDownload() {}

  /**
   * Runs {@code writer} off the event loop (POI compresses and may use temporary files) and answers
   * its bytes as {@code fileName}; no cache keeps it, since it is made for this caller.
   */
  public static Mono<ResponseEntity<Resource>> of(Callable<byte[]> writer, String fileName) {
    return Mono.fromCallable(writer)
        .subscribeOn(Schedulers.boundedElastic())
        .map(bytes -> response(bytes, fileName));
  }

  /** The download of a workbook already written. */
  public static ResponseEntity<Resource> response(byte[] bytes, String fileName) {
    return ResponseEntity.ok()
        .contentType(XLSX)
        .cacheControl(CacheControl.noStore())
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(fileName, StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(new ByteArrayResource(bytes));
  }
}
