package org.oko.forms;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import org.oko.platform.security.CurrentCaller;
import org.oko.platform.web.InvalidRequestException;
import org.oko.platform.web.PathVariables;
import org.oko.platform.web.RouteProblems;
import org.oko.platform.web.UploadBody;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * «Загрузить из excel» (tag {@code uploads}): a functional route, so that the body streams to a
 * temporary file instead of being buffered by a controller ({@link ResponseUploadService} reads
 * it).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FormsProperties.class)
class FormUploadRoutes {

  @Bean
  RouterFunction<ServerResponse> formUploadRouter(ResponseUploadService uploads) {
    return route(
            POST("/api/forms/{formId}/response/upload"),
            request -> Mono.defer(() -> upload(uploads, request)))
        // Deferred: a malformed path variable becomes a problem document, not a thrown error.
        .filter(RouteProblems.filter());
  }

  private static Mono<ServerResponse> upload(ResponseUploadService uploads, ServerRequest request) {
    var upload =
        new ResponseUploadService.Upload(
            pathId(request),
            request.queryParam("organization").orElse(null),
            longParam(request, "municipalityId"),
            longParam(request, "version"),
            request.queryParam("submit").map(Boolean::parseBoolean).orElse(false));
    return CurrentCaller.get()
        .flatMap(caller -> uploads.upload(caller, upload, UploadBody.of(request)))
        .flatMap(
            view ->
                ServerResponse.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(FormsMapper.response(view)));
  }

  private static long pathId(ServerRequest request) {
    return PathVariables.id(request, "formId", "Неверный номер формы");
  }

  private static Long longParam(ServerRequest request, String name) {
    return request
        .queryParam(name)
        .map(
            value -> {
              try {
                return Long.parseLong(value);
              } catch (NumberFormatException e) {
                throw new InvalidRequestException(name, "Ожидается целое число");
              }
            })
        .orElse(null);
  }
}
