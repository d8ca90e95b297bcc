package org.oko.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Webhook;
import org.oko.api.model.WebhookCreated;
import org.oko.api.model.WebhookList;
import org.oko.testing.ApiTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * What a regional system relies on to repeat a request safely (issue 23, "Conventions every
 * integrator expects"; `003_c72cd2feee1a719e.txt` 12: the region's own systems keep in step with
 * OKO): a POST repeated with its {@code Idempotency-Key} creates nothing twice and answers the
 * first answer again, and a list polled with its {@code ETag} answers 304 until it changes.
 */
class RepeatableRequestsTests extends ApiTest {

  private final List<Long> created = new ArrayList<>();

  @AfterEach
  void deleteWebhooks() {
    for (long id : created) {
      as("region64").delete().uri("/api/webhooks/" + id).exchange();
    }
  }

  @Test
  void aRepeatedPostWithItsKeyAnswersTheFirstAnswerAndCreatesNothingMore() {
    String key = UUID.randomUUID().toString();
    String url = hookUrl();
    EntityExchangeResult<WebhookCreated> first = register(key, url);
    EntityExchangeResult<WebhookCreated> repeat = register(key, url);

    long id = first.getResponseBody().getWebhook().getId();
    created.add(id);
    assertThat(repeat.getResponseBody().getWebhook().getId()).isEqualTo(id);
    assertThat(repeat.getResponseBody().getSecret())
        .as("the repeat carries the answer the lost first one had, secret included")
        .isEqualTo(first.getResponseBody().getSecret());
    assertThat(first.getResponseHeaders().getFirst(IdempotentPosts.REPLAYED_HEADER)).isNull();
    assertThat(repeat.getResponseHeaders().getFirst(IdempotentPosts.REPLAYED_HEADER))
        .isEqualTo("true");
    assertThat(endpointsAt(url)).hasSize(1);

    // the same request without the key is a new one, as before
    long other = register(null, url).getResponseBody().getWebhook().getId();
    created.add(other);
    assertThat(other).isNotEqualTo(id);
    assertThat(endpointsAt(url)).hasSize(2);
  }

  @Test
  void theSameKeyWithAnotherBodyIsRefusedAndAnotherCallersKeyIsItsOwn() {
    String key = UUID.randomUUID().toString();
    String url = hookUrl();
    created.add(register(key, url).getResponseBody().getWebhook().getId());

    as("region64")
        .post()
        .uri("/api/webhooks")
        .header(IdempotentPosts.KEY_HEADER, key)
        .bodyValue(input(url + "-другой"))
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("Idempotency-Key уже использован"));
    assertThat(endpointsAt(url + "-другой")).isEmpty();

    // the federal organizer's request with the region's key is its own request
    var federal =
        client
            .post()
            .uri("/api/webhooks")
            .header(IdempotentPosts.KEY_HEADER, key)
            .bodyValue(input(url))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(WebhookCreated.class)
            .returnResult();
    assertThat(federal.getResponseHeaders().getFirst(IdempotentPosts.REPLAYED_HEADER)).isNull();
    client
        .delete()
        .uri("/api/webhooks/" + federal.getResponseBody().getWebhook().getId())
        .exchange();
  }

  @Test
  void aMalformedKeyIsABadRequestThatCreatesNothing() {
    String url = hookUrl();
    as("region64")
        .post()
        .uri("/api/webhooks")
        .header(IdempotentPosts.KEY_HEADER, "ключ с пробелами")
        .bodyValue(input(url))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("Idempotency-Key"));
    assertThat(endpointsAt(url)).isEmpty();
  }

  @Test
  void concurrentRepeatsOfOneKeyCreateOneThing() throws Exception {
    String key = UUID.randomUUID().toString();
    String url = hookUrl();
    Set<Long> ids = new TreeSet<>();
    List<Integer> statuses = new ArrayList<>();
    var pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<EntityExchangeResult<byte[]>>> sent = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        sent.add(
            pool.submit(
                () ->
                    as("region64")
                        .post()
                        .uri("/api/webhooks")
                        .header(IdempotentPosts.KEY_HEADER, key)
                        .bodyValue(input(url))
                        .exchange()
                        .expectBody()
                        .returnResult()));
      }
      for (var future : sent) {
        var result = future.get();
        statuses.add(result.getStatus().value());
      }
    } finally {
      pool.shutdown();
    }
    List<Webhook> endpoints = endpointsAt(url);
    endpoints.forEach(w -> created.add(w.getId()));
    endpoints.forEach(w -> ids.add(w.getId()));
    assertThat(ids).as("one endpoint however many repeats raced").hasSize(1);
    assertThat(statuses).containsAnyOf(201).allMatch(s -> s == 201 || s == 409);
  }

  @Test
  void aPolledListAnswersNotModifiedUntilItChanges() {
    var first = as("region64").get().uri("/api/webhooks").exchange().expectStatus().isOk();
    String tag = first.returnResult(byte[].class).getResponseHeaders().getETag();
    assertThat(tag).startsWith("\"").endsWith("\"");

    as("region64")
        .get()
        .uri("/api/webhooks")
        .header(HttpHeaders.IF_NONE_MATCH, tag)
        .exchange()
        .expectStatus()
        .isNotModified()
        .expectBody()
        .isEmpty();

    created.add(register(null, hookUrl()).getResponseBody().getWebhook().getId());
    String changed =
        as("region64")
            .get()
            .uri("/api/webhooks")
            .header(HttpHeaders.IF_NONE_MATCH, tag)
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(byte[].class)
            .getResponseHeaders()
            .getETag();
    assertThat(changed).isNotEqualTo(tag);

    // another caller reads another list at the same address: never the region's tag
    String federalTag =
        client
            .get()
            .uri("/api/webhooks")
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(byte[].class)
            .getResponseHeaders()
            .getETag();
    assertThat(federalTag).isNotEqualTo(changed);
  }

  private EntityExchangeResult<WebhookCreated> register(String key, String url) {
    return as("region64")
        .post()
        .uri("/api/webhooks")
        .headers(
            h -> {
              if (key != null) {
                h.set(IdempotentPosts.KEY_HEADER, key);
              }
            })
        .bodyValue(input(url))
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(WebhookCreated.class)
        .returnResult();
  }

  private static Map<String, Object> input(String url) {
    return Map.of("url", url, "eventTypes", List.of("forms.FormSubmitted"));
  }

  /** A loopback address no one listens on (loopback is allowed in tests), unique per call. */
  private static String hookUrl() {
    return "http://localhost:9/oko-" + UUID.randomUUID();
  }

  private List<Webhook> endpointsAt(String url) {
    WebhookList list =
        as("region64")
            .get()
            .uri("/api/webhooks")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(WebhookList.class)
            .returnResult()
            .getResponseBody();
    return list.getItems().stream().filter(w -> url.equals(w.getUrl().toString())).toList();
  }
}
