package org.oko.scans;

import static org.springframework.web.reactive.function.server.RequestPredicates.PATCH;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import org.oko.platform.security.CurrentCaller;
import org.oko.platform.web.InvalidRequestException;
import org.oko.platform.web.PathVariables;
import org.oko.platform.web.RouteProblems;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The streamed uploads of scans (tag {@code uploads}): a chunk of a batch and a corrected file for
 * one sheet, both handled by {@link ScanUploadService}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScansProperties.class)
class ScanUploadRoutes {

  static final String UPLOAD_OFFSET = "Upload-Offset";

  private final ScanUploadService uploads;

  ScanUploadRoutes(ScanUploadService uploads) {
    this.uploads = uploads;
  }

  @Bean
  RouterFunction<ServerResponse> scanUploads() {
    return route(
            PATCH("/api/scan-batches/{batchId}/content"),
            request -> Mono.defer(() -> uploadChunk(request)))
        .andRoute(
            POST("/api/scan-sheets/{sheetId}/replacement"),
            request -> Mono.defer(() -> replaceSheet(request)))
        .filter(RouteProblems.filter());
  }

  Mono<ServerResponse> uploadChunk(ServerRequest request) {
    long batchId = PathVariables.id(request, "batchId");
    long offset = offset(request);
    return CurrentCaller.get()
        .flatMap(
            caller ->
                uploads.uploadChunk(caller, batchId, offset, request.bodyToFlux(DataBuffer.class)))
        .flatMap(
            batch ->
                ServerResponse.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(ScanMapper.batch(batch)));
  }

  Mono<ServerResponse> replaceSheet(ServerRequest request) {
    long sheetId = PathVariables.id(request, "sheetId");
    String fileName = SheetNames.sanitized(request.queryParam("fileName").orElse(null), "fileName");
    if (fileName.length() > 255) {
      throw new InvalidRequestException("fileName", "Имя файла длиннее 255 символов");
    }
    return CurrentCaller.get()
        .flatMap(
            caller ->
                uploads.replaceSheet(
                    caller, sheetId, fileName, request.bodyToFlux(DataBuffer.class)))
        .flatMap(
            sheet ->
                ServerResponse.status(HttpStatus.CREATED)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(ScanMapper.sheet(sheet)));
  }

  private static long offset(ServerRequest request) {
    String value = request.headers().firstHeader(UPLOAD_OFFSET);
    if (value == null) {
      throw new InvalidRequestException(UPLOAD_OFFSET, "Укажите заголовок Upload-Offset");
    }
    try {
      long offset = Long.parseLong(value.strip());
      if (offset < 0) {
        throw new NumberFormatException();
      }
      return offset;
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(
          UPLOAD_OFFSET, "Upload-Offset должен быть неотрицательным целым числом");
    }
  }
}
