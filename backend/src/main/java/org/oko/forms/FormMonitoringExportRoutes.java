package org.oko.forms;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import org.oko.platform.excel.ExportFormat;
import org.oko.platform.excel.StreamedExport;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.security.Role;
import org.oko.platform.web.InvalidRequestException;
import org.oko.platform.web.PathVariables;
import org.oko.platform.web.QueryParameters;
import org.oko.platform.web.RouteProblems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * A form's monitoring as a bulk download (tag {@code exports}): every respondent in the caller's
 * part, streamed as {@code .xlsx}, CSV or NDJSON while it is read.
 */
@Configuration(proxyBeanMethods = false)
class FormMonitoringExportRoutes {

  @Bean
  RouterFunction<ServerResponse> formMonitoringExportRouter(FormMonitoringService monitoring) {
    return route(
            GET("/api/forms/{formId}/exports/monitoring"),
            request -> Mono.defer(() -> export(monitoring, request)))
        .filter(RouteProblems.filter());
  }

  private static Mono<ServerResponse> export(
      FormMonitoringService monitoring, ServerRequest request) {
    var filter =
        new FormMonitoringService.Filter(
            PathVariables.id(request, "formId"),
            request.queryParam("regionCode").orElse(null),
            QueryParameters.municipalityId(request),
            status(request));
    ExportFormat format = ExportFormat.of(request);
    Long after = StreamedExport.afterId(request);
    return CurrentCaller.withRole(
            Role.FEDERAL, Role.REGIONAL, Role.API_CLIENT, Role.MUNICIPAL, Role.RESPONSIBLE)
        .flatMap(
            caller ->
                monitoring.stream(
                    caller,
                    filter,
                    format,
                    after,
                    request.exchange().getResponse().bufferFactory()))
        .flatMap(
            export -> StreamedExport.download(export.format(), export.fileName(), export.body()));
  }

  private static ResponseStatus status(ServerRequest request) {
    return request
        .queryParam("status")
        .map(
            value -> {
              try {
                return ResponseStatus.valueOf(value);
              } catch (IllegalArgumentException e) {
                throw new InvalidRequestException(
                    "status", "Статус: NOT_STARTED, DRAFT или SUBMITTED, а не «" + value + "»");
              }
            })
        .orElse(null);
  }
}
