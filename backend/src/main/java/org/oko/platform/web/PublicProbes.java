package org.oko.platform.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.util.Map;
import org.springframework.boot.actuate.endpoint.ApiVersion;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.ReactiveHealthEndpointWebExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The liveness and readiness probes on the application's own port, for the load balancer and the
 * orchestrator, which reach only that port. They answer the status alone ({@code {"status":"UP"}},
 * 503 when down): the actuator with its details (disks, database, brokers) and the metrics is on
 * the management port, bound to loopback by default (docs/operations.md, "Health and metrics").
 */
@Configuration(proxyBeanMethods = false)
class PublicProbes {

  private static final String LIVENESS = "/actuator/health/liveness";
  private static final String READINESS = "/actuator/health/readiness";

  @Bean
  RouterFunction<ServerResponse> probeRoutes(ReactiveHealthEndpointWebExtension health) {
    return route(GET(LIVENESS), request -> status(health, "liveness"))
        .andRoute(GET(READINESS), request -> status(health, "readiness"));
  }

  private static Mono<ServerResponse> status(
      ReactiveHealthEndpointWebExtension health, String group) {
    return health
        .health(ApiVersion.LATEST, WebServerNamespace.SERVER, SecurityContext.NONE, false, group)
        .flatMap(
            response ->
                response.getBody() == null
                    ? ServerResponse.status(response.getStatus()).build()
                    : ServerResponse.status(response.getStatus())
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("status", response.getBody().getStatus().getCode())));
  }
}
