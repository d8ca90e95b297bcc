package org.oko.scans;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.util.Set;
import org.oko.platform.excel.ExportFormat;
import org.oko.platform.excel.StreamedExport;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.web.InvalidRequestException;
import org.oko.platform.web.PathVariables;
import org.oko.platform.web.RouteProblems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** The scanned sheets' statuses in bulk (tag {@code exports}), streamed as the file is written. */
@Configuration(proxyBeanMethods = false)
class ScanExportRoutes {

  private static final Set<String> STATUSES =
      Set.of("UPLOADED", "PROCESSING", "ACCEPTED", "ERROR", "ASSIGNED", "SCORED", "VERIFIED");

  @Bean
  RouterFunction<ServerResponse> scanExportRouter(ScanExportService exports) {
    return route(
            GET("/api/campaigns/{campaignId}/exports/scan-sheets"),
            request -> Mono.defer(() -> export(exports, request)))
        .filter(RouteProblems.filter());
  }

  private static Mono<ServerResponse> export(ScanExportService exports, ServerRequest request) {
    var wanted =
        new ScanExportService.Request(
            PathVariables.id(request, "campaignId"),
            ExportFormat.of(request),
            request.queryParam("subject").orElse(null),
            status(request),
            StreamedExport.afterId(request));
    // Who may: the scans' readers (ScanScope), each in its part of the hierarchy.
    return CurrentCaller.get()
        .flatMap(
            caller ->
                exports.export(caller, wanted, request.exchange().getResponse().bufferFactory()))
        .flatMap(
            export -> StreamedExport.download(export.format(), export.fileName(), export.body()));
  }

  private static String status(ServerRequest request) {
    return request
        .queryParam("status")
        .map(
            value -> {
              if (!STATUSES.contains(value)) {
                throw new InvalidRequestException(
                    "status",
                    "Статус листа: UPLOADED, PROCESSING, ACCEPTED, ERROR, ASSIGNED, SCORED или"
                        + " VERIFIED, а не «"
                        + value
                        + "»");
              }
              return value;
            })
        .orElse(null);
  }
}
