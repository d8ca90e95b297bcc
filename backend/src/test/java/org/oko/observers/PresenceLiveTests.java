package org.oko.observers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Observer;
import org.oko.api.model.ObserverAssignment;
import org.oko.api.model.ObserverCredentials;
import org.oko.live.LiveClient;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18, presence monitoring «live, like scans»: an observer's «Я на месте» reaches the sockets
 * of the coordinators who see the point through the outbox and Kafka (every instance receives it),
 * ids only, and nobody outside the scope hears of it.
 */
class PresenceLiveTests extends ApiTest {

  @Autowired DatabaseClient db;
  @Autowired PresenceLiveWorker worker;

  private ObserversFixture fixture;
  private long campaign;

  @BeforeEach
  void campaign() {
    fixture = new ObserversFixture(this::as, db);
    campaign = fixture.campaign("ВПР, присутствие вживую " + System.nanoTime());
  }

  @Test
  void aMarkOfPresenceIsPushedToTheCoordinatorsWhoSeeThePointAndToNobodyElse() {
    awaitListening();
    Observer observer = fixture.propose("edu640021", campaign, "Живой Наблюдатель");
    fixture.accept("mun64-engels", observer.getId());
    ObserverAssignment assignment =
        fixture.assign(
            "mun64-engels", campaign, observer.getId(), "edu640021", ObserversFixture.today());
    ObserverCredentials credentials = fixture.account("mun64-engels", observer.getId());
    rememberPassword(credentials.getLogin(), credentials.getPassword());

    try (LiveClient municipal = hello("mun64-engels");
        LiveClient region = hello("region64");
        LiveClient otherRegion = hello("region02");
        LiveClient otherSchool = hello("edu640001")) {
      as(credentials.getLogin())
          .post()
          .uri("/api/observer-assignments/" + assignment.getId() + "/presence")
          .exchange()
          .expectStatus()
          .isOk();

      JsonNode pushed = presenceOf(municipal, assignment.getId());
      assertThat(pushed.path("campaignId").asLong()).isEqualTo(campaign);
      assertThat(pushed.path("organizationId").asLong())
          .isEqualTo(fixture.organizationId("edu640021"));
      assertThat(pushed.path("presentAt").asString()).isNotBlank();
      // Ids only: no names of observers in the message.
      assertThat(pushed.toString()).doesNotContain("Живой Наблюдатель");
      presenceOf(region, assignment.getId());
      assertNoPresence(otherRegion, Duration.ofSeconds(2));
      assertNoPresence(otherSchool, Duration.ofMillis(200));
    }
  }

  private LiveClient hello(String login) {
    LiveClient socket = LiveClient.connect(port);
    socket.send("{\"type\":\"hello\",\"token\":\"" + accessToken(login) + "\"}");
    socket.next("ready");
    return socket;
  }

  /**
   * No presence message within {@code wait}. Other kinds may arrive: the bell's unread count of an
   * account that other tests of the shared context notify meanwhile.
   */
  private static void assertNoPresence(LiveClient socket, Duration wait) {
    long until = System.nanoTime() + wait.toNanos();
    for (long left = wait.toNanos(); left > 0; left = until - System.nanoTime()) {
      JsonNode message = socket.poll(Duration.ofNanos(left));
      if (message == null) {
        return;
      }
      assertThat(message.path("type").asString()).isNotEqualTo("observerPresence");
    }
  }

  /** The presence message of this assignment (others' may come first). */
  private static JsonNode presenceOf(LiveClient socket, long assignmentId) {
    for (int i = 0; i < 50; i++) {
      JsonNode message = socket.next();
      if ("observerPresence".equals(message.path("type").asString())
          && message.path("presence").path("assignmentId").asLong() == assignmentId) {
        return message.path("presence");
      }
    }
    throw new AssertionError("no presence message for assignment " + assignmentId);
  }

  private void awaitListening() {
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!worker.listening() && System.nanoTime() < until) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    assertThat(worker.listening()).as("the presence consumer is assigned its partitions").isTrue();
  }
}
