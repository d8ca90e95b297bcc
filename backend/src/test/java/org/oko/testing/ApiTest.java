package org.oko.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * A test against the running application over real HTTP, with the embedded PostgreSQL and Kafka of
 * this JVM and the demo data. Every response is checked against openapi.yaml. {@link #client} is
 * signed in as the federal organizer; {@link #as} signs in as any demo account.
 *
 * <p>Every subclass shares one application context (one start of ~20 s per test JVM): give a test
 * no configuration of its own ({@code @MockitoBean}, {@code @TestPropertySource},
 * {@code @DynamicPropertySource}, {@code @DirtiesContext}, other profiles or imports), or it starts
 * another ({@code SharedContextTests}). With parallel execution on (junit-platform.properties), a
 * subclass runs alone unless marked {@code @Execution(CONCURRENT)} ({@link AloneUnlessConcurrent}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({ApiTest.Clocks.class, ProbeEvents.class})
@ResourceLock(providers = AloneUnlessConcurrent.class)
public abstract class ApiTest {

  /** The application's clock, which a test may set; back to real time after every test. */
  @TestConfiguration(proxyBeanMethods = false)
  static class Clocks {
    @Bean
    @Primary
    TestClock testClock() {
      return new TestClock();
    }
  }

  /**
   * The one external issuer the application trusts: a region's own provider (ExternalIssuerTests).
   */
  @DynamicPropertySource
  static void trustTheRegionalIdp(DynamicPropertyRegistry registry) {
    registry.add("oko.security.external.issuer", () -> RegionalIdp.instance().issuer());
  }

  @Autowired protected TestClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  /** The demo accounts' passwords (demo data only). */
  public static final Map<String, String> DEMO_PASSWORDS =
      Map.of(
          "federal", "federal-demo",
          "region64", "region64-demo",
          "region02", "region02-demo",
          "mun64-engels", "mun64-demo",
          "resp64", "resp64-demo",
          "edu640001", "edu640001-demo",
          "edu640021", "edu640021-demo",
          "edu645001", "edu645001-demo",
          "scan64", "scan64-demo",
          "scan02", "scan02-demo");

  /** The demo regional systems' secrets: {@link #as} signs them in with client credentials. */
  public static final Map<String, String> DEMO_CLIENTS =
      Map.of("region64-system", "region64-system-secret");

  /** Passwords of logins a test made itself (such as kit credentials), for {@link #as}. */
  private static final Map<String, String> OTHER_PASSWORDS = new ConcurrentHashMap<>();

  /** Lets {@link #as} sign in as a login the test made (e.g. a participant's kit credential). */
  public static void rememberPassword(String login, String password) {
    OTHER_PASSWORDS.put(login, password);
  }

  private record CachedToken(String value, Instant obtained) {}

  private static final Map<String, CachedToken> TOKENS = new ConcurrentHashMap<>();

  @LocalServerPort protected int port;

  /** Signed in as {@code federal}. */
  protected WebTestClient client;

  /** No token at all. */
  protected WebTestClient anonymous;

  @BeforeEach
  void createClients() {
    anonymous = builder().build();
    client = as("federal");
  }

  protected WebTestClient as(String login) {
    return withToken(accessToken(login));
  }

  /** A client that sends this access token, whoever issued it. */
  protected WebTestClient withToken(String token) {
    return builder().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
  }

  protected String accessToken(String login) {
    CachedToken cached = TOKENS.get(login + "@" + port);
    if (cached != null && cached.obtained().isAfter(Instant.now().minus(Duration.ofMinutes(10)))) {
      return cached.value();
    }
    String token =
        DEMO_CLIENTS.containsKey(login)
            ? clientToken(login, DEMO_CLIENTS.get(login))
            : (String)
                passwordGrant(login, DEMO_PASSWORDS.getOrDefault(login, OTHER_PASSWORDS.get(login)))
                    .get("access_token");
    TOKENS.put(login + "@" + port, new CachedToken(token, Instant.now()));
    return token;
  }

  /**
   * An access token of a regional system (API client), by {@code grant_type=client_credentials}.
   */
  protected String clientToken(String clientId, String secret) {
    return (String)
        anonymous
            .post()
            .uri("/oauth2/token")
            .headers(h -> h.setBasicAuth(clientId, secret))
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(BodyInserters.fromFormData("grant_type", "client_credentials"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("access_token");
  }

  /** Signs in with {@code grant_type=password}; fails the test unless it succeeds. */
  @SuppressWarnings("unchecked")
  protected Map<String, Object> passwordGrant(String login, String password) {
    return anonymous
        .post()
        .uri("/oauth2/token")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(
            BodyInserters.fromFormData("grant_type", "password")
                .with("username", login)
                .with("password", password))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }

  protected WebTestClient.Builder builder() {
    return WebTestClient.bindToServer()
        .baseUrl(baseUrl())
        .responseTimeout(Duration.ofSeconds(30))
        .entityExchangeResultConsumer(ContractValidator.INSTANCE::validate);
  }

  protected String baseUrl() {
    return "http://localhost:" + port;
  }
}
