package org.oko.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.oko.api.model.ApiClientCreated;
import org.oko.api.model.ApiClientList;
import org.oko.api.model.ApiClientSecret;
import org.oko.api.model.AuditEventPage;
import org.oko.api.model.ModelApiClient;
import org.oko.testing.ApiTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * API-client administration (issue 23, "Client administration": «the federal organizer and regions
 * manage their API clients (create, rotate secret shown once, restrict to event types and
 * operations, revoke), audited»; seed 003_c72cd2feee1a719e.txt 12: the region's own systems). A
 * region registers its МИАС, which may then read only what it was allowed, switches it to a new
 * secret without a gap, and revokes it.
 */
class ApiClientAdministrationTests extends ApiTest {

  @Test
  void aRegionRegistersARestrictedClientWhichReadsOnlyWhatItWasAllowed() {
    String id = "r64-mias-" + UUID.randomUUID().toString().substring(0, 8);
    ApiClientCreated created =
        create(
                "region64",
                Map.of(
                    "clientId",
                    id,
                    "name",
                    "МИАС Саратовской области",
                    "eventTypes",
                    List.of("forms.FormSubmitted"),
                    "operations",
                    List.of("changes")))
            .expectStatus()
            .isCreated()
            .expectBody(ApiClientCreated.class)
            .returnResult()
            .getResponseBody();
    assertThat(created.getSecret()).startsWith("ocs_").hasSizeGreaterThan(40);
    assertThat(created.getClient().getRegionCode()).isEqualTo("64");
    assertThat(created.getClient().getStatus()).isEqualTo(ModelApiClient.StatusEnum.ACTIVE);
    assertThat(created.getClient().getCreatedBy()).isEqualTo("region64");

    WebTestClient mias = withToken(clientToken(id, created.getSecret()));
    mias.get().uri("/api/changes?limit=1").exchange().expectStatus().isOk();
    mias.get()
        .uri("/api/changes?limit=1&types=observers.ObserverPresenceMarked")
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("не разрешены события"));
    mias.get()
        .uri("/api/organizations?size=1")
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("чтение данных"));

    // The secret is never listed; the federal organizer sees the client, another region does not.
    assertThat(clients("region64", "")).extracting(ModelApiClient::getClientId).contains(id);
    assertThat(clients("federal", "?regionCode=64"))
        .extracting(ModelApiClient::getClientId)
        .contains(id);
    assertThat(clients("region02", "")).extracting(ModelApiClient::getClientId).doesNotContain(id);
    as("region02").delete().uri("/api/api-clients/" + id).exchange().expectStatus().isNotFound();
    as("edu640001").get().uri("/api/api-clients").exchange().expectStatus().isForbidden();

    // Widened: now it may read organizations too.
    as("region64")
        .put()
        .uri("/api/api-clients/" + id)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            Map.of(
                "name",
                "МИАС Саратовской области",
                "eventTypes",
                List.of("forms.FormSubmitted"),
                "operations",
                List.of("changes", "read")))
        .exchange()
        .expectStatus()
        .isOk();
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                mias.get()
                        .uri("/api/organizations?size=1")
                        .exchange()
                        .returnResult(byte[].class)
                        .getStatus()
                        .value()
                    == 200);
  }

  @Test
  void aRotatedSecretWorksBesideTheOldOneForADayAndARevokedClientIsShutOut() {
    String id = "r64-rot-" + UUID.randomUUID().toString().substring(0, 8);
    ApiClientCreated created =
        create("region64", Map.of("clientId", id, "name", "РЦОИ Саратов"))
            .expectStatus()
            .isCreated()
            .expectBody(ApiClientCreated.class)
            .returnResult()
            .getResponseBody();
    assertThat(created.getClient().getOperations()).as("no restriction: everything").isEmpty();

    ApiClientSecret rotated =
        as("region64")
            .post()
            .uri("/api/api-clients/" + id + "/secret")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(ApiClientSecret.class)
            .returnResult()
            .getResponseBody();
    assertThat(rotated.getSecret()).isNotEqualTo(created.getSecret());
    assertThat(rotated.getPreviousValidUntil()).isNotNull();
    String token = clientToken(id, rotated.getSecret());
    assertThat(clientToken(id, created.getSecret()))
        .as("the old secret during the overlap")
        .isNotBlank();

    WebTestClient system = withToken(token);
    system.get().uri("/api/changes?limit=1").exchange().expectStatus().isOk();
    as("region64").delete().uri("/api/api-clients/" + id).exchange().expectStatus().isNoContent();
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                system
                        .get()
                        .uri("/api/changes?limit=1")
                        .exchange()
                        .returnResult(byte[].class)
                        .getStatus()
                        .value()
                    == 401);
    anonymous
        .post()
        .uri("/oauth2/token")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .bodyValue(
            "grant_type=client_credentials&client_id="
                + id
                + "&client_secret="
                + rotated.getSecret())
        .exchange()
        .expectStatus()
        .isUnauthorized();
    ModelApiClient revoked =
        clients("region64", "").stream()
            .filter(c -> c.getClientId().equals(id))
            .findFirst()
            .orElseThrow();
    assertThat(revoked.getStatus()).isEqualTo(ModelApiClient.StatusEnum.REVOKED);
    assertThat(revoked.getRevokedBy()).isEqualTo("region64");

    AuditEventPage audit =
        as("region64")
            .get()
            .uri("/api/audit?size=50")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(AuditEventPage.class)
            .returnResult()
            .getResponseBody();
    assertThat(audit.getItems())
        .filteredOn(e -> e.getTarget() != null && e.getTarget().contains(id))
        .extracting(e -> e.getAction())
        .contains("api-client.created", "api-client.secret-rotated", "api-client.revoked");
  }

  @Test
  void badInputIsRefusedInRussianAndNothingIsCreated() {
    create("federal", Map.of("name", "Без региона"))
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("регион"));
    create("region64", Map.of("name", "Чужой", "regionCode", "02")).expectStatus().isNotFound();
    String id = "r64-dup-" + UUID.randomUUID().toString().substring(0, 8);
    create("region64", Map.of("clientId", id, "name", "Первый")).expectStatus().isCreated();
    create("region64", Map.of("clientId", id, "name", "Второй"))
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("уже есть"));
    create("region64", Map.of("name", "Плохие права", "operations", List.of("delete-everything")))
        .expectStatus()
        .isBadRequest();
  }

  private WebTestClient.ResponseSpec create(String login, Map<String, Object> body) {
    return as(login)
        .post()
        .uri("/api/api-clients")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  private List<ModelApiClient> clients(String login, String query) {
    ApiClientList list =
        as(login)
            .get()
            .uri("/api/api-clients" + query)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(ApiClientList.class)
            .returnResult()
            .getResponseBody();
    return list.getItems();
  }
}
