package org.oko;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oko.AuthorizationMatrixTests.Case;
import org.oko.AuthorizationMatrixTests.FeatureRules;
import org.oko.AuthorizationMatrixTests.Fixture;

/**
 * Who may call the API for regional systems. The change feed is for whole regions and the country:
 * a region's system and coordinator read their region's events, the federal organizer all; a
 * foreign region's cursor is refused (400, {@code integration.ChangeFeedTests}).
 */
class IntegrationAuthorizationRules implements FeatureRules {

  private static final String CHANGES = "/api/changes?limit=1";

  @Override
  public Map<String, List<Case>> rules(Fixture fixture) {
    Map<String, List<Case>> rules = new LinkedHashMap<>();
    rules.put(
        "listChanges",
        List.of(
            Case.get(AuthorizationMatrixTests.FEDERAL_LOGIN, CHANGES, 200),
            Case.get(AuthorizationMatrixTests.REGIONAL_LOGIN, CHANGES, 200),
            Case.get("region64-system", CHANGES, 200),
            Case.get("region02", CHANGES, 200),
            Case.get(AuthorizationMatrixTests.MUNICIPAL_LOGIN, CHANGES, 403),
            Case.get(AuthorizationMatrixTests.RESPONSIBLE_LOGIN, CHANGES, 403),
            Case.get(AuthorizationMatrixTests.SCHOOL_LOGIN, CHANGES, 403),
            Case.get("scan64", CHANGES, 403)));
    String body = "{\"url\":\"http://127.0.0.1:9/oko\",\"eventTypes\":[\"forms.FormSubmitted\"]}";
    rules.put(
        "listWebhooks",
        List.of(
            Case.get(AuthorizationMatrixTests.FEDERAL_LOGIN, "/api/webhooks", 200),
            Case.get(AuthorizationMatrixTests.REGIONAL_LOGIN, "/api/webhooks", 200),
            Case.get("region64-system", "/api/webhooks", 403),
            Case.get(AuthorizationMatrixTests.MUNICIPAL_LOGIN, "/api/webhooks", 403),
            Case.get(AuthorizationMatrixTests.SCHOOL_LOGIN, "/api/webhooks", 403)));
    rules.put(
        "createWebhook",
        List.of(
            Case.post(AuthorizationMatrixTests.REGIONAL_LOGIN, "/api/webhooks", body, 201),
            Case.post(AuthorizationMatrixTests.FEDERAL_LOGIN, "/api/webhooks", body, 201),
            Case.post("region64-system", "/api/webhooks", body, 403),
            Case.post(AuthorizationMatrixTests.RESPONSIBLE_LOGIN, "/api/webhooks", body, 403),
            Case.post(AuthorizationMatrixTests.SCHOOL_LOGIN, "/api/webhooks", body, 403)));
    long own = saratovEndpoint(fixture, body);
    String one = "/api/webhooks/" + own;
    rules.put(
        "rotateWebhookSecret",
        List.of(
            Case.post(AuthorizationMatrixTests.REGIONAL_LOGIN, one + "/secret", null, 200),
            Case.post("region02", one + "/secret", null, 404),
            Case.post(AuthorizationMatrixTests.FEDERAL_LOGIN, one + "/secret", null, 404),
            Case.post(AuthorizationMatrixTests.SCHOOL_LOGIN, one + "/secret", null, 403)));
    rules.put(
        "listWebhookAttempts",
        List.of(
            Case.get(AuthorizationMatrixTests.REGIONAL_LOGIN, one + "/attempts", 200),
            Case.get("region02", one + "/attempts", 404),
            Case.get(AuthorizationMatrixTests.MUNICIPAL_LOGIN, one + "/attempts", 403)));
    String event = "{\"eventId\":\"1\"}";
    rules.put(
        "redeliverWebhook",
        List.of(
            Case.post("region02", one + "/redeliveries", event, 404),
            Case.post(AuthorizationMatrixTests.SCHOOL_LOGIN, one + "/redeliveries", event, 403)));
    rules.put(
        "deleteWebhook",
        List.of(
            Case.delete("region02", one, 404),
            Case.delete(AuthorizationMatrixTests.SCHOOL_LOGIN, one, 403),
            Case.delete(
                AuthorizationMatrixTests.REGIONAL_LOGIN,
                "/api/webhooks/" + saratovEndpoint(fixture, body),
                204)));
    return rules;
  }

  /** An endpoint of region 64 (Saratov), registered by its coordinator. */
  private static long saratovEndpoint(Fixture fixture, String body) {
    return fixture
        .as(AuthorizationMatrixTests.REGIONAL_LOGIN)
        .post()
        .uri("/api/webhooks")
        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(org.oko.api.model.WebhookCreated.class)
        .returnResult()
        .getResponseBody()
        .getWebhook()
        .getId();
  }
}
