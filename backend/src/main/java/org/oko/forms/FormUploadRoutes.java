package org.oko.forms;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import org.oko.platform.web.RouteProblems;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * «Загрузить из excel» (tag {@code uploads}): a functional route, so that the body streams to a
 * temporary file instead of being buffered by a controller.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FormsProperties.class)
class FormUploadRoutes {

  @Bean
  RouterFunction<ServerResponse> formUploadRouter(FormUploads uploads) {
    return route(
            POST("/api/forms/{formId}/response/upload"),
            request -> Mono.defer(() -> uploads.upload(request)))
        // Deferred: a malformed path variable becomes a problem document, not a thrown error.
        .filter(RouteProblems.filter());
  }
}
