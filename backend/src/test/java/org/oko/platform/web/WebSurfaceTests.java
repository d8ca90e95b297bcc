package org.oko.platform.web;

import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;
import org.oko.testing.ApiTest;
import org.springframework.http.MediaType;

/** What a browser, an operator and a monitoring system see besides the API. */
class WebSurfaceTests extends ApiTest {

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
  void reportsHealthWithDatabaseAndKafka() {
    client
        .get()
        .uri("/actuator/health/readiness")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP")
        .jsonPath("$.components.r2dbc.status")
        .isEqualTo("UP")
        .jsonPath("$.components.kafka.status")
        .isEqualTo("UP");
    client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
  }

  @Test
  void exposesPrometheusMetrics() {
    client
        .get()
        .uri("/actuator/prometheus")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(containsString("jvm_memory_used_bytes"));
  }
}
