package org.oko.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Packet;
import org.oko.api.model.PacketPage;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Coordinators record the return delivery packets (ВДП) they accept from organizations. */
class PacketAcceptanceTests extends ApiTest {

  /** 14:05 in Saratov (UTC+4). */
  private static final Instant ACCEPTED_AT = Instant.parse("2026-03-12T10:05:00Z");

  @Autowired DatabaseClient db;

  private LogisticsFixture fixture;
  private long campaign;

  @BeforeEach
  void publishedSample() {
    fixture = new LogisticsFixture(client, db);
    campaign = fixture.campaign("ВПР 2026, приёмка ВДП");
    fixture.select(campaign, "edu640001", 12, "rus-4");
    fixture.select(campaign, "edu640021", 20, "rus-4", "mat-4");
    fixture.select(campaign, "edu640022", 10, "rus-4");
    fixture.propose(campaign, "edu640023");
    fixture.publish(campaign, "64");
    fixture.select(campaign, "edu020001", 10, "rus-4");
    fixture.publish(campaign, "02");
  }

  @Test
  void anAcceptedPacketIsListedWithWhoAcceptedItAndWhen() {
    clock.set(ACCEPTED_AT);
    Packet accepted =
        accept("mun64-engels", "640021-1", "edu640021", "\"note\":\"пакет цел\"")
            .expectStatus()
            .isCreated()
            .expectBody(Packet.class)
            .returnResult()
            .getResponseBody();

    assertThat(accepted.getPacketNumber()).isEqualTo("640021-1");
    assertThat(accepted.getAcceptedBy()).isEqualTo("mun64-engels");
    assertThat(accepted.getAcceptedAt().toInstant()).isEqualTo(ACCEPTED_AT);
    assertThat(accepted.getOrganization().getLogin()).isEqualTo("edu640021");
    assertThat(accepted.getNote()).isEqualTo("пакет цел");

    for (String reader : List.of("federal", "region64", "mun64-engels", "edu640021")) {
      Packet listed = list(reader, "").getItems().get(0);
      assertThat(listed.getPacketNumber()).isEqualTo("640021-1");
      assertThat(listed.getAcceptedBy()).isEqualTo("mun64-engels");
      assertThat(listed.getAcceptedAt().toInstant()).isEqualTo(ACCEPTED_AT);
      assertThat(listed.getOrganization().getMunicipalityName())
          .isEqualTo("Энгельсский муниципальный район");
    }
  }

  @Test
  void theListShowsTheLatestFirstWithinTheCallersScope() {
    clock.set(ACCEPTED_AT);
    accept("region64", "640001-1", "edu640001", null).expectStatus().isCreated();
    clock.advance(Duration.ofMinutes(5));
    accept("region64", "640021-1", "edu640021", null).expectStatus().isCreated();
    clock.advance(Duration.ofMinutes(5));
    accept("region64", "640022-1", "edu640022", null).expectStatus().isCreated();
    accept("region02", "020001-1", "edu020001", null).expectStatus().isCreated();

    PacketPage firstPage = list("region64", "?size=2");
    assertThat(firstPage.getTotalItems()).isEqualTo(3);
    assertThat(firstPage.getTotalPages()).isEqualTo(2);
    assertThat(firstPage.getItems())
        .extracting(Packet::getPacketNumber)
        .containsExactly("640022-1", "640021-1");
    assertThat(list("region64", "?size=2&page=1").getItems())
        .extracting(Packet::getPacketNumber)
        .containsExactly("640001-1");
    assertThat(list("mun64-engels", "").getItems())
        .extracting(Packet::getPacketNumber)
        .containsExactly("640022-1", "640021-1");
    assertThat(list("edu640001", "").getItems())
        .extracting(Packet::getPacketNumber)
        .containsExactly("640001-1");
    assertThat(list("federal", "?regionCode=02").getItems())
        .extracting(Packet::getPacketNumber)
        .containsExactly("020001-1");
    assertThat(list("federal", "?organizationId=" + fixture.organizationId("edu640021")).getItems())
        .extracting(Packet::getPacketNumber)
        .containsExactly("640021-1");

    as("region64").get().uri(packets("?regionCode=02")).exchange().expectStatus().isNotFound();
    as("mun64-engels")
        .get()
        .uri(packets("?organizationId=" + fixture.organizationId("edu640001")))
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  void aPacketNumberIsAcceptedOnceAndTheRefusalNamesTheFirstAcceptance() {
    clock.set(ACCEPTED_AT);
    accept("region64", "640021-1", "edu640021", null).expectStatus().isCreated();
    clock.advance(Duration.ofHours(2));

    accept("mun64-engels", "640021-1", "edu640022", null)
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.detail")
        .value(
            d ->
                assertThat((String) d)
                    .contains(
                        "Пакет 640021-1 уже принят 12.03.2026 14:05 (Саратов), принял"
                            + " region64"));
    // Another region's coordinator learns that the number is taken, but not by whom.
    accept("region02", "640021-1", "edu020001", null)
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).doesNotContain("region64").doesNotContain("edu64"));

    assertThat(storedPackets()).isEqualTo(1);
  }

  @Test
  void aPacketFromAnOrganizationOutsideTheSampleIsRefusedAndNothingIsStored() {
    accept("region64", "640023-1", "edu640023", null)
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("organizationId")
        .jsonPath("$.errors[0].message")
        .value(m -> assertThat((String) m).contains("edu640023").contains("выборку"));
    accept("region64", "640024-1", "edu640024", null).expectStatus().isEqualTo(422);

    assertThat(storedPackets()).isZero();
  }

  @Test
  void aPacketOfAnOrganizationOutsideTheCallersScopeIsNotFound() {
    accept("mun64-engels", "640001-1", "edu640001", null).expectStatus().isNotFound();
    accept("region64", "020001-1", "edu020001", null).expectStatus().isNotFound();
    accept("resp64", "640021-1", "edu640021", null).expectStatus().isNotFound();
    accept("region64", "999999-1", 987654321L, null).expectStatus().isNotFound();
    // An organization hands packets over; it does not accept them.
    accept("edu640001", "640001-1", "edu640001", null).expectStatus().isForbidden();

    assertThat(storedPackets()).isZero();
  }

  @Test
  void aMalformedPacketNumberIsABadRequest() {
    accept("region64", "640021 1", "edu640021", null).expectStatus().isBadRequest();
    accept("region64", "", "edu640021", null).expectStatus().isBadRequest();
    assertThat(storedPackets()).isZero();
  }

  private WebTestClient.ResponseSpec accept(
      String caller, String number, String login, String extra) {
    return accept(caller, number, fixture.organizationId(login), extra);
  }

  private WebTestClient.ResponseSpec accept(
      String caller, String number, long organizationId, String extra) {
    return as(caller)
        .post()
        .uri(packets(""))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            "{\"packetNumber\":\""
                + number
                + "\",\"organizationId\":"
                + organizationId
                + (extra == null ? "" : "," + extra)
                + "}")
        .exchange();
  }

  private PacketPage list(String caller, String query) {
    return as(caller)
        .get()
        .uri(packets(query))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(PacketPage.class)
        .returnResult()
        .getResponseBody();
  }

  private String packets(String query) {
    return "/api/campaigns/" + campaign + "/logistics/packets" + query;
  }

  private long storedPackets() {
    return db.sql("select count(*) as n from delivery_packet where campaign_id = :c")
        .bind("c", campaign)
        .map(r -> r.get("n", Long.class))
        .one()
        .block();
  }
}
