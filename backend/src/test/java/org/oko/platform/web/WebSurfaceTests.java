package org.oko.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What a browser, an operator and a monitoring system see besides the API. */
class WebSurfaceTests extends ApiTest {

  @LocalManagementPort int managementPort;

  @Autowired Environment environment;

  @Test
  void servesTheSpa() {
    client
        .get()
        .uri("/")
        .accept(MediaType.TEXT_HTML)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(containsString("<div id=\"root\">"));
  }

  @Test
  void theSpaIsServedUnderAStrictContentSecurityPolicyAndAPermissionsPolicy() {
    var headers =
        anonymous
            .get()
            .uri("/")
            .accept(MediaType.TEXT_HTML)
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(String.class)
            .getResponseHeaders();
    String csp = headers.getFirst("Content-Security-Policy");
    assertThat(csp)
        .contains(
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "frame-ancestors 'none'")
        .doesNotContain("unsafe-inline")
        .doesNotContain("unsafe-eval");
    assertThat(headers.getFirst("Permissions-Policy")).contains("camera=()", "geolocation=()");
  }

  @Test
  void swaggerUiHasItsOwnPolicyAllowingItsInlineStylesAndDataImagesButNoInlineScript() {
    String csp =
        anonymous
            .get()
            .uri("/webjars/swagger-ui/index.html")
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(String.class)
            .getResponseHeaders()
            .getFirst("Content-Security-Policy");
    assertThat(csp)
        .contains("script-src 'self';", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:")
        .doesNotContain("unsafe-eval");
  }

  @Test
  void aReloadedClientRouteStillOpensTheSpa() {
    client
        .get()
        .uri("/orgs/regions/64")
        .accept(MediaType.TEXT_HTML)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(containsString("<div id=\"root\">"));
  }

  @Test
  void anUnknownApiPathIsAProblemNotTheSpa() {
    client
        .get()
        .uri("/api/nothing-here")
        .accept(MediaType.TEXT_HTML, MediaType.APPLICATION_JSON)
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void servesTheContractAndSwaggerUi() {
    client
        .mutate()
        .codecs(
            codecs ->
                codecs
                    .defaultCodecs()
                    .maxInMemorySize(4 * 1024 * 1024)) // the contract is over 256 KB
        .build()
        .get()
        .uri("/openapi.yaml")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(containsString("operationId: listOrganizations"));

    client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
    client
        .get()
        .uri("/v3/api-docs/swagger-config")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(containsString("/openapi.yaml"));
  }

  @Test
  void theProbesOnTheApplicationPortShowOnlyTheStatusToAnyone() {
    anonymous
        .get()
        .uri("/actuator/health/readiness")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .json("{\"status\":\"UP\"}", JsonCompareMode.STRICT);
    anonymous
        .get()
        .uri("/actuator/health/liveness")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .json("{\"status\":\"UP\"}", JsonCompareMode.STRICT);
  }

  @Test
  void healthDetailsAndMetricsAreNotOnTheApplicationPort() {
    for (String path :
        List.of("/actuator/health", "/actuator/prometheus", "/actuator/info", "/actuator")) {
      client.get().uri(path).exchange().expectStatus().isNotFound();
    }
  }

  @Test
  void theManagementPortReportsHealthWithDetailsOfDatabaseAndKafka() {
    management()
        .get()
        .uri("/actuator/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP")
        .jsonPath("$.components.r2dbc.status")
        .isEqualTo("UP")
        .jsonPath("$.components.kafka.details")
        .exists()
        .jsonPath("$.components.diskSpace.details.path")
        .exists();
  }

  @Test
  void theManagementPortExposesPrometheusMetrics() {
    management()
        .get()
        .uri("/actuator/prometheus")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(containsString("jvm_memory_used_bytes"));
  }

  @Test
  void theManagementPortListensOnLoopbackUnlessConfiguredOtherwise() {
    assertThat(environment.getProperty("management.server.address")).isEqualTo("127.0.0.1");
    assertThat(managementPort).isNotEqualTo(port);
  }

  private WebTestClient management() {
    return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();
  }
}
