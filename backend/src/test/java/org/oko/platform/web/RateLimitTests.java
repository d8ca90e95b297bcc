package org.oko.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.oko.testing.ApiTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Rate limits per regional system (issue 23, "Conventions every integrator expects"): a client that
 * loops is stopped with 429, Retry-After and a Russian problem, and runs again once its allowance
 * refills; people are not limited here. The tests' allowance is 200 at once
 * (application-test.yaml); the clock stands still while the requests go, so nothing refills.
 */
class RateLimitTests extends ApiTest {

  @Test
  void aSystemOverItsAllowanceIsToldWhenToRetryAndRunsAgainOnceItRefilled() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    clock.set(now);
    WebTestClient system = as("region64-system");
    EntityExchangeResult<byte[]> first = get(system);
    assertThat(first.getStatus()).isEqualTo(HttpStatus.OK);
    assertThat(first.getResponseHeaders().getFirst("RateLimit-Limit")).isEqualTo("200");
    long remaining = Long.parseLong(first.getResponseHeaders().getFirst("RateLimit-Remaining"));
    assertThat(remaining).isBetween(0L, 199L);

    EntityExchangeResult<byte[]> refused = null;
    int allowed = 1;
    for (int i = 0; i <= 200 && refused == null; i++) {
      EntityExchangeResult<byte[]> answer = get(system);
      if (answer.getStatus() == HttpStatus.TOO_MANY_REQUESTS) {
        refused = answer;
      } else {
        assertThat(answer.getStatus()).isEqualTo(HttpStatus.OK);
        allowed++;
      }
    }
    assertThat(refused).as("refused within the allowance of 200").isNotNull();
    assertThat(allowed).isEqualTo(remaining + 1);
    assertThat(refused.getResponseHeaders().getFirst("Retry-After")).isEqualTo("1");
    assertThat(refused.getResponseHeaders().getFirst("RateLimit-Remaining")).isEqualTo("0");
    assertThat(refused.getResponseHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    String problem = new String(refused.getResponseBody(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(problem)
        .contains("Слишком много запросов от системы «region64-system»")
        .contains("Повторите через 1 с.");

    // A person is not limited by it.
    assertThat(get(as("region64")).getStatus()).isEqualTo(HttpStatus.OK);

    // A second later 50 requests' worth has come back.
    clock.set(now.plusSeconds(1));
    EntityExchangeResult<byte[]> again = get(system);
    assertThat(again.getStatus()).isEqualTo(HttpStatus.OK);
    assertThat(again.getResponseHeaders().getFirst("RateLimit-Remaining")).isEqualTo("49");
    clock.set(now.plusSeconds(60));
    assertThat(get(system).getStatus()).isEqualTo(HttpStatus.OK);
  }

  private static EntityExchangeResult<byte[]> get(WebTestClient as) {
    return as.get().uri("/api/regions").exchange().expectBody().returnResult();
  }
}
