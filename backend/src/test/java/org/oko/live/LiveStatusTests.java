package org.oko.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Campaign;
import org.oko.api.model.LiveTicket;
import org.oko.platform.events.Outbox;
import org.oko.testing.ApiTest;
import org.oko.testing.TestCampaigns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.JsonNode;

class LiveStatusTests extends ApiTest {

  @Autowired DatabaseClient db;
  @Autowired TransactionalOperator tx;
  @Autowired Outbox outbox;
  @Autowired LiveHubWorker hub;

  LiveFixture fixture;

  @BeforeEach
  void setUp() throws InterruptedException {
    fixture = new LiveFixture(db, tx, outbox);
    for (int i = 0; i < 600 && !hub.listening(); i++) {
      Thread.sleep(100);
    }
    assertThat(hub.listening()).as("the live hub receives events").isTrue();
  }

  private String ticket(String login) {
    LiveTicket ticket =
        as(login)
            .post()
            .uri("/api/live/tickets")
            .exchange()
            .expectStatus()
            .isCreated()
            .expectHeader()
            .valueEquals("Cache-Control", "no-store")
            .expectBody(LiveTicket.class)
            .returnResult()
            .getResponseBody();
    assertThat(ticket.getExpiresAt().toInstant()).isAfter(clock.instant());
    return ticket.getTicket();
  }

  private LiveClient connected(String login) {
    // The ticket first: a socket must say hello within the (short, in tests) hello timeout.
    String ticket = ticket(login);
    LiveClient socket = LiveClient.connect(port);
    socket.send("{\"type\":\"hello\",\"ticket\":\"" + ticket + "\"}").next("ready");
    return socket;
  }

  private static String subscribe(long campaignId, String region, String view) {
    return "{\"type\":\"subscribe\",\"campaignId\":"
        + campaignId
        + (region == null ? "" : ",\"regionCode\":\"" + region + "\"")
        + (view == null ? "" : ",\"view\":\"" + view + "\"")
        + "}";
  }

  private static void assertClosedWith(LiveClient socket, String code, int closeStatus) {
    assertThat(socket.next("error").path("code").asString()).isEqualTo(code);
    assertThat(socket.closeCode()).isEqualTo(closeStatus);
  }

  private static JsonNode row(JsonNode message, String key) {
    for (JsonNode row : message.path("rows")) {
      if (key.equals(row.path("key").asString())) {
        return row;
      }
    }
    throw new AssertionError("no row " + key + " in " + message);
  }

  @Test
  void aTicketOpensOneSocketOnly() {
    String ticket = ticket("region64");
    try (LiveClient first = LiveClient.connect(port);
        LiveClient second = LiveClient.connect(port)) {
      first.send("{\"type\":\"hello\",\"ticket\":\"" + ticket + "\"}").next("ready");
      second.send("{\"type\":\"hello\",\"ticket\":\"" + ticket + "\"}");
      assertClosedWith(second, "unauthorized", 1008);
    }
  }

  @Test
  void aTicketExpiresAfterThirtySeconds() {
    String ticket = ticket("scan64");
    clock.advance(Duration.ofSeconds(31));
    try (LiveClient socket = LiveClient.connect(port)) {
      socket.send("{\"type\":\"hello\",\"ticket\":\"" + ticket + "\"}");
      assertClosedWith(socket, "unauthorized", 1008);
    }
  }

  @Test
  void aSocketThatNeverSaysHelloIsClosedAfterTheHelloTimeout() {
    try (LiveClient socket = LiveClient.connect(port)) {
      JsonNode error = socket.next("error");
      assertThat(error.path("code").asString()).isEqualTo("unauthorized");
      assertThat(error.path("message").asString()).contains("приветствие");
      assertThat(socket.closeCode()).isEqualTo(1008);
    }
  }

  @Test
  void anUnknownTicketIsUnauthorized() {
    try (LiveClient socket = LiveClient.connect(port)) {
      socket.send("{\"type\":\"hello\",\"ticket\":\"made-up\"}");
      assertClosedWith(socket, "unauthorized", 1008);
    }
  }

  @Test
  void anAccessTokenAlsoOpensTheSocketButNotAForgedOne() {
    String token = accessToken("federal");
    try (LiveClient socket = LiveClient.connect(port)) {
      socket.send("{\"type\":\"hello\",\"token\":\"" + token + "\"}").next("ready");
    }
    String forged = token.substring(0, token.length() - 4) + "AAAA";
    try (LiveClient socket = LiveClient.connect(port)) {
      socket.send("{\"type\":\"hello\",\"token\":\"" + forged + "\"}");
      assertClosedWith(socket, "unauthorized", 1008);
    }
  }

  @Test
  void subscribingBeforeHelloIsUnauthorized() {
    try (LiveClient socket = LiveClient.connect(port)) {
      socket.send(subscribe(1, "64", null));
      assertClosedWith(socket, "unauthorized", 1008);
    }
  }

  @Test
  void aRegionalCoordinatorCannotWatchAnotherRegion() {
    Campaign campaign = TestCampaigns.create(client, "Живой статус: чужой регион");
    try (LiveClient socket = connected("region64")) {
      socket.send(subscribe(campaign.getId(), "02", null));
      assertClosedWith(socket, "forbidden", 1008);
    }
  }

  @Test
  void aCampaignOfOtherRegionsIsForbidden() {
    Campaign campaign = TestCampaigns.create(client, "Живой статус: только 02", "02");
    try (LiveClient socket = connected("region64")) {
      socket.send(subscribe(campaign.getId(), "64", null));
      assertClosedWith(socket, "forbidden", 1008);
    }
  }

  @Test
  void aMessageOverFourKibibytesIsTooLarge() {
    try (LiveClient socket = connected("region64")) {
      socket.send("{\"type\":\"hello\",\"ticket\":\"" + "x".repeat(5000) + "\"}");
      assertClosedWith(socket, "too_large", 1009);
    }
  }

  @Test
  void aHugeFrameIsRefusedBeforeItIsRead() {
    try (LiveClient socket = LiveClient.connect(port)) {
      socket.sendAndForget("x".repeat(200_000));
      try {
        assertThat(socket.closeCode()).isEqualTo(1009);
      } catch (java.util.concurrent.CompletionException e) {
        // The server may close while the client is still writing the frame: the client then sees
        // its connection reset instead of reading the close frame. Refused either way.
        assertThat(e).hasRootCauseInstanceOf(java.io.IOException.class);
      }
    }
  }

  @Test
  void malformedAndUnknownMessagesAreRejected() {
    try (LiveClient socket = connected("region64")) {
      socket.send("{\"type\":");
      assertClosedWith(socket, "bad_message", 1008);
    }
    try (LiveClient socket = connected("region64")) {
      socket.send("{\"type\":\"unsubscribe\"}");
      assertClosedWith(socket, "bad_message", 1008);
    }
    try (LiveClient socket = connected("region64")) {
      socket.send("{\"type\":\"subscribe\",\"campaignId\":\"four\"}");
      assertClosedWith(socket, "bad_message", 1008);
    }
  }

  @Test
  void aSubscribeSentRightBehindItsHelloIsAnswered() {
    // What a browser does: both messages on open, without waiting for «ready».
    Campaign campaign = TestCampaigns.create(client, "Живой статус: подписка сразу");
    try (LiveClient socket = LiveClient.connect(port)) {
      socket
          .send("{\"type\":\"hello\",\"ticket\":\"" + ticket("region64") + "\"}")
          .send(subscribe(campaign.getId(), "64", null));
      socket.next("ready");
      assertThat(socket.next("snapshot").path("level").asString()).isEqualTo("ORGANIZATION");
    }
  }

  @Test
  void aSubscriberGetsASnapshotThenOnlyTheRowsThatChanged() {
    Campaign campaign = TestCampaigns.create(client, "Живой статус: дельты");
    long school = fixture.organization("64", 0);
    long other = fixture.organization("64", 1);
    long batch = fixture.batch(campaign.getId(), school, "64");
    long otherBatch = fixture.batch(campaign.getId(), other, "64");
    fixture.sheet(campaign.getId(), school, "64", batch);
    fixture.sheet(campaign.getId(), other, "64", otherBatch);

    try (LiveClient socket = connected("region64")) {
      socket.send(subscribe(campaign.getId(), "64", null));
      JsonNode snapshot = socket.next("snapshot");
      assertThat(snapshot.path("level").asString()).isEqualTo("ORGANIZATION");
      assertThat(snapshot.path("rows")).hasSize(2);
      assertThat(row(snapshot, Long.toString(school)).path("sheets").path("accepted").asLong())
          .isEqualTo(1);
      assertThat(snapshot.path("totals").path("uploaded").asLong()).isEqualTo(2);

      fixture.sheet(campaign.getId(), school, "64", batch);

      JsonNode delta = socket.next("delta");
      assertThat(delta.path("seq").asLong()).isGreaterThan(snapshot.path("seq").asLong());
      assertThat(delta.path("rows")).hasSize(1);
      JsonNode changed = row(delta, Long.toString(school));
      assertThat(changed.path("sheets").path("uploaded").asLong()).isEqualTo(2);
      assertThat(changed.path("sheets").path("accepted").asLong()).isEqualTo(2);
      assertThat(delta.path("totals").path("uploaded").asLong()).isEqualTo(3);

      // A reconnecting client subscribes again and gets the whole picture afresh.
      socket.send(subscribe(campaign.getId(), "64", null));
      JsonNode again = socket.next("snapshot");
      assertThat(again.path("rows")).hasSize(2);
      assertThat(again.path("totals").path("uploaded").asLong()).isEqualTo(3);
    }
  }

  @Test
  void federalWatchesRegionsAndAScannerItsBatches() {
    Campaign campaign = TestCampaigns.create(client, "Живой статус: уровни");
    long school = fixture.organization("64", 2);
    long batch = fixture.batch(campaign.getId(), school, "64");
    try (LiveClient federal = connected("federal");
        LiveClient scanner = connected("scan64")) {
      federal.send(subscribe(campaign.getId(), null, null));
      JsonNode regions = federal.next("snapshot");
      assertThat(regions.path("level").asString()).isEqualTo("REGION");
      assertThat(regions.path("rows")).hasSize(2);
      scanner.send(subscribe(campaign.getId(), null, "batches"));
      JsonNode batches = scanner.next("snapshot");
      assertThat(batches.path("level").asString()).isEqualTo("BATCH");
      assertThat(row(batches, Long.toString(batch)).path("sheets").path("uploaded").asLong())
          .isZero();

      fixture.sheet(campaign.getId(), school, "64", batch);

      JsonNode region = federal.next("delta");
      assertThat(region.path("rows")).hasSize(1);
      assertThat(row(region, "64").path("sheets").path("uploaded").asLong()).isEqualTo(1);
      JsonNode scanned = scanner.next("delta");
      assertThat(row(scanned, Long.toString(batch)).path("sheets").path("accepted").asLong())
          .isEqualTo(1);
    }
  }

  @Test
  void aClientThatDoesNotReadGetsTheLatestFiguresWhenItReadsAgain() throws Exception {
    Campaign campaign = TestCampaigns.create(client, "Живой статус: медленный клиент");
    long school = fixture.organization("64", 3);
    long batch = fixture.batch(campaign.getId(), school, "64");
    int changes = 30;
    try (LiveClient socket = connected("region64")) {
      socket.send(subscribe(campaign.getId(), "64", null));
      socket.pause();
      socket.next("snapshot");
      for (int i = 0; i < changes; i++) {
        fixture.sheet(campaign.getId(), school, "64", batch);
      }
      socket.resume();
      List<JsonNode> deltas = new ArrayList<>();
      long uploaded = 0;
      while (uploaded < changes) {
        JsonNode delta = socket.next("delta");
        deltas.add(delta);
        uploaded = row(delta, Long.toString(school)).path("sheets").path("uploaded").asLong();
      }
      assertThat(uploaded).isEqualTo(changes);
      assertThat(deltas.size()).isLessThanOrEqualTo(changes);
    }
  }

  @Test
  void onlyCoordinatorsAndScanningCentresGetTickets() {
    as("edu640001").post().uri("/api/live/tickets").exchange().expectStatus().isForbidden();
    anonymous.post().uri("/api/live/tickets").exchange().expectStatus().isUnauthorized();
    assertThat(Map.of("federal", ticket("federal"))).isNotEmpty();
  }
}
