package org.oko.sample;

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
 * The sample's workbook uploads (tag {@code uploads}): functional routes, so that the body streams
 * to a temporary file instead of being buffered by a controller.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SampleProperties.class)
class SampleUploadRoutes {

  @Bean
  RouterFunction<ServerResponse> sampleUploadRouter(SampleUploads uploads) {
    return route(
            POST("/api/campaigns/{campaignId}/regions/{regionCode}/preliminary-list/upload"),
            request -> Mono.defer(() -> uploads.preliminaryList(request)))
        .andRoute(
            POST("/api/campaigns/{campaignId}/sample/verification-uploads"),
            request -> Mono.defer(() -> uploads.verificationForm(request)))
        // Deferred: a malformed path variable becomes a problem document, not a thrown error.
        .filter(RouteProblems.filter());
  }
}
