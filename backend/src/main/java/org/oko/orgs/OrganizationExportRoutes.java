package org.oko.orgs;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import org.oko.platform.excel.ExportFormat;
import org.oko.platform.excel.StreamedExport;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.security.Role;
import org.oko.platform.web.RouteProblems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** The register's bulk download (tag {@code exports}), streamed as it is written. */
@Configuration(proxyBeanMethods = false)
class OrganizationExportRoutes {

  @Bean
  RouterFunction<ServerResponse> organizationExportRouter(OrganizationExportService exports) {
    return route(
            GET("/api/exports/organizations"),
            request -> Mono.defer(() -> export(exports, request)))
        .filter(RouteProblems.filter());
  }

  private static Mono<ServerResponse> export(
      OrganizationExportService exports, ServerRequest request) {
    ExportFormat format = ExportFormat.of(request);
    Long after = StreamedExport.afterId(request);
    return CurrentCaller.withRole(
            Role.FEDERAL, Role.REGIONAL, Role.API_CLIENT, Role.MUNICIPAL, Role.RESPONSIBLE)
        .flatMap(
            caller ->
                StreamedExport.download(
                    format,
                    "Организации",
                    exports.export(
                        caller, format, after, request.exchange().getResponse().bufferFactory())));
  }
}
