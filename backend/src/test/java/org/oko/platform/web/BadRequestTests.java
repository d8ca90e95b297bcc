package org.oko.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.oko.testing.ApiTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Whatever a client gets wrong in a request — its type, its characters, its length, its headers —
 * is answered with a 400-range problem document in Russian naming what is wrong, never a 500 and
 * never a framework's English or empty answer.
 */
class BadRequestTests extends ApiTest {

  private static final String PUBLICATION =
      """
      {"campaignId": 1, "title": %s, "body": "текст",
       "audience": {"roles": [%s], "regionCodes": [], "sampleOnly": false}}\
      """;

  @Test
  void aNulByteInAQueryParameterIsRefusedNamingTheParameter() {
    Map<String, Object> problem =
        badRequest(client.get().uri(URI.create(baseUrl() + "/api/organizations?q=%00")).exchange());

    assertThat(errors(problem))
        .singleElement()
        .satisfies(e -> assertThat(e).containsEntry("field", "q"));
    assertThat((String) problem.get("detail")).contains("«q»").contains("U+0000");
  }

  @Test
  void aControlCharacterInAPathSegmentIsRefused() {
    Map<String, Object> problem =
        badRequest(client.get().uri(URI.create(baseUrl() + "/api/organizations/1%01")).exchange());

    assertThat(errors(problem))
        .singleElement()
        .satisfies(e -> assertThat(e).containsEntry("field", "path"));
  }

  @Test
  void aNulByteInAJsonStringIsRefusedNamingTheField() {
    Map<String, Object> problem = badRequest(postPublication("\"x\\u0000y\"", "\"ORGANIZATION\""));

    assertThat(errors(problem))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e).containsEntry("field", "title");
              assertThat((String) e.get("message")).contains("U+0000");
            });
  }

  @Test
  void aControlCharacterInAMapKeyOfJsonIsRefused() {
    Map<String, Object> problem =
        badRequest(
            client
                .put()
                .uri("/api/forms/1/response?organization=edu640001")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"version\": 0, \"sheets\": {\"a\\u0007b\": []}}")
                .exchange());

    assertThat((String) problem.get("detail")).contains("U+0007");
  }

  @Test
  void aControlCharacterInAFormFieldOfTheTokenEndpointIsAnOAuthInvalidRequest() {
    anonymous
        .post()
        .uri("/oauth2/token")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(
            BodyInserters.fromFormData("grant_type", "password")
                .with("username", "fed\u0000eral")
                .with("password", "x"))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.error")
        .isEqualTo("invalid_request")
        .jsonPath("$.error_description")
        .value(d -> assertThat((String) d).contains("«username»").contains("U+0000"));
  }

  @Test
  void anUnknownEnumValueInAQueryParameterListsTheAllowedValues() {
    Map<String, Object> problem =
        badRequest(
            client
                .get()
                .uri("/api/campaigns/1/questionnaire-monitoring?level=ORGANIZATION")
                .exchange());

    assertThat(errors(problem))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e).containsEntry("field", "level");
              assertThat(e).containsEntry("allowed", List.of("REGION", "MUNICIPALITY", "POINT"));
            });
    assertThat((String) problem.get("detail"))
        .contains("ORGANIZATION")
        .contains("REGION, MUNICIPALITY, POINT");
  }

  @Test
  @SuppressWarnings("unchecked")
  void anUnknownEnumValueInJsonListsTheAllowedValues() {
    Map<String, Object> problem = badRequest(postPublication("\"Заголовок\"", "\"KING\""));

    assertThat(errors(problem))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e).containsEntry("field", "audience.roles[0]");
              assertThat((List<Object>) e.get("allowed")).contains("FEDERAL", "ORGANIZATION");
            });
  }

  @Test
  void aNumberIsNotTakenForAString() {
    Map<String, Object> problem = badRequest(postPublication("123", "\"ORGANIZATION\""));

    assertThat(errors(problem))
        .singleElement()
        .isEqualTo(Map.of("field", "title", "message", "ожидается строка"));
  }

  @Test
  void aBooleanIsNotTakenForAString() {
    Map<String, Object> problem = badRequest(postPublication("true", "\"ORGANIZATION\""));

    assertThat(errors(problem))
        .singleElement()
        .satisfies(e -> assertThat(e).containsEntry("field", "title"));
  }

  @Test
  void aStringIsNotTakenForANumber() {
    Map<String, Object> problem =
        badRequest(
            client
                .post()
                .uri("/api/publications")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                    PUBLICATION.formatted("\"x\"", "\"ORGANIZATION\"").replace("1,", "\"1\","))
                .exchange());

    assertThat(errors(problem))
        .singleElement()
        .isEqualTo(Map.of("field", "campaignId", "message", "ожидается целое число"));
  }

  @Test
  void aStreamedMonitoringExportsMunicipalityThatIsNotANumberIsRefusedNamingIt() {
    for (String export :
        List.of(
            "/api/forms/1/exports/monitoring",
            "/api/campaigns/1/exports/questionnaire-monitoring")) {
      Map<String, Object> problem =
          badRequest(client.get().uri(export + "?municipalityId=abc").exchange());

      assertThat(errors(problem))
          .as(export)
          .singleElement()
          .isEqualTo(
              Map.of(
                  "field",
                  "municipalityId",
                  "message",
                  "Идентификатор муниципалитета — целое число, а не «abc»"));
    }
  }

  @Test
  void jsonThatDoesNotParseIsRefusedWithItsPlace() {
    Map<String, Object> problem =
        badRequest(
            client
                .post()
                .uri("/api/publications")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"campaignId\": 1,")
                .exchange());

    assertThat((String) problem.get("detail")).contains("не корректный JSON");
  }

  /**
   * Item by item, what a client can get wrong outside any one operation: each answer is a problem
   * document with a Russian detail. Protocol-level answers are not listed per operation in the
   * contract (it says once, in its introduction, that any operation may give them), so this walk
   * uses a client that does not check responses against the contract.
   */
  @Test
  void everyErrorAClientCanCauseIsAProblemDocumentInRussian() {
    WebTestClient raw =
        WebTestClient.bindToServer()
            .baseUrl(baseUrl())
            .responseTimeout(Duration.ofSeconds(30))
            .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken("federal"))
            .build();
    Map<String, Function<WebTestClient, WebTestClient.ResponseSpec>> cases =
        new java.util.LinkedHashMap<>();
    cases.put(
        "415 a body of the wrong content type",
        c ->
            c.post()
                .uri("/api/publications")
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("заголовок")
                .exchange());
    cases.put(
        "400 a missing Idempotency-Key",
        c ->
            c.post()
                .uri("/api/forms/1/submissions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"organization\": \"edu640021\", \"sheets\": {}}")
                .exchange());
    cases.put(
        "431 headers over the limit",
        c -> c.get().uri("/api/regions").header("X-Note", "a".repeat(20_000)).exchange());
    cases.put(
        "414 a request line over 8 KB",
        c ->
            c.get()
                .uri(URI.create(baseUrl() + "/api/organizations?q=" + "a".repeat(9000)))
                .exchange());
    cases.put(
        "400 an encoded dot-dot in the path",
        c -> c.get().uri(URI.create(baseUrl() + "/api/regions/%2e%2e")).exchange());
    cases.put(
        "400 a NUL byte in a query parameter",
        c -> c.get().uri(URI.create(baseUrl() + "/api/organizations?q=%00")).exchange());
    cases.put(
        "400 an unknown enum value",
        c ->
            c.get().uri("/api/campaigns/1/questionnaire-monitoring?level=ORGANIZATION").exchange());
    cases.put(
        "400 a number for a string",
        c ->
            c.post()
                .uri("/api/publications")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(PUBLICATION.formatted("123", "\"ORGANIZATION\""))
                .exchange());
    cases.put(
        "413 a form body over the codecs' limit",
        c ->
            c.post()
                .uri("/oauth2/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("grant_type=password&username=" + "a".repeat(300_000))
                .exchange());
    cases.put(
        "405 a method the path does not have", c -> c.delete().uri("/api/regions").exchange());
    cases.put(
        "406 an Accept the operation cannot satisfy",
        c -> c.get().uri("/api/regions").accept(MediaType.IMAGE_PNG).exchange());
    cases.put("404 an unknown path", c -> c.get().uri("/api/no-such-thing").exchange());

    cases.forEach(
        (name, call) -> {
          int status = Integer.parseInt(name.substring(0, 3));
          var result =
              call.apply(raw)
                  .expectStatus()
                  .isEqualTo(status)
                  .expectHeader()
                  .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                  .expectBody(Map.class)
                  .returnResult()
                  .getResponseBody();
          assertThat(result).as(name).isNotNull();
          assertThat((String) result.get("detail"))
              .as(name + ": a Russian detail")
              .containsPattern("[А-Яа-яЁё]{3,}");
          assertThat((String) result.get("title")).as(name).containsPattern("[А-Яа-яЁё]");
          assertThat(result.get("status")).as(name).isEqualTo(status);
        });
  }

  /**
   * Netty refuses a header it cannot parse before any of OKO's code runs; the answer is still a
   * problem document in Russian (and the connection is closed). A raw socket, because no HTTP
   * client sends such a header.
   */
  @Test
  void aHeaderWithAControlCharacterIsRefusedWithAProblemDocumentToo() throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              ("GET /api/regions HTTP/1.1\r\nHost: localhost\r\nX-Note: a\u0001b\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(response)
          .startsWith("HTTP/1.1 400")
          .containsIgnoringCase("content-type: application/problem+json")
          .containsPattern("\"detail\":\"[А-Яа-яЁё]");
    }
  }

  private WebTestClient.ResponseSpec postPublication(String title, String role) {
    return client
        .post()
        .uri("/api/publications")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(PUBLICATION.formatted(title, role))
        .exchange();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> badRequest(WebTestClient.ResponseSpec response) {
    Map<String, Object> problem =
        response
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    assertThat(problem).isNotNull();
    assertThat((String) problem.get("detail")).containsPattern("[А-Яа-яЁё]{3,}");
    return problem;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> errors(Map<String, Object> problem) {
    return (List<Map<String, Object>>) problem.get("errors");
  }
}
