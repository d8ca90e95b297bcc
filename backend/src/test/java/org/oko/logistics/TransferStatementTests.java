package org.oko.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;

/** The transfer statement (ведомость) of a region or a municipality. */
class TransferStatementTests extends ApiTest {

  /** Row index of the column header; organizations follow. */
  private static final int HEADER = 4;

  @Autowired DatabaseClient db;

  private LogisticsFixture fixture;
  private long campaign;

  @BeforeEach
  void publishedSample() {
    fixture = new LogisticsFixture(client, db);
    campaign = fixture.campaign("ВПР 2026, ведомость");
    fixture.select(campaign, "edu640022", 10, "rus-4", "mat-4");
    fixture.select(campaign, "edu640021", 20, "rus-4");
    fixture.select(campaign, "edu640001", 12, "rus-4", "mat-4", "rus-5");
    fixture.select(campaign, "spo640001", 30, "rus-5");
    fixture.propose(campaign, "edu640023");
    fixture.publish(campaign, "64");
    fixture.select(campaign, "edu020001", 10, "rus-4");
    fixture.publish(campaign, "02");
  }

  @Test
  void aMunicipalCoordinatorsStatementListsOnlyItsSchools() {
    List<List<String>> rows = statement("mun64-engels", "");

    assertThat(rows.get(0)).first().isEqualTo("Ведомость передачи материалов");
    assertThat(rows.get(1)).first().isEqualTo("ВПР 2026, ведомость");
    assertThat(rows.get(2).get(0)).contains("Энгельсский муниципальный район");
    assertThat(rows.get(HEADER))
        .startsWith(
            "№",
            "Логин",
            "Наименование ОО",
            "Муниципалитет",
            "ИК",
            "Пакетов",
            "Передал (подпись)",
            "Получил (подпись, ФИО)",
            "Дата",
            "ВДП к возврату",
            "ВДП принято");
    List<List<String>> organizations = organizationRows(rows);
    assertThat(organizations).extracting(r -> r.get(1)).containsExactly("edu640021", "edu640022");
    // edu640021: 20 participants × 1 subject; edu640022: 10 × 2 subjects, 2 packets, 4 ВДП.
    assertThat(organizations.get(0))
        .containsSequence("20", "1", "", "", "", "2", "0")
        .contains("Энгельсский муниципальный район");
    assertThat(organizations.get(1)).containsSequence("20", "2", "", "", "", "4", "0");
    assertThat(rows.get(rows.size() - 1)).containsSequence("Итого: 2 ОО", "", "40", "3");
  }

  @Test
  void theRegionsStatementListsItsSelectionByMunicipalityThenLogin() {
    List<List<String>> organizations = organizationRows(statement("region64", ""));

    // Город Саратов, then Энгельсский район, then the organizations under no municipality.
    assertThat(organizations)
        .extracting(r -> r.get(1))
        .containsExactly("edu640001", "edu640021", "edu640022", "spo640001");
    assertThat(organizations.get(0)).containsSequence("36", "3");
    assertThat(organizations.get(3).get(3)).isEqualTo("—");
    assertThat(organizationRows(statement("federal", "?regionCode=64"))).isEqualTo(organizations);
    assertThat(organizationRows(statement("region64", "?municipalityId=" + engels())))
        .extracting(r -> r.get(1))
        .containsExactly("edu640021", "edu640022");
  }

  @Test
  void aResponsibleCoordinatorsStatementListsTheOrganizationsUnderNoMunicipality() {
    assertThat(organizationRows(statement("resp64", "")))
        .extracting(r -> r.get(1))
        .containsExactly("spo640001");
  }

  @Test
  void returnedPacketsAreCountedInTheStatement() {
    accept("640021-1", "edu640021");
    accept("640021-2", "edu640021");

    List<List<String>> organizations = organizationRows(statement("mun64-engels", ""));
    assertThat(organizations.get(0)).containsSequence("2", "2");
    assertThat(organizations.get(1)).containsSequence("4", "0");
  }

  @Test
  void everyoneGetsOnlyTheirOwnPartOfTheRegion() {
    // FEDERAL has no region of its own and must name one.
    client
        .get()
        .uri(uri(""))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("regionCode"));
    as("region64").get().uri(uri("?regionCode=02")).exchange().expectStatus().isNotFound();
    as("region02")
        .get()
        .uri(uri("?municipalityId=" + engels()))
        .exchange()
        .expectStatus()
        .isNotFound();
    as("mun64-engels")
        .get()
        .uri(uri("?municipalityId=" + saratov()))
        .exchange()
        .expectStatus()
        .isNotFound();
    as("resp64")
        .get()
        .uri(uri("?municipalityId=" + engels()))
        .exchange()
        .expectStatus()
        .isNotFound();
    as("edu640001").get().uri(uri("")).exchange().expectStatus().isForbidden();
    // A region not in the campaign has no statement.
    client.get().uri(uri("?regionCode=25")).exchange().expectStatus().isNotFound();
  }

  private List<List<String>> statement(String login, String query) {
    byte[] xlsx =
        as(login)
            .get()
            .uri(uri(query))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    return LogisticsFixture.rows(xlsx);
  }

  /** The rows between the header and the totals. */
  private static List<List<String>> organizationRows(List<List<String>> rows) {
    return rows.subList(HEADER + 1, rows.size() - 1);
  }

  private void accept(String number, String login) {
    as("region64")
        .post()
        .uri("/api/campaigns/" + campaign + "/logistics/packets")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            "{\"packetNumber\":\""
                + number
                + "\",\"organizationId\":"
                + fixture.organizationId(login)
                + "}")
        .exchange()
        .expectStatus()
        .isCreated();
  }

  private String uri(String query) {
    return "/api/campaigns/" + campaign + "/logistics/transfer-statement" + query;
  }

  private long engels() {
    return municipalityOf("edu640021");
  }

  private long saratov() {
    return municipalityOf("edu640001");
  }

  private long municipalityOf(String login) {
    return db.sql("select municipality_id from organization where login = :login")
        .bind("login", login)
        .map(r -> r.get("municipality_id", Long.class))
        .one()
        .block();
  }
}
