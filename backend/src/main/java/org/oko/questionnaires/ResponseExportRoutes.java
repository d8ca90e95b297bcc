package org.oko.questionnaires;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.util.UUID;
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

/**
 * The questionnaire answers' bulk download (tag {@code exports}): a functional route, so that the
 * file streams to the client as it is written instead of being finished first.
 */
@Configuration(proxyBeanMethods = false)
class ResponseExportRoutes {

  @Bean
  RouterFunction<ServerResponse> responseExportRouter(ResponseExportService exports) {
    return route(
            GET("/api/campaigns/{campaignId}/questionnaire-responses"),
            request -> Mono.defer(() -> export(exports, request)))
        .filter(RouteProblems.filter());
  }

  private static Mono<ServerResponse> export(ResponseExportService exports, ServerRequest request) {
    var wanted =
        new ResponseExportService.Request(
            PathVariables.id(request, "campaignId"),
            ExportFormat.of(request),
            category(request),
            after(request));
    return CurrentCaller.withRole(Role.FEDERAL, Role.REGIONAL, Role.API_CLIENT)
        .flatMap(
            caller ->
                exports.export(caller, wanted, request.exchange().getResponse().bufferFactory()))
        .flatMap(
            export -> StreamedExport.download(export.format(), export.fileName(), export.body()));
  }

  private static String category(ServerRequest request) {
    return request
        .queryParam("category")
        .map(
            value -> {
              if (!value.equals("TEACHER") && !value.equals("METHODIST")) {
                throw new InvalidRequestException(
                    "category",
                    "Категория участников: TEACHER или METHODIST, а не «" + value + "»");
              }
              return value;
            })
        .orElse(null);
  }

  private static UUID after(ServerRequest request) {
    return request
        .queryParam("after")
        .map(
            value -> {
              try {
                return UUID.fromString(value);
              } catch (IllegalArgumentException e) {
                throw new InvalidRequestException(
                    "after", "after — это id последней полученной строки выгрузки (UUID)");
              }
            })
        .orElse(null);
  }
}
