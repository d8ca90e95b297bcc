package org.oko.forms;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import org.oko.platform.excel.ExportFormat;
import org.oko.platform.excel.StreamedExport;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.security.Role;
import org.oko.platform.web.InvalidRequestException;
import org.oko.platform.web.PathVariables;
import org.oko.platform.web.RouteProblems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** A form's responses as a bulk download (tag {@code exports}), streamed as it is written. */
@Configuration(proxyBeanMethods = false)
class FormExportRoutes {

  @Bean
  RouterFunction<ServerResponse> formExportRouter(FormExportService exports) {
    return route(
            GET("/api/forms/{formId}/responses"),
            request -> Mono.defer(() -> export(exports, request)))
        .filter(RouteProblems.filter());
  }

  private static Mono<ServerResponse> export(FormExportService exports, ServerRequest request) {
    var wanted =
        new FormExportService.Request(
            PathVariables.id(request, "formId"),
            ExportFormat.of(request),
            request.queryParam("sheet").orElse(null),
            status(request),
            StreamedExport.afterId(request));
    return CurrentCaller.withRole(
            Role.FEDERAL, Role.REGIONAL, Role.API_CLIENT, Role.MUNICIPAL, Role.RESPONSIBLE)
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
              if (!value.equals(ResponseRow.DRAFT) && !value.equals(ResponseRow.SUBMITTED)) {
                throw new InvalidRequestException(
                    "status", "Статус ответа: DRAFT или SUBMITTED, а не «" + value + "»");
              }
              return value;
            })
        .orElse(null);
  }
}
