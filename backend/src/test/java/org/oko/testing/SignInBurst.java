package org.oko.testing;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Password-grant sign-ins sent all at once, as an attacker would, from one client address. Every
 * address of 127.0.0.0/8 reaches this host, so a test can sign in "from" several addresses: the
 * server sees each connection's own source address. Every request opens its own connection, so none
 * waits for another's.
 */
public final class SignInBurst {

  /** What the token endpoint answered. */
  public record Answer(int status, String retryAfter, Map<String, Object> body) {

    public String description() {
      return body == null ? null : (String) body.get("error_description");
    }
  }

  private static final ParameterizedTypeReference<Map<String, Object>> JSON =
      new ParameterizedTypeReference<>() {};

  private final WebClient client;

  private SignInBurst(WebClient client) {
    this.client = client;
  }

  /** Sign-ins to the server on {@code port} from {@code address} (one of 127.0.0.0/8). */
  public static SignInBurst from(String address, int port) {
    HttpClient http =
        HttpClient.newConnection()
            .bindAddress(() -> new InetSocketAddress(address, 0))
            .responseTimeout(Duration.ofSeconds(60));
    return new SignInBurst(
        WebClient.builder()
            .clientConnector(new ReactorClientHttpConnector(http))
            .baseUrl("http://127.0.0.1:" + port)
            .build());
  }

  /** One sign-in. */
  public Answer signIn(String login, String password) {
    return send(login, password).block(Duration.ofSeconds(60));
  }

  /** One sign-in per password, all sent at once; the answers in the order of the passwords. */
  public List<Answer> signInAll(String login, List<String> passwords) {
    return attempts(login, passwords).collectList().block(Duration.ofMinutes(2));
  }

  /** One sign-in per password, all sent at once when subscribed to. */
  public Flux<Answer> attempts(String login, List<String> passwords) {
    return Flux.fromIterable(passwords)
        .flatMapSequential(password -> send(login, password), Math.max(1, passwords.size()));
  }

  /** One sign-in per login, all at once, each with {@code password}. */
  public List<Answer> signInAsEach(List<String> logins, String password) {
    return Flux.fromIterable(logins)
        .flatMapSequential(login -> send(login, password), Math.max(1, logins.size()))
        .collectList()
        .block(Duration.ofMinutes(2));
  }

  /** One client-credentials grant per secret, all at once. */
  public List<Answer> clientCredentialsAll(String clientId, List<String> secrets) {
    return Flux.fromIterable(secrets)
        .flatMapSequential(
            secret ->
                exchange(
                    BodyInserters.fromFormData("grant_type", "client_credentials")
                        .with("client_id", clientId)
                        .with("client_secret", secret)),
            Math.max(1, secrets.size()))
        .collectList()
        .block(Duration.ofMinutes(2));
  }

  private Mono<Answer> send(String login, String password) {
    return exchange(
        BodyInserters.fromFormData("grant_type", "password")
            .with("username", login)
            .with("password", password));
  }

  private Mono<Answer> exchange(BodyInserters.FormInserter<String> form) {
    return client
        .post()
        .uri("/oauth2/token")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(form)
        .exchangeToMono(
            response ->
                response
                    .bodyToMono(JSON)
                    .defaultIfEmpty(Map.of())
                    .map(
                        body ->
                            new Answer(
                                response.statusCode().value(),
                                response
                                    .headers()
                                    .asHttpHeaders()
                                    .getFirst(HttpHeaders.RETRY_AFTER),
                                body)));
  }
}
