package org.oko.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One OKO instance of a {@link Cluster}, spoken to over HTTP as any client does. */
record Instance(int number, int port) {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** The password grant; answers the whole response (status and body). */
  HttpResponse<String> signIn(String login, String password) {
    return send(
        HttpRequest.newBuilder(URI.create(url("/oauth2/token")))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(form(Map.of("grant_type", "password", "username", login, "password", password))));
  }

  String token(String login, String password) {
    HttpResponse<String> response = signIn(login, password);
    if (response.statusCode() != 200) {
      throw new AssertionError("sign-in of " + login + ": " + response.statusCode());
    }
    return json(response).path("access_token").asString();
  }

  String clientToken(String clientId, String secret) {
    String basic =
        java.util.Base64.getEncoder()
            .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(url("/oauth2/token")))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(Map.of("grant_type", "client_credentials"))));
    return json(response).path("access_token").asString();
  }

  HttpResponse<String> get(String token, String path) {
    return send(
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Authorization", "Bearer " + token)
            .GET());
  }

  HttpResponse<String> postJson(String token, String path, Object body, String idempotencyKey) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return send(request);
  }

  HttpResponse<String> patch(String token, String path, String contentType, byte[] body, long at) {
    return send(
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", contentType)
            .header("Upload-Offset", Long.toString(at))
            .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(
          request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new NoAnswer(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpRequest.BodyPublisher form(Map<String, String> fields) {
    return HttpRequest.BodyPublishers.ofString(
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&")));
  }

  /** A request that got no answer at all: the connection failed or was cut (a killed instance). */
  static final class NoAnswer extends RuntimeException {
    NoAnswer(IOException cause) {
      super(cause);
    }
  }
}
