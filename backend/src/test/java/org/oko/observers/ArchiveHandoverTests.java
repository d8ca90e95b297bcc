package org.oko.observers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Observer;
import org.oko.api.model.ObserverAct;
import org.oko.api.model.ObserverArchiveHandover;
import org.oko.api.model.ObserverArchiveHandoverBoard;
import org.oko.api.model.ObserverAssignment;
import org.oko.api.model.ObserverCredentials;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Seed 003 11.2–11.3: the municipal coordinator «формирует архив актов с нарушениями и передаёт в
 * РЦОКО»; the region sees which municipalities passed theirs and which did not.
 */
class ArchiveHandoverTests extends ApiTest {

  @Autowired DatabaseClient db;

  private ObserversFixture fixture;
  private long campaign;

  @BeforeEach
  void campaign() {
    fixture = new ObserversFixture(this::as, db);
    campaign = fixture.campaign("ВПР, архив актов в РЦОКО " + System.nanoTime());
  }

  @Test
  void aMunicipalityPassesItsArchiveAndTheRegionSeesWhoHasNot() {
    Observer observer = fixture.propose("edu640021", campaign, "Наблюдатель С Актом");
    fixture.accept("mun64-engels", observer.getId());
    ObserverAssignment assignment =
        fixture.assign(
            "mun64-engels", campaign, observer.getId(), "edu640021", ObserversFixture.today());
    ObserverCredentials credentials = fixture.account("mun64-engels", observer.getId());
    rememberPassword(credentials.getLogin(), credentials.getPassword());
    ObserverAct act =
        as(credentials.getLogin())
            .put()
            .uri("/api/observer-assignments/" + assignment.getId() + "/act")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("violationsFound", true, "violations", "Подсказки в аудитории 3"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(ObserverAct.class)
            .returnResult()
            .getResponseBody();
    as("mun64-engels")
        .post()
        .uri("/api/observer-acts/" + act.getId() + "/review")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("withViolations", true))
        .exchange()
        .expectStatus()
        .isOk();

    String handover = "/api/campaigns/" + campaign + "/observer-acts/handover";
    String board = "/api/campaigns/" + campaign + "/observer-acts/handovers";
    ObserverArchiveHandoverBoard before = get("region64", board);
    assertThat(before.getPassed()).isZero();
    assertThat(before.getItems()).extracting(ObserverArchiveHandover::getUnitName).isNotEmpty();

    // Only the municipal and the responsible coordinators pass an archive.
    as("edu640021").put().uri(handover).exchange().expectStatus().isForbidden();
    as("region64").put().uri(handover).exchange().expectStatus().isForbidden();
    ObserverArchiveHandover passed =
        as("mun64-engels")
            .put()
            .uri(handover)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(ObserverArchiveHandover.class)
            .returnResult()
            .getResponseBody();
    assertThat(passed.getActs()).isEqualTo(1);
    assertThat(passed.getHandedBy()).isEqualTo("mun64-engels");
    assertThat(passed.getHandedAt()).isNotNull();
    assertThat(passed.getTimeZone()).isEqualTo("Europe/Saratov");
    ObserverArchiveHandover responsible =
        as("resp64")
            .put()
            .uri(handover)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(ObserverArchiveHandover.class)
            .returnResult()
            .getResponseBody();
    assertThat(responsible.getActs()).isZero();

    ObserverArchiveHandoverBoard after = get("region64", board);
    assertThat(after.getPassed()).isEqualTo(2);
    assertThat(after.getNotPassed()).isEqualTo(after.getItems().size() - 2);
    assertThat(after.getItems())
        .filteredOn(i -> i.getHandedAt() != null)
        .extracting(ObserverArchiveHandover::getHandedBy)
        .containsExactlyInAnyOrder("mun64-engels", "resp64");
    assertThat(after.getItems())
        .filteredOn(i -> i.getHandedAt() == null)
        .isNotEmpty()
        .allSatisfy(i -> assertThat(i.getMunicipalityId()).isNotNull());
    // The municipality sees its own row; another region nothing of region 64; the federal
    // organizer names the region.
    assertThat(get("mun64-engels", board).getItems())
        .singleElement()
        .satisfies(i -> assertThat(i.getActs()).isEqualTo(1));
    as("region02").get().uri(board + "?regionCode=64").exchange().expectStatus().isNotFound();
    as("federal").get().uri(board).exchange().expectStatus().isEqualTo(422);
    assertThat(get("federal", board + "?regionCode=64").getPassed()).isEqualTo(2);
  }

  private ObserverArchiveHandoverBoard get(String caller, String uri) {
    return as(caller)
        .get()
        .uri(uri)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(ObserverArchiveHandoverBoard.class)
        .returnResult()
        .getResponseBody();
  }
}
