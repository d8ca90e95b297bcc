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
    exportJobs(fixture, rules);
    apiClients(fixture, rules);
    return rules;
  }

  /**
   * API-client administration: a region manages its region's clients, the federal organizer every
   * region's; another region's client is 404, every other role 403 ({@code
   * identity.ApiClientAdministrationTests}).
   */
  private static void apiClients(Fixture fixture, Map<String, List<Case>> rules) {
    rules.put(
        "listApiClients",
        List.of(
            Case.get(AuthorizationMatrixTests.FEDERAL_LOGIN, "/api/api-clients", 200),
            Case.get(AuthorizationMatrixTests.REGIONAL_LOGIN, "/api/api-clients", 200),
            Case.get(
                AuthorizationMatrixTests.REGIONAL_LOGIN, "/api/api-clients?regionCode=02", 404),
            Case.get("region64-system", "/api/api-clients", 403),
            Case.get(AuthorizationMatrixTests.MUNICIPAL_LOGIN, "/api/api-clients", 403),
            Case.get(AuthorizationMatrixTests.SCHOOL_LOGIN, "/api/api-clients", 403)));
    rules.put(
        "createApiClient",
        List.of(
            Case.post(
                AuthorizationMatrixTests.REGIONAL_LOGIN,
                "/api/api-clients",
                "{\"name\":\"Матрица: регион\"}",
                201),
            Case.post(
                AuthorizationMatrixTests.FEDERAL_LOGIN,
                "/api/api-clients",
                "{\"name\":\"Матрица: ФОИВ\",\"regionCode\":\"02\"}",
                201),
            Case.post(
                "region02", "/api/api-clients", "{\"name\":\"x\",\"regionCode\":\"64\"}", 404),
            Case.post("region64-system", "/api/api-clients", "{\"name\":\"x\"}", 403),
            Case.post(
                AuthorizationMatrixTests.SCHOOL_LOGIN,
                "/api/api-clients",
                "{\"name\":\"x\"}",
                403)));
    String one = "/api/api-clients/" + saratovClient(fixture);
    String update = "{\"name\":\"Матрица: переименован\",\"operations\":[\"changes\"]}";
    rules.put(
        "updateApiClient",
        List.of(
            Case.put(AuthorizationMatrixTests.REGIONAL_LOGIN, one, update, 200),
            Case.put(AuthorizationMatrixTests.FEDERAL_LOGIN, one, update, 200),
            Case.put("region02", one, update, 404),
            Case.put(AuthorizationMatrixTests.MUNICIPAL_LOGIN, one, update, 403)));
    rules.put(
        "rotateApiClientSecret",
        List.of(
            Case.post(AuthorizationMatrixTests.REGIONAL_LOGIN, one + "/secret", null, 200),
            Case.post("region02", one + "/secret", null, 404),
            Case.post(AuthorizationMatrixTests.SCHOOL_LOGIN, one + "/secret", null, 403)));
    rules.put(
        "revokeApiClient",
        List.of(
            Case.delete("region02", one, 404),
            Case.delete(AuthorizationMatrixTests.SCHOOL_LOGIN, one, 403),
            Case.delete(
                AuthorizationMatrixTests.REGIONAL_LOGIN,
                "/api/api-clients/" + saratovClient(fixture),
                204)));
  }

  /** A client of region 64, registered by its coordinator. */
  private static String saratovClient(Fixture fixture) {
    return fixture
        .as(AuthorizationMatrixTests.REGIONAL_LOGIN)
        .post()
        .uri("/api/api-clients")
        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
        .bodyValue("{\"name\":\"Матрица: клиент\"}")
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(org.oko.api.model.ApiClientCreated.class)
        .returnResult()
        .getResponseBody()
        .getClient()
        .getClientId();
  }

  /**
   * Background exports: anyone may start one (the export itself decides what the caller may read:
   * {@code integration.ExportJobsTests}); a job is its owner's alone, another's answers 404.
   */
  private static void exportJobs(Fixture fixture, Map<String, List<Case>> rules) {
    String export = "{\"export\":\"/api/exports/organizations?format=ndjson\"}";
    rules.put(
        "createExportJob",
        List.of(
            Case.post(AuthorizationMatrixTests.REGIONAL_LOGIN, "/api/export-jobs", export, 202),
            Case.post("region64-system", "/api/export-jobs", export, 202),
            Case.post(AuthorizationMatrixTests.SCHOOL_LOGIN, "/api/export-jobs", export, 202)));
    rules.put(
        "listExportJobs",
        List.of(
            Case.get(AuthorizationMatrixTests.FEDERAL_LOGIN, "/api/export-jobs", 200),
            Case.get("region64-system", "/api/export-jobs", 200),
            Case.get(AuthorizationMatrixTests.SCHOOL_LOGIN, "/api/export-jobs", 200)));
    String own = "/api/export-jobs/" + finishedJob(fixture, export);
    rules.put(
        "getExportJob",
        List.of(
            Case.get(AuthorizationMatrixTests.REGIONAL_LOGIN, own, 200),
            Case.get("region02", own, 404),
            Case.get("region64-system", own, 404),
            Case.get(AuthorizationMatrixTests.SCHOOL_LOGIN, own, 404)));
    rules.put(
        "downloadExportJobFile",
        List.of(
            Case.get(AuthorizationMatrixTests.REGIONAL_LOGIN, own + "/file", 200),
            Case.get("region02", own + "/file", 404),
            Case.get(AuthorizationMatrixTests.FEDERAL_LOGIN, own + "/file", 404)));
    rules.put(
        "deleteExportJob",
        List.of(
            Case.delete("region02", own, 404),
            Case.delete(AuthorizationMatrixTests.SCHOOL_LOGIN, own, 404),
            Case.delete(
                AuthorizationMatrixTests.REGIONAL_LOGIN,
                "/api/export-jobs/" + finishedJob(fixture, export),
                204)));
  }

  /** A background export of region 64's coordinator, waited for until it is done. */
  private static String finishedJob(Fixture fixture, String body) {
    var client = fixture.as(AuthorizationMatrixTests.REGIONAL_LOGIN);
    var job =
        client
            .post()
            .uri("/api/export-jobs")
            .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isAccepted()
            .expectBody(org.oko.api.model.ExportJob.class)
            .returnResult()
            .getResponseBody();
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
    while (job.getStatus() == org.oko.api.model.ExportJob.StatusEnum.RUNNING
        && System.nanoTime() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      job =
          client
              .get()
              .uri("/api/export-jobs/" + job.getId())
              .exchange()
              .expectStatus()
              .isOk()
              .expectBody(org.oko.api.model.ExportJob.class)
              .returnResult()
              .getResponseBody();
    }
    return job.getId().toString();
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
