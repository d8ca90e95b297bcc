package org.oko.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Campaign;
import org.oko.api.model.RegionalWindow;
import org.oko.api.model.RegionalWindowList;
import org.oko.platform.web.ConflictException;
import org.oko.testing.ApiTest;
import org.oko.testing.TestCampaigns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

/**
 * A stage's window per region, set by the federal organizer in each region's local time (issue 20;
 * seed {@code 004_900d14c936e55d94.txt}: the test is held and the materials open in the morning of
 * the test day in every time zone). Three zones: Саратов (UTC+4), Екатеринбург (UTC+5) and
 * Владивосток (UTC+10), where 08:00 local is 22:00 UTC of the day before.
 */
class RegionalWindowsApiTests extends ApiTest {

  @Autowired StageGate gate;

  private Campaign campaign;
  private String uri;

  @BeforeEach
  void campaignInThreeZones() {
    campaign =
        TestCampaigns.create(
            client, "ВПР: окна по регионам " + UUID.randomUUID(), "64", "02", "25");
    campaign =
        TestCampaigns.schedule(
            client,
            campaign,
            "CONDUCT",
            Instant.parse("2027-04-10T05:00:00Z"),
            Instant.parse("2027-04-30T15:00:00Z"));
    uri = "/api/campaigns/" + campaign.getId() + "/stages/CONDUCT/regional-windows";
  }

  @Test
  void aLocalWindowOpensAtTheSameWallClockHourInEveryZone() {
    RegionalWindowList set =
        ok(
            put(
                client,
                Map.of("opensLocal", "2027-04-15T08:00", "closesLocal", "2027-04-15T20:00")));

    assertThat(set.getItems())
        .extracting(
            w -> w.getRegionCode() + " " + w.getTimeZone() + " " + w.getOpensAt().toInstant())
        .containsExactly(
            "02 Asia/Yekaterinburg 2027-04-15T03:00:00Z",
            "25 Asia/Vladivostok 2027-04-14T22:00:00Z",
            "64 Europe/Saratov 2027-04-15T04:00:00Z");
    assertThat(set.getItems())
        .allSatisfy(
            w -> {
              assertThat(w.getOwn()).isTrue();
              assertThat(w.getOpensLocal()).isEqualTo("2027-04-15T08:00");
              assertThat(w.getClosesLocal()).isEqualTo("2027-04-15T20:00");
              assertThat(w.getSetBy()).isEqualTo("federal");
            });

    // At 23:00 UTC on the 14th it is 09:00 on the 15th in Владивосток and 03:00 in Саратов.
    clock.set(Instant.parse("2027-04-14T23:00:00Z"));
    StepVerifier.create(gate.requireOpen(campaign.getId(), Stage.CONDUCT, "25", null))
        .verifyComplete();
    StepVerifier.create(gate.requireOpen(campaign.getId(), Stage.CONDUCT, "64", null))
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("откроется 15.04.2027 08:00 (Саратов)"))
        .verify();
    // 20:00 in Владивосток (10:00 UTC) closes it there; Саратов still has two hours.
    clock.set(Instant.parse("2027-04-15T10:30:00Z"));
    StepVerifier.create(gate.requireOpen(campaign.getId(), Stage.CONDUCT, "25", null))
        .expectError(ConflictException.class)
        .verify();
    StepVerifier.create(gate.requireOpen(campaign.getId(), Stage.CONDUCT, "64", null))
        .verifyComplete();
  }

  @Test
  void oneRegionMovesAndTheOthersKeepTheSchedule() {
    ok(
        put(
            client,
            Map.of(
                "regionCodes",
                List.of("25"),
                "opensLocal",
                "2027-04-20T09:00",
                "closesLocal",
                "2027-04-22T18:00")));
    RegionalWindowList all = list(client);
    assertThat(all.getItems())
        .extracting(w -> w.getRegionCode() + " " + w.getOwn() + " " + w.getOpensLocal())
        .containsExactly(
            "02 false 2027-04-10T10:00", "25 true 2027-04-20T09:00", "64 false 2027-04-10T09:00");

    // Each region reads its own row only.
    assertThat(list(as("region64")).getItems())
        .extracting(RegionalWindow::getRegionCode)
        .containsExactly("64");
    assertThat(list(as("mun64-engels")).getItems())
        .extracting(RegionalWindow::getRegionCode)
        .containsExactly("64");
    put(as("region64"), Map.of("opensLocal", "2027-04-15T08:00", "closesLocal", "2027-04-15T20:00"))
        .expectStatus()
        .isForbidden();

    // Cleared, the region follows the schedule again.
    RegionalWindowList cleared =
        client
            .delete()
            .uri(uri + "/25")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(RegionalWindowList.class)
            .returnResult()
            .getResponseBody();
    assertThat(cleared.getItems()).extracting(RegionalWindow::getOwn).containsOnly(false);
    assertThat(cleared.getItems().get(1).getOpensAt().toInstant())
        .isEqualTo(Instant.parse("2027-04-10T05:00:00Z"));
  }

  @Test
  void badWindowsAreRefusedAndNothingIsWritten() {
    put(client, Map.of("opensLocal", "2027-04-15T20:00", "closesLocal", "2027-04-15T08:00"))
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.detail")
        .value(
            d ->
                assertThat((String) d)
                    .contains("Окончание этапа (15.04.2027 08:00) должно быть позже начала"));
    put(
            client,
            Map.of(
                "regionCodes",
                List.of("25", "77"),
                "opensLocal",
                "2027-04-15T08:00",
                "closesLocal",
                "2027-04-15T20:00"))
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("Регион 77 не участвует в кампании"));
    put(client, Map.of("opensLocal", "2027-02-30T08:00", "closesLocal", "2027-04-15T20:00"))
        .expectStatus()
        .isEqualTo(422);
    client
        .put()
        .uri("/api/campaigns/" + campaign.getId() + "/stages/SCANNING/regional-windows")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("opensLocal", "2027-04-15T08:00", "closesLocal", "2027-04-15T20:00"))
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("не предусмотрен планом-графиком"));
    assertThat(list(client).getItems()).extracting(RegionalWindow::getOwn).containsOnly(false);
  }

  private WebTestClient.ResponseSpec put(WebTestClient as, Map<String, Object> body) {
    return as.put().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
  }

  private RegionalWindowList list(WebTestClient as) {
    return ok(as.get().uri(uri).exchange());
  }

  private static RegionalWindowList ok(WebTestClient.ResponseSpec spec) {
    return spec.expectStatus()
        .isOk()
        .expectBody(RegionalWindowList.class)
        .returnResult()
        .getResponseBody();
  }
}
