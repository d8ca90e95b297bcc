package org.oko.accounts;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.oko.platform.blob.BlobStore;
import org.oko.platform.excel.StagedWorkbook;
import org.oko.platform.excel.WorkbookDownload;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.web.RouteProblems;
import org.oko.platform.web.UploadBody;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The bulk file upload (tag {@code uploads}): the role is checked before the body is read; the body
 * streams to a temporary file (413 past 20 MB), is checked to be an {@code .xlsx} (415), read off
 * the event loop and deleted afterwards. The answer is the one-time list of passwords.
 */
@Configuration(proxyBeanMethods = false)
class AccountImportRoutes {

  static final long MAX_BYTES = 20L * 1024 * 1024;

  @Bean
  RouterFunction<ServerResponse> accountImportRouter(
      AccountImportService imports, BlobStore blobs) {
    return route(
            POST("/api/accounts/imports"),
            request -> Mono.defer(() -> upload(request, imports, blobs)))
        .filter(RouteProblems.filter());
  }

  private static Mono<ServerResponse> upload(
      ServerRequest request, AccountImportService imports, BlobStore blobs) {
    String address = address(request.exchange().getRequest());
    return CurrentCaller.get()
        .doOnNext(AccountAccess::manager)
        .flatMap(
            caller ->
                blobs.withStaged(
                    UploadBody.of(request),
                    MAX_BYTES,
                    file ->
                        StagedWorkbook.read(
                            file, xlsx -> imports.importFile(caller, xlsx, address))))
        .flatMap(
            created ->
                Mono.fromCallable(() -> AccountsWorkbook.created(created))
                    .subscribeOn(Schedulers.boundedElastic()))
        .flatMap(AccountImportRoutes::passwords);
  }

  /** The one-time list of passwords, as a workbook named by today's date in Moscow. */
  private static Mono<ServerResponse> passwords(byte[] workbook) {
    return ServerResponse.status(HttpStatus.CREATED)
        .contentType(WorkbookDownload.XLSX)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"accounts-"
                + ZonedDateTime.now(ZoneId.of("Europe/Moscow")).toLocalDate()
                + ".xlsx\"")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .bodyValue(workbook);
  }

  static String address(ServerHttpRequest request) {
    var remote = request.getRemoteAddress();
    return remote == null || remote.getAddress() == null
        ? "unknown"
        : remote.getAddress().getHostAddress();
  }
}
