package org.oko.accounts;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import org.oko.platform.blob.BlobStore;
import org.oko.platform.excel.StagedWorkbook;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.web.PathVariables;
import org.oko.platform.web.RouteProblems;
import org.oko.platform.web.UploadBody;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The staff register upload (tag {@code uploads}): the role is checked before the body is read; the
 * body streams to a temporary file (413 past 20 MB), is checked to be an {@code .xlsx} (415), read
 * off the event loop and deleted afterwards.
 */
@Configuration(proxyBeanMethods = false)
class StaffImportRoutes {

  @Bean
  RouterFunction<ServerResponse> staffImportRouter(
      StaffRegisterService registers, BlobStore blobs) {
    return route(
            POST("/api/campaigns/{campaignId}/staff/imports"),
            request -> Mono.defer(() -> upload(request, registers, blobs)))
        .filter(RouteProblems.filter());
  }

  private static Mono<ServerResponse> upload(
      ServerRequest request, StaffRegisterService registers, BlobStore blobs) {
    long campaignId = PathVariables.id(request, "campaignId");
    String address = AccountImportRoutes.address(request.exchange().getRequest());
    return CurrentCaller.get()
        .doOnNext(StaffAccess::keeper)
        .flatMap(
            caller ->
                blobs.withStaged(
                    UploadBody.of(request),
                    AccountImportRoutes.MAX_BYTES,
                    file ->
                        StagedWorkbook.read(
                            file, xlsx -> registers.importFile(caller, campaignId, xlsx, address))))
        .flatMap(
            imported ->
                ServerResponse.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(StaffMapper.toApi(imported)));
  }
}
