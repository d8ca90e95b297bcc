package org.oko.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;

/** The inventory (опись) of what one organization receives, and who may download it. */
class InventoryTests extends ApiTest {

  @Autowired DatabaseClient db;

  private LogisticsFixture fixture;
  private long campaign;

  @BeforeEach
  void publishedSample() {
    fixture = new LogisticsFixture(client, db);
    campaign = fixture.campaign("ВПР 2026, опись");
    fixture.select(campaign, "edu640001", 12, "rus-4", "mat-4");
    fixture.select(campaign, "edu640002", 15, "rus-5");
    fixture.select(campaign, "edu640021", 20, "rus-4");
    fixture.select(campaign, "spo640001", 30, "rus-5");
    fixture.propose(campaign, "edu640003");
    fixture.publish(campaign, "64");
    // Region 02 selected a school but has not published its sample yet.
    fixture.select(campaign, "edu020001", 10, "rus-4");
  }

  @Test
  void aSchoolGetsTheMaterialsOfEachOfItsSubjects() {
    byte[] xlsx = inventory("edu640001", fixture.organizationId("edu640001"));
    List<List<String>> rows = LogisticsFixture.rows(xlsx);

    assertThat(rows.get(0)).first().isEqualTo("Опись материалов");
    assertThat(rows.get(1)).first().isEqualTo("ВПР 2026, опись");
    assertThat(rows).anyMatch(r -> r.contains("edu640001"));
    assertThat(rows).anyMatch(r -> r.contains(nameOf("edu640001")));
    assertThat(rows).anyMatch(r -> r.contains("Город Саратов"));
    assertThat(rows)
        .contains(
            List.of("1", "4", "Русский язык", "Индивидуальный комплект (ИК)", "12"),
            List.of("2", "4", "Русский язык", "Протокол проведения", "1"),
            List.of("3", "4", "Русский язык", "Лист с кодами участников", "12"),
            List.of("4", "4", "Русский язык", "Возвратный доставочный пакет (ВДП)", "2"),
            List.of("5", "4", "Математика", "Индивидуальный комплект (ИК)", "12"),
            List.of("8", "4", "Математика", "Возвратный доставочный пакет (ВДП)", "2"));
    // Only its own subjects: class 5 is another school's.
    assertThat(rows).noneMatch(r -> r.size() > 1 && r.get(1).equals("5"));
    int totals = rows.indexOf(List.of("Итого"));
    assertThat(rows.subList(totals + 1, totals + 5))
        .containsExactly(
            List.of("", "", "", "Индивидуальный комплект (ИК)", "24"),
            List.of("", "", "", "Протокол проведения", "2"),
            List.of("", "", "", "Лист с кодами участников", "24"),
            List.of("", "", "", "Возвратный доставочный пакет (ВДП)", "4"));
    assertThat(rows).anyMatch(r -> r.get(0).startsWith("Передал ____"));
    assertThat(rows).anyMatch(r -> r.get(0).startsWith("Принял ____"));
  }

  @Test
  void coordinatorsGetTheInventoryOfTheirOrganizations() {
    long school = fixture.organizationId("edu640001");
    long engelsSchool = fixture.organizationId("edu640021");
    long college = fixture.organizationId("spo640001");
    assertThat(rowsOf(inventory("federal", school))).anyMatch(r -> r.contains("edu640001"));
    assertThat(rowsOf(inventory("region64", school))).anyMatch(r -> r.contains("edu640001"));
    assertThat(rowsOf(inventory("mun64-engels", engelsSchool)))
        .contains(List.of("1", "4", "Русский язык", "Индивидуальный комплект (ИК)", "20"));
    assertThat(rowsOf(inventory("resp64", college)))
        .contains(List.of("1", "5", "Русский язык", "Индивидуальный комплект (ИК)", "30"));
  }

  @Test
  void nobodyGetsTheInventoryOfAnOrganizationOutsideTheirScope() {
    String neighbour = uri(fixture.organizationId("edu640002"));
    String school = uri(fixture.organizationId("edu640001"));
    String engelsSchool = uri(fixture.organizationId("edu640021"));
    as("edu640001").get().uri(neighbour).exchange().expectStatus().isNotFound();
    as("region02").get().uri(school).exchange().expectStatus().isNotFound();
    as("mun64-engels").get().uri(school).exchange().expectStatus().isNotFound();
    as("resp64").get().uri(school).exchange().expectStatus().isNotFound();
    as("edu640021").get().uri(school).exchange().expectStatus().isNotFound();
    // Its own campaign's inventory reaches a school only through its own id.
    as("edu640021").get().uri(engelsSchool).exchange().expectStatus().isOk();
  }

  @Test
  void anOrganizationOutsideThePublishedSampleHasNoInventory() {
    // Proposed but not selected.
    client
        .get()
        .uri(uri(fixture.organizationId("edu640003")))
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("не найдена в опубликованной выборке"));
    // Selected, but the region's sample is not published.
    client
        .get()
        .uri(uri(fixture.organizationId("edu020001")))
        .exchange()
        .expectStatus()
        .isNotFound();
    // Not proposed at all.
    client
        .get()
        .uri(uri(fixture.organizationId("edu640004")))
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  private byte[] inventory(String login, long organizationId) {
    return as(login)
        .get()
        .uri(uri(organizationId))
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .expectHeader()
        .value(
            HttpHeaders.CONTENT_DISPOSITION,
            d ->
                assertThat(d)
                    .startsWith("attachment")
                    .containsPattern("inventory-[a-z]+64\\d+\\.xlsx"))
        .expectBody(byte[].class)
        .returnResult()
        .getResponseBody();
  }

  private static List<List<String>> rowsOf(byte[] xlsx) {
    return LogisticsFixture.rows(xlsx);
  }

  private String uri(long organizationId) {
    return "/api/campaigns/"
        + campaign
        + "/logistics/organizations/"
        + organizationId
        + "/inventory";
  }

  private String nameOf(String login) {
    return db.sql("select name from organization where login = :login")
        .bind("login", login)
        .map(r -> r.get("name", String.class))
        .one()
        .block();
  }
}
