package org.oko.results;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import org.oko.platform.excel.ExportFormat;
import org.oko.platform.excel.StreamedExport;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.security.Role;
import org.oko.platform.web.PathVariables;
import org.oko.platform.web.RouteProblems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** The participants' results in bulk (tag {@code exports}), streamed as the file is written. */
@Configuration(proxyBeanMethods = false)
class ResultExportRoutes {

  @Bean
  RouterFunction<ServerResponse> resultExportRouter(ResultExportService exports) {
    return route(
            GET("/api/campaigns/{campaignId}/exports/results"),
            request -> Mono.defer(() -> export(exports, request)))
        .filter(RouteProblems.filter());
  }

  private static Mono<ServerResponse> export(ResultExportService exports, ServerRequest request) {
    var wanted =
        new ResultExportService.Request(
            PathVariables.id(request, "campaignId"),
            ExportFormat.of(request),
            request.queryParam("subject").orElse(null),
            request.queryParam("after").orElse(null));
    return CurrentCaller.withRole(
            Role.FEDERAL, Role.REGIONAL, Role.API_CLIENT, Role.MUNICIPAL, Role.RESPONSIBLE)
        .flatMap(
            caller ->
                exports.export(caller, wanted, request.exchange().getResponse().bufferFactory()))
        .flatMap(
            export -> StreamedExport.download(export.format(), export.fileName(), export.body()));
  }
}
