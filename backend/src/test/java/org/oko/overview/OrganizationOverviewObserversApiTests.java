package org.oko.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Observer;
import org.oko.api.model.ObserverAssignment;
import org.oko.api.model.ObserverCredentials;
import org.oko.api.model.OverviewObserverVisit;
import org.oko.api.model.OverviewObservers;
import org.oko.api.model.OverviewReports;
import org.oko.observers.ObserversFixture;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The organization page's observers and reports sections (issue 20: «observers assigned/present,
 * acts, reports opened»): what the municipality sees of one school, read through the observers' and
 * results' directories, and nothing for a coordinator outside its scope.
 */
class OrganizationOverviewObserversApiTests extends ApiTest {

  @Autowired DatabaseClient db;

  @Test
  void theSchoolsObserversTheirPresenceAndActsAndWhetherItOpenedItsReports() {
    ObserversFixture fixture = new ObserversFixture(this::as, db);
    long campaign = fixture.campaign("Страница организации: наблюдатели");
    long school = fixture.organizationId("edu640021");
    String uri = "/api/campaigns/" + campaign + "/organizations/" + school + "/overview/";
    LocalDate today = ObserversFixture.today();

    OverviewObservers none = observers(uri);
    assertThat(none.getAssigned()).isZero();
    assertThat(none.getItems()).isEmpty();
    OverviewReports unopened = reports(uri);
    assertThat(unopened.getOpened()).isFalse();
    assertThat(unopened.getOpens()).isZero();

    Observer present = fixture.propose("edu640021", campaign, "Наблюдатель Первый");
    fixture.accept("mun64-engels", present.getId());
    ObserverAssignment day =
        fixture.assign("mun64-engels", campaign, present.getId(), "edu640021", today);
    Observer absent = fixture.propose("edu640021", campaign, "Наблюдатель Второй");
    fixture.accept("mun64-engels", absent.getId());
    fixture.assign("mun64-engels", campaign, absent.getId(), "edu640021", today.plusDays(1));

    ObserverCredentials credentials = fixture.account("mun64-engels", present.getId());
    rememberPassword(credentials.getLogin(), credentials.getPassword());
    as(credentials.getLogin())
        .post()
        .uri("/api/observer-assignments/" + day.getId() + "/presence")
        .exchange()
        .expectStatus()
        .is2xxSuccessful();
    as(credentials.getLogin())
        .put()
        .uri("/api/observer-assignments/" + day.getId() + "/act")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("violationsFound", true, "violations", "Подсказки в аудитории 12"))
        .exchange()
        .expectStatus()
        .isOk();

    OverviewObservers seen = observers(uri);
    assertThat(
            java.util.List.of(
                seen.getAssigned(),
                seen.getPresent(),
                seen.getActs(),
                seen.getActsWithViolations()))
        .containsExactly(2L, 1L, 1L, 1L);
    assertThat(seen.getItems())
        .extracting(OverviewObserverVisit::getDay)
        .containsExactly(today, today.plusDays(1));
    assertThat(seen.getItems().get(0).getPresentAt()).isNotNull();
    assertThat(seen.getItems().get(0).getViolationsFound()).isTrue();
    assertThat(seen.getItems().get(1).getPresentAt()).isNull();
    assertThat(seen.getItems().get(1).getActSubmittedAt()).isNull();

    // The school opened its reports twice (results record each opening).
    Instant first = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);
    db.sql(
            "insert into result_opening (campaign_id, organization_id, region_code,"
                + " first_opened_at, last_opened_at, opens) values (:c, :o, '64', :f, :l, 2)")
        .bind("c", campaign)
        .bind("o", school)
        .bind("f", first)
        .bind("l", first.plusSeconds(600))
        .then()
        .block();
    OverviewReports opened = reports(uri);
    assertThat(opened.getOpened()).isTrue();
    assertThat(opened.getOpens()).isEqualTo(2);
    assertThat(opened.getFirstOpenedAt().toInstant()).isEqualTo(first);
    assertThat(opened.getLastOpenedAt().toInstant()).isEqualTo(first.plusSeconds(600));

    // Outside the caller's scope: as if the school did not exist; a school itself: refused.
    as("region02").get().uri(uri + "observers").exchange().expectStatus().isNotFound();
    as("region02").get().uri(uri + "reports").exchange().expectStatus().isNotFound();
    as("edu640021").get().uri(uri + "observers").exchange().expectStatus().isForbidden();
  }

  private OverviewObservers observers(String uri) {
    return as("mun64-engels")
        .get()
        .uri(uri + "observers")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(OverviewObservers.class)
        .returnResult()
        .getResponseBody();
  }

  private OverviewReports reports(String uri) {
    return as("mun64-engels")
        .get()
        .uri(uri + "reports")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(OverviewReports.class)
        .returnResult()
        .getResponseBody();
  }
}
