package org.oko.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DNS rebinding (issue 23, "Webhooks": «refuse private ranges unless configured»): the delivery
 * client checks the addresses a target's name resolves to when it connects, not only when the
 * endpoint was registered, so a name that later points at the server's own networks reaches
 * nothing. The receiver here is on loopback, which a production server does not allow.
 */
class CheckedAddressesTests {

  private static final WireMockServer RECEIVER = new WireMockServer(wireMockConfig().dynamicPort());

  @BeforeAll
  static void start() {
    RECEIVER.start();
    RECEIVER.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(200)));
  }

  @AfterAll
  static void stop() {
    RECEIVER.stop();
  }

  private static WebhooksProperties allowingLoopback(boolean allowed) {
    return new WebhooksProperties(
        allowed, false, Duration.ofSeconds(5), Duration.ofHours(24), Duration.ofHours(24));
  }

  private static void send(WebhooksProperties properties) {
    WebhookDispatchWorker.client(properties)
        .post()
        .uri("http://localhost:" + RECEIVER.port() + "/hook")
        .bodyValue("{}")
        .retrieve()
        .toBodilessEntity()
        .block(Duration.ofSeconds(10));
  }

  @Test
  void aNameThatNowResolvesToTheServerItselfIsNotConnectedTo() {
    RECEIVER.resetRequests();
    assertThatThrownBy(() -> send(allowingLoopback(false)))
        .hasStackTraceContaining("указывает на сам сервер ОКО (loopback)");
    RECEIVER.verify(0, postRequestedFor(urlEqualTo("/hook")));
  }

  @Test
  void whereLoopbackIsAllowedTheSameDeliveryArrives() {
    RECEIVER.resetRequests();
    send(allowingLoopback(true));
    assertThat(RECEIVER.findAll(postRequestedFor(urlEqualTo("/hook")))).hasSize(1);
  }

  @Test
  void everyAddressOfANameIsChecked() throws Exception {
    WebhooksProperties production = allowingLoopback(false);
    assertThatThrownBy(
            () ->
                TargetRules.checkAddresses(
                    "rcoi.example.ru",
                    new java.net.InetAddress[] {
                      java.net.InetAddress.getByName("93.184.216.34"),
                      java.net.InetAddress.getByName("10.0.0.7")
                    },
                    production))
        .hasMessageContaining("во внутренней сети (10.0.0.7)");
    TargetRules.checkAddresses(
        "rcoi.example.ru",
        new java.net.InetAddress[] {java.net.InetAddress.getByName("93.184.216.34")},
        production);
  }
}
