package org.oko.testing;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A test against the running application over real HTTP, with the embedded PostgreSQL and Kafka of
 * this JVM and the demo data. Every response is checked against openapi.yaml.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ApiTest {

  @LocalServerPort protected int port;

  protected WebTestClient client;

  @BeforeEach
  void createClient() {
    client =
        WebTestClient.bindToServer()
            .baseUrl(baseUrl())
            .responseTimeout(Duration.ofSeconds(30))
            .entityExchangeResultConsumer(ContractValidator.INSTANCE::validate)
            .build();
  }

  protected String baseUrl() {
    return "http://localhost:" + port;
  }
}
