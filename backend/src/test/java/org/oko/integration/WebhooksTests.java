package org.oko.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Webhook;
import org.oko.api.model.WebhookAttemptPage;
import org.oko.api.model.WebhookCreated;
import org.oko.api.model.WebhookList;
import org.oko.api.model.WebhookSecret;
import org.oko.platform.events.EventTopic;
import org.oko.platform.events.Outbox;
import org.oko.testing.ApiTest;
import org.oko.testing.ChangeFeed;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks (issue 23, "Webhooks"): a sample regional system (WireMock on loopback) receives its
 * region's events signed per Standard Webhooks and checks every signature itself; a receiver that
 * fails or hangs is retried without holding back the others, logged, and marked failing after the
 * retry period; targets inside the server's networks are refused.
 */
class WebhooksTests extends ApiTest {

  private static final EventTopic PRESENCE = new EventTopic("observers.ObserverPresenceMarked");
  private static final WireMockServer RECEIVER = new WireMockServer(wireMockConfig().dynamicPort());

  @Autowired Outbox outbox;
  @Autowired DatabaseClient db;
  @Autowired JsonMapper json;

  private final List<Long> created = new ArrayList<>();

  record Presence(
      long assignmentId,
      long campaignId,
      long organizationId,
      String regionCode,
      Instant presentAt,
      String run) {}

  @BeforeAll
  static void startReceiver() {
    RECEIVER.start();
    RECEIVER.stubFor(
        post(urlEqualTo("/ok")).willReturn(aResponse().withStatus(200).withBody("принято")));
    RECEIVER.stubFor(
        post(urlEqualTo("/broken")).willReturn(aResponse().withStatus(500).withBody("сломано")));
    RECEIVER.stubFor(
        post(urlEqualTo("/hangs")).willReturn(aResponse().withStatus(200).withFixedDelay(20_000)));
  }

  @AfterAll
  static void stopReceiver() {
    RECEIVER.stop();
  }

  @AfterEach
  void removeEndpoints() {
    created.forEach(id -> as("region64").delete().uri("/api/webhooks/" + id).exchange());
    created.forEach(id -> client.delete().uri("/api/webhooks/" + id).exchange());
  }

  @Test
  void theRegionsSystemReceivesItsEventsSignedAndInOrderWhileOtherReceiversFailOrHang() {
    String run = UUID.randomUUID().toString();
    WebhookCreated ok = register("region64", "/ok");
    WebhookCreated broken = register("region64", "/broken");
    WebhookCreated hangs = register("region64", "/hangs");

    for (int n = 1; n <= 5; n++) {
      outbox.append(PRESENCE, "same-resource", presence(n, "64", run)).block();
    }
    outbox.append(PRESENCE, "other", presence(99, "02", run)).block();

    Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> received("/ok", run).size() >= 5);
    List<LoggedRequest> requests = received("/ok", run);
    assertThat(requests).hasSize(5);
    for (LoggedRequest r : requests) {
      assertThat(verified(ok.getSecret(), r))
          .as("signature of " + r.getHeader("webhook-id"))
          .isTrue();
      assertThat(verified(broken.getSecret(), r)).isFalse();
    }
    assertThat(requests.stream().map(r -> body(r).get("data").get("assignmentId").asInt()).toList())
        .as("one resource's events in order, none of Bashkortostan")
        .containsExactly(1, 2, 3, 4, 5);
    assertThat(body(requests.get(0)).get("type").asString())
        .isEqualTo("observers.ObserverPresenceMarked");

    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !attempts(broken.getWebhook().getId()).getItems().isEmpty());
    var failed = attempts(broken.getWebhook().getId()).getItems().get(0);
    assertThat(failed.getResponseStatus()).isEqualTo(500);
    assertThat(failed.getResponseExcerpt()).isEqualTo("сломано");
    assertThat(failed.getDeliveryStatus().getValue()).isEqualTo("PENDING");

    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !attempts(hangs.getWebhook().getId()).getItems().isEmpty());
    var timedOut = attempts(hangs.getWebhook().getId()).getItems().get(0);
    assertThat(timedOut.getResponseStatus()).isNull();
    assertThat(timedOut.getError()).isNotBlank();
    assertThat(timedOut.getLatencyMs()).isBetween(1_500, 5_000);
  }

  @Test
  void afterTheRetryPeriodTheEndpointIsMarkedFailingWithTheReason() {
    String run = UUID.randomUUID().toString();
    WebhookCreated broken = register("region64", "/broken");
    long id = broken.getWebhook().getId();
    outbox.append(PRESENCE, "k", presence(1, "64", run)).block();
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> !attempts(id).getItems().isEmpty());

    // A day of retries has passed for it: the next attempt is its last.
    db.sql(
            "update webhook_delivery set first_attempt_at = now() - interval '25 hours',"
                + " next_attempt_at = now() where endpoint_id = :id")
        .bind("id", id)
        .fetch()
        .rowsUpdated()
        .block();
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "FAILING".equals(endpoint("region64", id).getStatus().getValue()));
    Webhook failing = endpoint("region64", id);
    assertThat(failing.getFailingReason()).contains("не доставлено за 24 ч").contains("500");
    assertThat(failing.getFailingSince()).isNotNull();
  }

  @Test
  void aRotatedSecretSignsBesideTheOldOneAndAnEventCanBeDeliveredAgain() {
    String run = UUID.randomUUID().toString();
    WebhookCreated ok = register("federal", "/ok");
    WebhookSecret rotated =
        client
            .post()
            .uri("/api/webhooks/" + ok.getWebhook().getId() + "/secret")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(WebhookSecret.class)
            .returnResult()
            .getResponseBody();
    assertThat(rotated.getSecret()).startsWith("whsec_").isNotEqualTo(ok.getSecret());

    outbox.append(PRESENCE, "k", presence(1, "02", run)).block();
    Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> received("/ok", run).size() == 1);
    LoggedRequest first = received("/ok", run).get(0);
    assertThat(verified(rotated.getSecret(), first)).isTrue();
    assertThat(verified(ok.getSecret(), first))
        .as("the old secret signs during the overlap")
        .isTrue();

    client
        .post()
        .uri("/api/webhooks/" + ok.getWebhook().getId() + "/redeliveries")
        .bodyValue(Map.of("eventId", first.getHeader("webhook-id")))
        .exchange()
        .expectStatus()
        .isAccepted();
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> received("/ok", run).size() == 2);
    assertThat(received("/ok", run).get(1).getHeader("webhook-id"))
        .isEqualTo(first.getHeader("webhook-id"));
  }

  @Test
  void everythingSinceACursorIsDeliveredAgainInOrderAndAnotherRegionsCursorIsRefused() {
    String run = UUID.randomUUID().toString();
    WebhookCreated ok = register("region64", "/ok");
    long id = ok.getWebhook().getId();
    outbox.append(PRESENCE, "since", presence(1, "64", run)).block();
    Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> received("/ok", run).size() == 1);
    // the receiver keeps the feed's cursor after what it has; then it loses events 2–4
    String cursor = head("region64");
    for (int n = 2; n <= 4; n++) {
      outbox.append(PRESENCE, "since", presence(n, "64", run)).block();
    }
    Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> received("/ok", run).size() == 4);
    List<String> firstIds =
        received("/ok", run).stream().skip(1).map(r -> r.getHeader("webhook-id")).toList();

    as("region64")
        .post()
        .uri("/api/webhooks/" + id + "/redeliveries")
        .bodyValue(Map.of("after", cursor))
        .exchange()
        .expectStatus()
        .isAccepted()
        .expectBody()
        .jsonPath("$.scheduled")
        .isEqualTo(3)
        .jsonPath("$.next")
        .doesNotExist();
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> received("/ok", run).size() == 7);
    List<LoggedRequest> again = received("/ok", run).subList(4, 7);
    assertThat(again.stream().map(r -> body(r).get("data").get("assignmentId").asInt()).toList())
        .as("the events after the cursor, in order, not the one before it")
        .containsExactly(2, 3, 4);
    assertThat(again.stream().map(r -> r.getHeader("webhook-id")).toList())
        .as("each keeps its webhook-id")
        .isEqualTo(firstIds);
    assertThat(again).allSatisfy(r -> assertThat(verified(ok.getSecret(), r)).isTrue());

    // Bashkortostan's cursor does not open anything for Saratov's endpoint
    as("region64")
        .post()
        .uri("/api/webhooks/" + id + "/redeliveries")
        .bodyValue(Map.of("after", head("region02")))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("другой области видимости"));
    as("region64")
        .post()
        .uri("/api/webhooks/" + id + "/redeliveries")
        .bodyValue(Map.of("after", cursor, "eventId", firstIds.get(0)))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("либо eventId"));
    assertThat(received("/ok", run)).as("nothing more was sent").hasSize(7);
  }

  @Test
  void targetsInsideTheServersNetworksOrWithoutHttpsAreRefused() {
    for (String url :
        List.of(
            "http://10.1.2.3/hook",
            "http://192.168.0.10/hook",
            "http://169.254.169.254/latest/meta-data",
            "ftp://127.0.0.1/hook",
            "не адрес")) {
      as("region64")
          .post()
          .uri("/api/webhooks")
          .bodyValue(Map.of("url", url, "eventTypes", List.of("forms.FormSubmitted")))
          .exchange()
          .expectStatus()
          .isEqualTo(422)
          .expectBody()
          .jsonPath("$.detail")
          .value(d -> assertThat((String) d).startsWith("Адрес вебхука не принят"));
    }
  }

  @Test
  void anotherRegionsEndpointIsNotFoundAndSchoolsMayNotRegister() {
    long id = register("region64", "/ok").getWebhook().getId();
    as("region02").delete().uri("/api/webhooks/" + id).exchange().expectStatus().isNotFound();
    as("region02")
        .get()
        .uri("/api/webhooks/" + id + "/attempts")
        .exchange()
        .expectStatus()
        .isNotFound();
    assertThat(list("region02").getItems()).extracting(Webhook::getId).doesNotContain(id);
    assertThat(list("region64").getItems()).extracting(Webhook::getId).contains(id);
    as("edu640001").get().uri("/api/webhooks").exchange().expectStatus().isForbidden();
  }

  private WebhookCreated register(String login, String path) {
    WebhookCreated w =
        as(login)
            .post()
            .uri("/api/webhooks")
            .bodyValue(
                Map.of(
                    "url",
                    "http://localhost:" + RECEIVER.port() + path,
                    "eventTypes",
                    List.of("observers.ObserverPresenceMarked")))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(WebhookCreated.class)
            .returnResult()
            .getResponseBody();
    created.add(w.getWebhook().getId());
    return w;
  }

  /** The caller's change-feed cursor after its latest presence event. */
  private String head(String login) {
    return ChangeFeed.head(as(login), 200, PRESENCE.name());
  }

  private WebhookList list(String login) {
    return as(login)
        .get()
        .uri("/api/webhooks")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(WebhookList.class)
        .returnResult()
        .getResponseBody();
  }

  private Webhook endpoint(String login, long id) {
    return list(login).getItems().stream().filter(w -> w.getId() == id).findFirst().orElseThrow();
  }

  private WebhookAttemptPage attempts(long id) {
    return as("region64")
        .get()
        .uri("/api/webhooks/" + id + "/attempts")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(WebhookAttemptPage.class)
        .returnResult()
        .getResponseBody();
  }

  private List<LoggedRequest> received(String path, String run) {
    return RECEIVER.findAll(postRequestedFor(urlEqualTo(path))).stream()
        .filter(r -> run.equals(body(r).get("data").path("run").asString()))
        .toList();
  }

  private JsonNode body(LoggedRequest r) {
    return json.readTree(r.getBodyAsString());
  }

  /** What a receiver does: recompute v1 over id.timestamp.body and look for it in the header. */
  private static boolean verified(String secret, LoggedRequest r) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(
              Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
      String signed =
          r.getHeader("webhook-id")
              + "."
              + r.getHeader("webhook-timestamp")
              + "."
              + r.getBodyAsString();
      String expected =
          "v1,"
              + Base64.getEncoder()
                  .encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
      return List.of(r.getHeader("webhook-signature").split(" ")).contains(expected);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Presence presence(long n, String region, String run) {
    return new Presence(n, 77, 1000 + n, region, Instant.parse("2026-04-14T08:00:00Z"), run);
  }
}
