package org.oko.accounts;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.nio.file.Path;
import org.oko.platform.blob.BlobStore;
import org.oko.platform.excel.UnreadableWorkbookException;
import org.oko.platform.excel.WorkbookLimitException;
import org.oko.platform.excel.WorkbookReader;
import org.oko.platform.security.Caller;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.web.PathVariables;
import org.oko.platform.web.RouteProblems;
import org.oko.platform.web.UnprocessableException;
import org.oko.platform.web.UnsupportedTypeException;
import org.oko.platform.web.UploadBody;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

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
                    file -> staged(registers, caller, campaignId, file, address)))
        .flatMap(
            imported ->
                ServerResponse.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(StaffMapper.toApi(imported)));
  }

  /** The staged body: an {@code .xlsx} (else 415) read into the registers, or refused by cell. */
  private static Mono<StaffRegisterService.Imported> staged(
      StaffRegisterService registers, Caller caller, long campaignId, Path file, String address) {
    return Mono.fromCallable(() -> WorkbookReader.looksLikeXlsx(file))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(
            xlsx ->
                xlsx
                    ? registers.importFile(caller, campaignId, file, address)
                    : Mono.error(
                        new UnsupportedTypeException(
                            "Загрузите книгу Excel (.xlsx): полученный файл ею не является")))
        .onErrorMap(
            UnreadableWorkbookException.class, e -> new UnsupportedTypeException(e.getMessage()))
        .onErrorMap(
            WorkbookLimitException.class, e -> new UnprocessableException("file", e.getMessage()));
  }
}
