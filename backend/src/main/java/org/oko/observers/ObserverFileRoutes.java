package org.oko.observers;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import org.oko.platform.security.Caller;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.security.Role;
import org.oko.platform.web.InvalidRequestException;
import org.oko.platform.web.PathVariables;
import org.oko.platform.web.RouteProblems;
import org.oko.platform.web.UploadBody;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The observers' files (tag {@code observer-files}): the candidates' workbook, photos of notes and
 * scans of acts streamed to disk, files and the archive of acts streamed out. Functional routes, so
 * that no body is held in memory.
 */
@Configuration(proxyBeanMethods = false)
class ObserverFileRoutes {

  private static final MediaType ZIP = MediaType.parseMediaType("application/zip");

  @Bean
  RouterFunction<ServerResponse> observerFileRouter(
      CandidateService candidates, NoteService notes, ActService acts, ActReviewService reviews) {
    return route(
            POST("/api/campaigns/{campaignId}/observers/upload"),
            request -> Mono.defer(() -> candidatesUploaded(candidates, request)))
        .andRoute(
            POST("/api/observer-notes/{noteId}/files"),
            request -> Mono.defer(() -> noteFileUploaded(notes, request)))
        .andRoute(
            POST("/api/observer-assignments/{assignmentId}/act/scan"),
            request -> Mono.defer(() -> actScanUploaded(acts, request)))
        .andRoute(
            GET("/api/observer-files/{fileId}"),
            request -> Mono.defer(() -> fileDownloaded(acts, request)))
        .andRoute(
            GET("/api/campaigns/{campaignId}/observer-acts/archive"),
            request -> Mono.defer(() -> archiveDownloaded(reviews, request)))
        .filter(RouteProblems.filter());
  }

  private static Mono<ServerResponse> candidatesUploaded(
      CandidateService candidates, ServerRequest request) {
    return CurrentCaller.withRole(ObserverAccess.READERS)
        .flatMap(
            caller ->
                candidates.proposeFromWorkbook(
                    caller, id(request, "campaignId"), UploadBody.of(request)))
        .flatMap(created -> created(Map.of("created", created)));
  }

  private static Mono<ServerResponse> noteFileUploaded(NoteService notes, ServerRequest request) {
    return fileUploaded(request, "noteId", notes::attachToNote, ObserversMapper::toApi);
  }

  private static Mono<ServerResponse> actScanUploaded(ActService acts, ServerRequest request) {
    return fileUploaded(request, "assignmentId", acts::uploadScan, ObserversMapper::toApi);
  }

  /** What keeps a file streamed in for the thing {@code id} names. */
  private interface Upload<T> {
    Mono<T> keep(Caller caller, long id, String fileName, Flux<DataBuffer> content);
  }

  /** A file uploaded to the thing the path names, answered 201 with what it became. */
  private static <T> Mono<ServerResponse> fileUploaded(
      ServerRequest request, String idName, Upload<T> upload, Function<T, Object> toApi) {
    long id = id(request, idName);
    String fileName = fileName(request);
    return CurrentCaller.get()
        .flatMap(caller -> upload.keep(caller, id, fileName, UploadBody.of(request)))
        .flatMap(kept -> created(toApi.apply(kept)));
  }

  private static Mono<ServerResponse> created(Object body) {
    return ServerResponse.status(HttpStatus.CREATED)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body);
  }

  private static Mono<ServerResponse> fileDownloaded(ActService acts, ServerRequest request) {
    return CurrentCaller.get()
        .flatMap(caller -> acts.file(caller, id(request, "fileId")))
        .flatMap(
            download ->
                ServerResponse.ok()
                    .contentType(MediaType.parseMediaType(download.file().contentType()))
                    .cacheControl(CacheControl.noStore())
                    .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                            .filename(download.file().fileName(), StandardCharsets.UTF_8)
                            .build()
                            .toString())
                    .body(BodyInserters.fromResource(download.content())));
  }

  private static Mono<ServerResponse> archiveDownloaded(
      ActReviewService reviews, ServerRequest request) {
    long campaignId = id(request, "campaignId");
    String region = request.queryParam("regionCode").orElse(null);
    if (region != null && !region.matches("[0-9]{2}")) {
      throw new InvalidRequestException("regionCode", "недопустимое значение");
    }
    Long municipality =
        request.queryParam("municipalityId").map(v -> number("municipalityId", v)).orElse(null);
    return CurrentCaller.withRole(Role.FEDERAL, Role.REGIONAL, Role.MUNICIPAL, Role.RESPONSIBLE)
        .flatMap(
            caller ->
                reviews.archive(
                    caller,
                    campaignId,
                    region,
                    municipality,
                    request.exchange().getResponse().bufferFactory()))
        .flatMap(
            (Flux<DataBuffer> zip) ->
                ServerResponse.ok()
                    .contentType(ZIP)
                    .cacheControl(CacheControl.noStore())
                    .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                            .filename("Акты с нарушениями.zip", StandardCharsets.UTF_8)
                            .build()
                            .toString())
                    .body(BodyInserters.fromDataBuffers(zip)));
  }

  private static long id(ServerRequest request, String name) {
    return PathVariables.id(request, name);
  }

  private static long number(String name, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(name, "недопустимое значение");
    }
  }

  private static String fileName(ServerRequest request) {
    String name = request.queryParam("fileName").orElse("").strip();
    if (name.isEmpty() || name.length() > 200) {
      throw new InvalidRequestException("fileName", "Укажите имя файла (до 200 символов)");
    }
    return name;
  }
}
