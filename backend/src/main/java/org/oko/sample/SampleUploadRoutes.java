package org.oko.sample;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.nio.file.Path;
import java.util.function.Function;
import org.oko.api.model.PreliminaryListResult;
import org.oko.platform.blob.BlobStore;
import org.oko.platform.excel.StagedWorkbook;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.security.Role;
import org.oko.platform.web.InvalidRequestException;
import org.oko.platform.web.PathVariables;
import org.oko.platform.web.RouteProblems;
import org.oko.platform.web.UploadBody;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The sample's workbook uploads (tag {@code uploads}): functional routes, so that the body streams
 * to a temporary file instead of being buffered by a controller. Everything that can be refused
 * without the file (role, scope, closed stage, published region) is refused before the body is
 * read; the body then streams to a temporary file (413 past {@code oko.sample.max-upload-size}),
 * which is checked to really be an {@code .xlsx} (415), parsed off the event loop and always
 * deleted afterwards.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SampleProperties.class)
class SampleUploadRoutes {

  @Bean
  RouterFunction<ServerResponse> sampleUploadRouter(
      PreliminaryListService lists,
      VerificationService verifications,
      BlobStore blobs,
      SampleProperties properties) {
    long maxBytes = properties.maxUploadSize().toBytes();
    return route(
            POST("/api/campaigns/{campaignId}/regions/{regionCode}/preliminary-list/upload"),
            request -> Mono.defer(() -> preliminaryList(request, lists, blobs, maxBytes)))
        .andRoute(
            POST("/api/campaigns/{campaignId}/sample/verification-uploads"),
            request -> Mono.defer(() -> verificationForm(request, verifications, blobs, maxBytes)))
        // Deferred: a malformed path variable becomes a problem document, not a thrown error.
        .filter(RouteProblems.filter());
  }

  private static Mono<ServerResponse> preliminaryList(
      ServerRequest request, PreliminaryListService lists, BlobStore blobs, long maxBytes) {
    long campaignId = campaignId(request);
    String region = request.pathVariable("regionCode");
    if (!region.matches("[0-9]{2}")) {
      return Mono.error(new InvalidRequestException("regionCode", "недопустимое значение"));
    }
    return CurrentCaller.withRole(Role.REGIONAL, Role.FEDERAL)
        .flatMap(
            caller -> lists.upload(caller, campaignId, region, staged(request, blobs, maxBytes)))
        .flatMap(
            proposed ->
                ServerResponse.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(new PreliminaryListResult(region, proposed)));
  }

  private static Mono<ServerResponse> verificationForm(
      ServerRequest request, VerificationService verifications, BlobStore blobs, long maxBytes) {
    long campaignId = campaignId(request);
    return CurrentCaller.withRole(SampleController.VERIFIERS)
        .flatMap(
            caller -> verifications.upload(caller, campaignId, staged(request, blobs, maxBytes)))
        .flatMap(
            upload ->
                ServerResponse.status(HttpStatus.CREATED)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(SampleMapper.toApi(upload)));
  }

  /** Streams the body to a temporary file, checks it is an .xlsx, works on it, deletes it. */
  private static StagedFile staged(ServerRequest request, BlobStore blobs, long maxBytes) {
    return new StagedFile() {
      @Override
      public <T> Mono<T> with(Function<Path, Mono<T>> work) {
        return blobs.withStaged(
            UploadBody.of(request),
            maxBytes,
            file -> StagedWorkbook.read(file, work, SampleWorkbookReader::refused));
      }
    };
  }

  private static long campaignId(ServerRequest request) {
    return PathVariables.id(request, "campaignId");
  }
}
