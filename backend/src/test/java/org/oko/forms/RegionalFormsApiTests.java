package org.oko.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Campaign;
import org.oko.api.model.FormDefinition;
import org.oko.api.model.FormMonitoringItem;
import org.oko.api.model.FormMonitoringPage;
import org.oko.api.model.FormResponse;
import org.oko.api.model.FormResponseStatus;
import org.oko.api.model.FormSummary;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A region's own forms (issue 19; seed 003 11.4/12: the objectivity-analysis form «утверждённая
 * приказом министерства образования» of the region, filled by its municipal and responsible
 * coordinators): defined by the regional coordinator with the same engine, filled and monitored in
 * that region only; another region does not see it, and nobody but its owner changes it.
 */
class RegionalFormsApiTests extends ApiTest {

  @Autowired DatabaseClient db;

  private Campaign campaign;

  @BeforeEach
  void setUp() {
    FormsFixture fixture = new FormsFixture(client, db);
    Instant opens = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
    Instant closes = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
    campaign =
        fixture.campaign(
            "Формы региона", opens, closes, "edu640001", "edu640021", "spo640001", "edu020001");
  }

  private List<String> titlesListedTo(String login) {
    return as(login)
        .get()
        .uri("/api/campaigns/" + campaign.getId() + "/forms")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBodyList(FormSummary.class)
        .returnResult()
        .getResponseBody()
        .stream()
        .map(FormSummary::getTitle)
        .toList();
  }

  @Test
  void aRegionsObjectivityAnalysisIsFilledAndMonitoredInThatRegionOnly() {
    FormDefinition analysis =
        FormsFixture.formBy(
            as("region64"),
            campaign.getId(),
            FormsFixture.OBJECTIVITY.replace("Анализ объективности", "Анализ объективности (64)"),
            "analiz");
    assertThat(analysis.getRegion()).as("the form records its owner").isEqualTo("64");

    // Its municipal and responsible coordinators see it, with their own status; region 02 not.
    assertThat(titlesListedTo("mun64-engels")).contains("Анализ объективности (64)");
    assertThat(titlesListedTo("resp64")).contains("Анализ объективности (64)");
    assertThat(titlesListedTo("federal")).contains("Анализ объективности (64)");
    assertThat(titlesListedTo("region02")).doesNotContain("Анализ объективности (64)");
    as("region02")
        .get()
        .uri("/api/forms/" + analysis.getId())
        .exchange()
        .expectStatus()
        .isNotFound();

    // Engels fills and hands in its part; the region sees it in its monitoring.
    WebTestClient engels = as("mun64-engels");
    FormResponse draft =
        FormsFixture.save(
            engels,
            analysis.getId(),
            0,
            Map.of(
                "schools", new ArrayList<>(List.of(Map.of("login", "edu640021", "signs", "нет")))));
    FormsFixture.submit(engels, analysis.getId(), draft.getVersion());

    for (String coordinator : List.of("region64", "federal")) {
      FormMonitoringPage page =
          as(coordinator)
              .get()
              .uri("/api/forms/" + analysis.getId() + "/monitoring?size=100")
              .exchange()
              .expectStatus()
              .isOk()
              .expectBody(FormMonitoringPage.class)
              .returnResult()
              .getResponseBody();
      assertThat(page.getItems())
          .as("%s monitors region 64's municipalities and its part only", coordinator)
          .isNotEmpty()
          .allMatch(item -> item.getRespondent().getRegionCode().equals("64"));
      assertThat(page.getItems())
          .filteredOn(item -> item.getStatus() == FormResponseStatus.SUBMITTED)
          .extracting(FormMonitoringItem::getMunicipalityName)
          .containsExactly("Энгельсский муниципальный район");
    }

    // Region 02 may use the same code for its own form: codes are unique per owner.
    FormDefinition ufa =
        FormsFixture.formBy(as("region02"), campaign.getId(), FormsFixture.OBJECTIVITY, "analiz");
    assertThat(ufa.getRegion()).isEqualTo("02");
    assertThat(titlesListedTo("mun64-engels")).containsOnlyOnce("Анализ объективности (64)");
  }

  @Test
  void onlyTheOwnerChangesAForm() {
    FormDefinition federal =
        new FormsFixture(client, db).form(campaign.getId(), FormsFixture.RESULTS, "results");
    FormDefinition own =
        FormsFixture.formBy(as("region64"), campaign.getId(), FormsFixture.RESULTS, "results");
    assertThat(federal.getRegion()).isNull();

    String next = FormsFixture.RESULTS.formatted("results").replaceFirst("\\{", "{\"version\":1,");
    put(as("region64"), federal.getId(), next).expectStatus().isForbidden();
    put(client, own.getId(), next).expectStatus().isForbidden();
    put(as("region02"), own.getId(), next).expectStatus().isNotFound();
    put(as("region64"), own.getId(), next).expectStatus().isOk();

    // The school of region 64 fills the region's form of organizations; the Bashkir school's
    // region does not see it.
    assertThat(titlesListedTo("edu640001")).contains("Протокол результатов");
    as("edu640001")
        .get()
        .uri("/api/forms/" + own.getId() + "/response")
        .exchange()
        .expectStatus()
        .isOk();
    client
        .get()
        .uri("/api/forms/" + own.getId() + "/response?organization=edu020001")
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  private static WebTestClient.ResponseSpec put(WebTestClient as, long formId, String body) {
    return as.put()
        .uri("/api/forms/" + formId)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }
}
