package org.oko.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Campaign;
import org.oko.api.model.CampaignPage;
import org.oko.api.model.Stage;
import org.oko.api.model.StageCode;
import org.oko.api.model.StageExtension;
import org.oko.api.model.StageState;
import org.oko.testing.ApiTest;
import org.oko.testing.TestCampaigns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;

class CampaignsApiTests extends ApiTest {

  private static final Instant T0 = Instant.parse("2026-03-01T06:00:00Z");

  @Autowired DatabaseClient db;

  @Test
  void coordinatorsOfTakingPartRegionsSeeTheCampaignOthersDoNot() {
    Campaign campaign = TestCampaigns.create(client, "ВПР: видимость", "64");

    assertThat(titles("region64")).contains("ВПР: видимость");
    assertThat(titles("mun64-engels")).contains("ВПР: видимость");
    as("region64").get().uri("/api/campaigns/" + campaign.getId()).exchange().expectStatus().isOk();
    assertThat(titles("region02")).doesNotContain("ВПР: видимость");
    as("region02")
        .get()
        .uri("/api/campaigns/" + campaign.getId())
        .exchange()
        .expectStatus()
        .isNotFound();

    // A school sees a campaign only once it is in the published sample.
    assertThat(titles("edu640001")).doesNotContain("ВПР: видимость");
    as("edu640001")
        .get()
        .uri("/api/campaigns/" + campaign.getId())
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  void anOrganizationSeesTheCampaignOnceThePublishedSampleIncludesIt() {
    Campaign campaign = TestCampaigns.create(client, "ВПР: выборка");
    long school = organizationId("edu640001");
    db.sql(
            "insert into sample_entry (campaign_id, organization_id, region_code, status,"
                + " participants, institution_type, settlement_type)"
                + " values (:c, :o, '64', 'SELECTED', 50, 'СОШ', 'CITY')")
        .bind("c", campaign.getId())
        .bind("o", school)
        .then()
        .block();
    assertThat(titles("edu640001")).doesNotContain("ВПР: выборка");

    db.sql(
            "insert into sample_publication (campaign_id, region_code, published_at, published_by)"
                + " values (:c, '64', now(), 'federal')")
        .bind("c", campaign.getId())
        .then()
        .block();
    assertThat(titles("edu640001")).contains("ВПР: выборка");
  }

  @Test
  void theScheduleIsOrderedAndEachStageHasItsStateAtTheServersClock() {
    Campaign campaign = TestCampaigns.create(client, "ВПР: план-график");
    TestCampaigns.schedule(
        client,
        campaign,
        "APPLICATION",
        T0.plus(days(10)),
        T0.plus(days(20)),
        "VERIFICATION",
        T0,
        T0.plus(days(10)));

    clock.set(T0.plus(days(10)).minusSeconds(1));
    Campaign seen = get("region64", campaign.getId());
    assertThat(seen.getStages())
        .extracting(Stage::getCode, Stage::getState)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(StageCode.VERIFICATION, StageState.OPEN),
            org.assertj.core.groups.Tuple.tuple(StageCode.APPLICATION, StageState.UPCOMING));
    assertThat(seen.getCurrentStage()).isEqualTo(StageCode.VERIFICATION);
    assertThat(seen.getStages().get(0).getName()).isEqualTo("Выверка списка ОО");
    assertThat(seen.getTimeZone()).isEqualTo("Europe/Saratov");

    // The close is exclusive: at the closing instant the next stage has begun.
    clock.set(T0.plus(days(10)));
    seen = get("region64", campaign.getId());
    assertThat(seen.getStages())
        .extracting(Stage::getState)
        .containsExactly(StageState.CLOSED, StageState.OPEN);
    assertThat(seen.getCurrentStage()).isEqualTo(StageCode.APPLICATION);
  }

  @Test
  void invertedAndRepeatedStagesAreRefusedAndTheOldScheduleStays() {
    Campaign campaign = TestCampaigns.create(client, "ВПР: ошибки плана");
    campaign = TestCampaigns.schedule(client, campaign, "VERIFICATION", T0, T0.plus(days(5)));

    String body =
        schedule(
            campaign.getVersion(),
            stage("VERIFICATION", T0, T0.plus(days(10))),
            stage("APPLICATION", T0.plus(days(9)), T0.plus(days(20))),
            stage("CONDUCT", T0.plus(days(30)), T0.plus(days(29))),
            stage("APPLICATION", T0.plus(days(40)), T0.plus(days(41))));
    client
        .put()
        .uri("/api/campaigns/" + campaign.getId() + "/schedule")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[*].message")
        .value(
            messages ->
                assertThat(String.join("\n", (List<String>) messages))
                    .contains("«Заявка на участие» указан в плане-графике дважды")
                    .contains("«Проведение» должен закрываться позже, чем открывается")
                    // Overlapping preparation stages are the procedure (seed 003 8.2–8.5).
                    .doesNotContain("пересека"));

    assertThat(get("federal", campaign.getId()).getStages())
        .extracting(Stage::getCode)
        .containsExactly(StageCode.VERIFICATION);
  }

  @Test
  void aStaleVersionIsAConflictAndChangesNothing() {
    Campaign campaign = TestCampaigns.create(client, "ВПР: версия");
    long stale = campaign.getVersion();
    TestCampaigns.schedule(client, campaign, "VERIFICATION", T0, T0.plus(days(5)));

    client
        .put()
        .uri("/api/campaigns/" + campaign.getId() + "/schedule")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(schedule(stale, stage("APPLICATION", T0, T0.plus(days(1)))))
        .exchange()
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("изменил кто-то другой"));
    assertThat(get("federal", campaign.getId()).getStages())
        .extracting(Stage::getCode)
        .containsExactly(StageCode.VERIFICATION);
  }

  @Test
  void anExtensionKeepsTheStageOpenForThatRegionOnly() {
    Campaign campaign = TestCampaigns.create(client, "ВПР: продление");
    TestCampaigns.schedule(client, campaign, "VERIFICATION", T0, T0.plus(days(5)));
    Instant extended = T0.plus(days(7));

    StageExtension extension =
        client
            .post()
            .uri("/api/campaigns/" + campaign.getId() + "/stages/VERIFICATION/extensions")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(
                Map.of("regionCode", "64", "closesAt", extended.toString(), "reason", "Паводок"))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(StageExtension.class)
            .returnResult()
            .getResponseBody();
    assertThat(extension.getGrantedBy()).isEqualTo("federal");

    clock.set(T0.plus(days(6)));
    Stage saratov = get("region64", campaign.getId()).getStages().get(0);
    assertThat(saratov.getState()).isEqualTo(StageState.OPEN);
    assertThat(saratov.getEffectiveClosesAt().toInstant()).isEqualTo(extended);
    assertThat(saratov.getClosesAt().toInstant()).isEqualTo(T0.plus(days(5)));
    assertThat(get("region02", campaign.getId()).getStages().get(0).getState())
        .isEqualTo(StageState.CLOSED);

    // The regional coordinator sees its region's extension, not others'.
    client
        .post()
        .uri("/api/campaigns/" + campaign.getId() + "/stages/VERIFICATION/extensions")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("regionCode", "02", "closesAt", extended.toString()))
        .exchange()
        .expectStatus()
        .isCreated();
    as("region64")
        .get()
        .uri("/api/campaigns/" + campaign.getId() + "/stages/VERIFICATION/extensions")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.items[*].regionCode")
        .isEqualTo(List.of("64"));
  }

  @Test
  void anExtensionMustBeLaterThanTheStageAndForOneRegionOrOrganizationOfTheCampaign() {
    Campaign campaign = TestCampaigns.create(client, "ВПР: неверное продление");
    TestCampaigns.schedule(client, campaign, "VERIFICATION", T0, T0.plus(days(5)));
    String uri = "/api/campaigns/" + campaign.getId() + "/stages/VERIFICATION/extensions";

    extend(uri, Map.of("regionCode", "64", "closesAt", T0.plus(days(4)).toString()))
        .jsonPath("$.errors[0].field")
        .isEqualTo("closesAt");
    extend(
            uri,
            Map.of(
                "regionCode",
                "64",
                "organizationId",
                organizationId("edu640001"),
                "closesAt",
                T0.plus(days(6)).toString()))
        .jsonPath("$.errors[0].field")
        .isEqualTo("regionCode");
    extend(uri, Map.of("regionCode", "25", "closesAt", T0.plus(days(6)).toString()))
        .jsonPath("$.detail")
        .isEqualTo("Регион 25 не участвует в кампании");
    extend(
            uri,
            Map.of(
                "organizationId",
                organizationId("edu250001"),
                "closesAt",
                T0.plus(days(6)).toString()))
        .jsonPath("$.errors[0].field")
        .isEqualTo("organizationId");
    client.get().uri(uri).exchange().expectBody().jsonPath("$.items").isEmpty();
  }

  @Test
  void anExtensionForOneOrganizationMovesOnlyItsDeadline() {
    Campaign campaign = TestCampaigns.create(client, "ВПР: продление для ОО");
    TestCampaigns.schedule(client, campaign, "VERIFICATION", T0, T0.plus(days(5)));
    long school = organizationId("edu640001");
    client
        .post()
        .uri("/api/campaigns/" + campaign.getId() + "/stages/VERIFICATION/extensions")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("organizationId", school, "closesAt", T0.plus(days(8)).toString()))
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody()
        .jsonPath("$.organization.login")
        .isEqualTo("edu640001");

    StageWindow forSchool =
        gate.window(campaign.getId(), org.oko.campaigns.Stage.VERIFICATION, "64", school).block();
    StageWindow forNeighbour =
        gate.window(
                campaign.getId(),
                org.oko.campaigns.Stage.VERIFICATION,
                "64",
                organizationId("edu640002"))
            .block();
    assertThat(forSchool.effectiveClosesAt()).isEqualTo(T0.plus(days(8)));
    assertThat(forNeighbour.effectiveClosesAt()).isEqualTo(T0.plus(days(5)));
  }

  @Test
  void aCampaignWithUnknownRegionsOrRepeatedSubjectsIsRefused() {
    client
        .post()
        .uri("/api/campaigns")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            Map.of(
                "kind", "VPR",
                "title", "ВПР: ошибки",
                "academicYear", "2025/2026",
                "subjects",
                    List.of(
                        Map.of("key", "rus-4", "name", "Русский язык"),
                        Map.of("key", "rus-4", "name", "Русский язык")),
                "regionCodes", List.of("64", "99")))
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[*].message")
        .value(
            m ->
                assertThat((List<String>) m)
                    .containsExactlyInAnyOrder(
                        "Предмет «rus-4» указан дважды", "Нет региона с кодом 99"));
    assertThat(titles("federal")).doesNotContain("ВПР: ошибки");
  }

  @Test
  void schedulingWritesAnEventToTheOutboxInTheSameTransaction() {
    Campaign campaign = TestCampaigns.create(client, "ВПР: события");
    TestCampaigns.schedule(client, campaign, "VERIFICATION", T0, T0.plus(days(5)));
    Long events =
        db.sql(
                "select count(*) as n from outbox where topic = 'campaigns.ScheduleChanged'"
                    + " and event_key = :key")
            .bind("key", String.valueOf(campaign.getId()))
            .map(r -> r.get("n", Long.class))
            .one()
            .block();
    assertThat(events).isEqualTo(1);
  }

  @Test
  void changingACampaignKeepsItsRegionsWithPreliminaryListsAndWritesAnEvent() {
    Campaign campaign = TestCampaigns.create(client, "ВПР: изменение");
    db.sql(
            "insert into sample_entry (campaign_id, organization_id, region_code, participants,"
                + " institution_type, settlement_type) values (:c, :o, '02', 30, 'СОШ', 'CITY')")
        .bind("c", campaign.getId())
        .bind("o", organizationId("edu020001"))
        .then()
        .block();
    String update =
        "{\"kind\":\"VPR\",\"title\":\"ВПР: изменена\",\"academicYear\":\"2025/2026\","
            + "\"subjects\":[],\"regionCodes\":[%s],\"version\":%d}";

    client
        .put()
        .uri("/api/campaigns/" + campaign.getId())
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(update.formatted("\"64\"", campaign.getVersion()))
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("02"));

    Campaign changed =
        client
            .put()
            .uri("/api/campaigns/" + campaign.getId())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(update.formatted("\"64\",\"02\",\"25\"", campaign.getVersion()))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Campaign.class)
            .returnResult()
            .getResponseBody();
    assertThat(changed.getTitle()).isEqualTo("ВПР: изменена");
    assertThat(changed.getRegionCodes()).containsExactly("02", "25", "64");
    assertThat(changed.getVersion()).isGreaterThan(campaign.getVersion());
    Campaign reread =
        client
            .get()
            .uri("/api/campaigns/" + campaign.getId())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Campaign.class)
            .returnResult()
            .getResponseBody();
    assertThat(reread.getTitle()).isEqualTo("ВПР: изменена");
    assertThat(reread.getRegionCodes()).containsExactly("02", "25", "64");
  }

  @Autowired StageGate gate;

  private org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec extend(
      String uri, Map<String, Object> body) {
    return client
        .post()
        .uri(uri)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectBody();
  }

  private Campaign get(String login, long id) {
    return as(login)
        .get()
        .uri("/api/campaigns/" + id)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Campaign.class)
        .returnResult()
        .getResponseBody();
  }

  private List<String> titles(String login) {
    return as(login)
        .get()
        .uri("/api/campaigns?size=100")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(CampaignPage.class)
        .returnResult()
        .getResponseBody()
        .getItems()
        .stream()
        .map(Campaign::getTitle)
        .toList();
  }

  private long organizationId(String login) {
    return db.sql("select id from organization where login = :l")
        .bind("l", login)
        .map(r -> r.get("id", Long.class))
        .one()
        .block();
  }

  private static Duration days(int n) {
    return Duration.ofDays(n);
  }

  private static String stage(String code, Instant opens, Instant closes) {
    return "{\"code\":\"%s\",\"opensAt\":\"%s\",\"closesAt\":\"%s\"}"
        .formatted(code, opens, closes);
  }

  private static String schedule(long version, String... stages) {
    return "{\"version\":" + version + ",\"stages\":[" + String.join(",", stages) + "]}";
  }
}
