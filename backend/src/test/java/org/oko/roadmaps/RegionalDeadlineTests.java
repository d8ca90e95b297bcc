package org.oko.roadmaps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Campaign;
import org.oko.api.model.FormDefinition;
import org.oko.api.model.FormResponse;
import org.oko.api.model.OrganizationOverview;
import org.oko.api.model.OverviewStage;
import org.oko.api.model.Stage;
import org.oko.api.model.StageCode;
import org.oko.forms.FormsFixture;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A region's roadmap deadline is enforced and shown (issue 19: "the organization's countdown shows
 * the deadline that applies to it, and the server enforces it"). Seed 003_c72cd2feee1a719e.txt
 * 11.1/12: organizations load their forms "в сроки, указанные в дорожной карте, утверждённой
 * приказом министерства образования" — the region's own deadline, earlier than the federal close.
 */
class RegionalDeadlineTests extends ApiTest {

  private static final String TITLE = "Протоколы результатов — муниципальному координатору";

  @Autowired DatabaseClient db;

  private Instant now;
  private Instant federalClose;
  private Instant regionalDue;
  private Campaign campaign;
  private FormDefinition protocol;

  @BeforeEach
  void campaignWithAnEarlierRegionalDeadline() {
    now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    clock.set(now);
    federalClose = now.plus(Duration.ofDays(10));
    regionalDue = now.plus(Duration.ofDays(3));
    FormsFixture forms = new FormsFixture(client, db);
    campaign =
        forms.campaign(
            "ВПР: срок региона " + UUID.randomUUID(),
            now.minus(Duration.ofDays(1)),
            federalClose,
            "edu640021",
            "edu020001");
    protocol = forms.form(campaign.getId(), FormsFixture.RESULTS, "results-roadmap");
    // Signed in before a test moves the clock past the deadline.
    List.of("edu640021", "mun64-engels", "region64", "region02").forEach(this::as);
    as("region64")
        .put()
        .uri("/api/campaigns/" + campaign.getId() + "/regional-roadmap")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            Map.of(
                "items",
                List.of(
                    Map.of(
                        "stage",
                        "RESULTS_PROTOCOL",
                        "title",
                        "Мониторинг загрузки",
                        "dueAt",
                        now.plus(Duration.ofDays(1)).toString()),
                    Map.of(
                        "stage",
                        "RESULTS_PROTOCOL",
                        "title",
                        TITLE,
                        "dueAt",
                        regionalDue.toString()))))
        .exchange()
        .expectStatus()
        .isOk();
  }

  @Test
  void theSchoolsCountdownFormAndOverviewShowTheRegionsDeadlineNotTheFederalOne() {
    Stage stage = resultsStage(campaignAs("edu640021"));
    assertThat(stage.getEffectiveClosesAt().toInstant())
        .as("the latest of the region's deadlines in the stage closes it")
        .isEqualTo(regionalDue);
    assertThat(stage.getClosesAt().toInstant()).isEqualTo(federalClose);
    assertThat(stage.getRegionalDeadline().getTitle()).isEqualTo(TITLE);
    // The municipality that monitors the schools sees the same deadline.
    assertThat(resultsStage(campaignAs("mun64-engels")).getEffectiveClosesAt().toInstant())
        .isEqualTo(regionalDue);

    FormResponse response = responseOf("edu640021");
    assertThat(response.getWindow().getClosesAt().toInstant()).isEqualTo(regionalDue);
    assertThat(response.getWindow().getRegionalDeadline().getTitle()).isEqualTo(TITLE);
    assertThat(response.getWindow().getTimeZone()).isEqualTo("Europe/Saratov");

    // The municipal coordinator's page of the school shows the school's deadline.
    OverviewStage overview =
        as("mun64-engels")
            .get()
            .uri(
                "/api/campaigns/"
                    + campaign.getId()
                    + "/organizations/"
                    + organizationId("edu640021")
                    + "/overview")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(OrganizationOverview.class)
            .returnResult()
            .getResponseBody()
            .getStages()
            .stream()
            .filter(s -> s.getCode() == StageCode.RESULTS_PROTOCOL)
            .findFirst()
            .orElseThrow();
    assertThat(overview.getClosesAt().toInstant()).isEqualTo(regionalDue);
    assertThat(overview.getRegionalDeadline().getTitle()).isEqualTo(TITLE);
    assertThat(overview.getExtended()).isFalse();

    // Another region keeps the federal window; the federal organizer sees the federal schedule.
    Stage other = resultsStage(campaignAs("region02"));
    assertThat(other.getEffectiveClosesAt().toInstant()).isEqualTo(federalClose);
    assertThat(other.getRegionalDeadline()).isNull();
    assertThat(resultsStage(campaignAs("federal")).getEffectiveClosesAt().toInstant())
        .isEqualTo(federalClose);
  }

  @Test
  void afterTheRegionsDeadlineTheServerRefusesTheSchoolNamingItInTheRegionsTimeAndKeepsItsDraft() {
    FormResponse draft =
        save("edu640021", 0)
            .expectStatus()
            .isOk()
            .expectBody(FormResponse.class)
            .returnResult()
            .getResponseBody();
    assertThat(draft.getWindow().getOpen()).isTrue();

    clock.set(regionalDue.plus(Duration.ofMinutes(1)));
    String local =
        DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
            .format(regionalDue.atZone(ZoneId.of("Europe/Saratov")));
    for (WebTestClient.ResponseSpec late :
        List.of(
            save("edu640021", draft.getVersion()),
            as("edu640021")
                .post()
                .uri("/api/forms/" + protocol.getId() + "/response/submit")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("version", draft.getVersion()))
                .exchange())) {
      late.expectStatus()
          .isEqualTo(409)
          .expectBody()
          .jsonPath("$.detail")
          .value(
              d ->
                  assertThat((String) d)
                      .startsWith("Срок региона по дорожной карте для этапа «Загрузка протоколов")
                      .contains("«" + TITLE + "»")
                      .contains("истёк " + local + " (Саратов)")
                      .contains("обратитесь к региональному координатору"));
    }
    FormResponse kept = responseOf("edu640021");
    assertThat(kept.getVersion()).isEqualTo(draft.getVersion());
    assertThat(kept.getWindow().getOpen()).isFalse();

    // Region 02, under the federal window only, still has its stage open.
    assertThat(resultsStage(campaignAs("region02")).getState())
        .isEqualTo(org.oko.api.model.StageState.OPEN);
    assertThat(resultsStage(campaignAs("edu640021")).getState())
        .isEqualTo(org.oko.api.model.StageState.CLOSED);
  }

  @Test
  void anExtensionTheFederalOrganizerGrantsTheSchoolOutlastsTheRegionsDeadline() {
    clock.set(regionalDue.plus(Duration.ofHours(2)));
    save("edu640021", 0).expectStatus().isEqualTo(409);
    client
        .post()
        .uri("/api/campaigns/" + campaign.getId() + "/stages/RESULTS_PROTOCOL/extensions")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            Map.of(
                "organizationId",
                organizationId("edu640021"),
                "closesAt",
                federalClose.plus(Duration.ofDays(1)).toString()))
        .exchange()
        .expectStatus()
        .isCreated();
    save("edu640021", 0).expectStatus().isOk();
  }

  @Test
  void aDeadlineNamingWhomItBindsClosesTheStageForThemOnly() {
    // Seed 003 11.1/11.4: schools load their protocols by one date, the municipal coordinators
    // fill the objectivity analysis by a later one in the same stage.
    Instant municipalDue = now.plus(Duration.ofDays(5));
    FormDefinition analysis =
        new FormsFixture(client, db)
            .form(campaign.getId(), FormsFixture.OBJECTIVITY, "analiz-roadmap");
    as("region64")
        .put()
        .uri("/api/campaigns/" + campaign.getId() + "/regional-roadmap")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            Map.of(
                "items",
                List.of(
                    Map.of(
                        "stage",
                        "RESULTS_PROTOCOL",
                        "title",
                        TITLE,
                        "dueAt",
                        regionalDue.toString(),
                        "binds",
                        List.of("ORGANIZATION")),
                    Map.of(
                        "stage",
                        "RESULTS_PROTOCOL",
                        "title",
                        "Анализ объективности — в министерство",
                        "dueAt",
                        municipalDue.toString(),
                        "binds",
                        List.of("MUNICIPAL", "RESPONSIBLE")))))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.items[0].binds[0]")
        .isEqualTo("ORGANIZATION")
        .jsonPath("$.items[1].binds[1]")
        .isEqualTo("RESPONSIBLE");

    // The countdowns: each sees the deadline that binds it; the region's coordinator, bound by
    // neither, the federal close.
    assertThat(resultsStage(campaignAs("edu640021")).getEffectiveClosesAt().toInstant())
        .isEqualTo(regionalDue);
    assertThat(resultsStage(campaignAs("mun64-engels")).getEffectiveClosesAt().toInstant())
        .isEqualTo(municipalDue);
    assertThat(resultsStage(campaignAs("region64")).getEffectiveClosesAt().toInstant())
        .isEqualTo(federalClose);

    // After the schools' deadline the school is refused, the municipality still fills its form.
    clock.set(regionalDue.plus(Duration.ofMinutes(1)));
    save("edu640021", 0).expectStatus().isEqualTo(409);
    FormResponse engels =
        as("mun64-engels")
            .put()
            .uri("/api/forms/" + analysis.getId() + "/response")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(
                Map.of(
                    "version",
                    0,
                    "sheets",
                    Map.of(
                        "schools",
                        new ArrayList<>(List.of(Map.of("login", "edu640021", "signs", "нет"))))))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(FormResponse.class)
            .returnResult()
            .getResponseBody();
    assertThat(engels.getWindow().getClosesAt().toInstant()).isEqualTo(municipalDue);
  }

  private WebTestClient.ResponseSpec save(String school, long version) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("grade", "4А");
    row.put("code", "1001");
    row.put("variant", "1");
    row.put("task_1", "1");
    row.put("task_2", "1");
    row.put("task_3", "0");
    return as(school)
        .put()
        .uri("/api/forms/" + protocol.getId() + "/response")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            Map.of("version", version, "sheets", Map.of("results", new ArrayList<>(List.of(row)))))
        .exchange();
  }

  private FormResponse responseOf(String school) {
    return as(school)
        .get()
        .uri("/api/forms/" + protocol.getId() + "/response")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(FormResponse.class)
        .returnResult()
        .getResponseBody();
  }

  private Campaign campaignAs(String login) {
    return as(login)
        .get()
        .uri("/api/campaigns/" + campaign.getId())
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Campaign.class)
        .returnResult()
        .getResponseBody();
  }

  private static Stage resultsStage(Campaign c) {
    return c.getStages().stream()
        .filter(s -> s.getCode() == StageCode.RESULTS_PROTOCOL)
        .findFirst()
        .orElseThrow();
  }

  private long organizationId(String login) {
    return db.sql("select id from organization where login = :login")
        .bind("login", login)
        .map(r -> r.get("id", Long.class))
        .one()
        .block();
  }
}
