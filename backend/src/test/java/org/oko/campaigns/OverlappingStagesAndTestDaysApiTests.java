package org.oko.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Campaign;
import org.oko.api.model.Stage;
import org.oko.api.model.StageCode;
import org.oko.api.model.StageState;
import org.oko.api.model.TestDays;
import org.oko.testing.ApiTest;
import org.oko.testing.TestCampaigns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Stages overlap where the procedure runs them side by side, keep the order that is real, and ВПР
 * test days are each school's own within the federal period (issue 20; seeds {@code
 * 003_c72cd2feee1a719e.txt} 8.2–8.5, {@code 000_c9abf0b417e3d9bf.txt}, {@code
 * 004_900d14c936e55d94.txt} 9.1).
 */
class OverlappingStagesAndTestDaysApiTests extends ApiTest {

  /** 15.04.2026 00:00 in Saratov (UTC+4). */
  private static final ZoneId SARATOV = ZoneId.of("Europe/Saratov");

  private static final Instant CONDUCT_OPENS =
      LocalDate.of(2026, 4, 15).atStartOfDay(SARATOV).toInstant();
  private static final Instant CONDUCT_CLOSES =
      LocalDate.of(2026, 5, 17).atStartOfDay(SARATOV).toInstant();

  @Autowired DatabaseClient db;
  @Autowired StageGate gate;

  @Test
  void preparationStagesAndScanningWithScoringMayRunSideBySide() {
    Campaign campaign = TestCampaigns.create(client, "ВПР: параллельные этапы");
    Instant t0 = Instant.parse("2026-03-01T06:00:00Z");
    // Verification, application and context data together (seed 003 8.2–8.5); uploading scans
    // and expert checking together (seed 000: the collector follows both).
    Campaign scheduled =
        TestCampaigns.schedule(
            client,
            campaign,
            "VERIFICATION",
            t0,
            t0.plus(days(20)),
            "APPLICATION",
            t0.plus(days(5)),
            t0.plus(days(25)),
            "CONTEXT_DATA",
            t0.plus(days(10)),
            t0.plus(days(30)),
            "CONDUCT",
            t0.plus(days(40)),
            t0.plus(days(70)),
            "RESULTS_PROTOCOL",
            t0.plus(days(41)),
            t0.plus(days(75)),
            "SCANNING",
            t0.plus(days(41)),
            t0.plus(days(72)),
            "SCORING",
            t0.plus(days(42)),
            t0.plus(days(80)));

    clock.set(t0.plus(days(12)));
    Campaign seen = get("region64", scheduled.getId());
    assertThat(seen.getStages())
        .filteredOn(s -> s.getState() == StageState.OPEN)
        .extracting(Stage::getCode)
        .containsExactlyInAnyOrder(
            StageCode.VERIFICATION, StageCode.APPLICATION, StageCode.CONTEXT_DATA);

    clock.set(t0.plus(days(50)));
    assertThat(get("region64", scheduled.getId()).getStages())
        .filteredOn(s -> s.getState() == StageState.OPEN)
        .extracting(Stage::getCode)
        .containsExactlyInAnyOrder(
            StageCode.CONDUCT, StageCode.RESULTS_PROTOCOL, StageCode.SCANNING, StageCode.SCORING);
  }

  @Test
  void stagesOutOfTheProceduresOrderAreRefusedNamingTheRuleAndNothingIsStored() {
    Campaign campaign = TestCampaigns.create(client, "ВПР: порядок этапов");
    Instant t0 = Instant.parse("2026-03-01T06:00:00Z");
    String body =
        "{\"version\":"
            + campaign.getVersion()
            + ",\"stages\":["
            + stage("CONDUCT", t0.plus(days(10)), t0.plus(days(20)))
            + ","
            + stage("RESULTS_PROTOCOL", t0.plus(days(5)), t0.plus(days(25)))
            + ","
            + stage("SCANNING", t0.plus(days(11)), t0.plus(days(30)))
            + ","
            + stage("SCORING", t0.plus(days(12)), t0.plus(days(28)))
            + "]}";
    as("federal")
        .put()
        .uri("/api/campaigns/" + campaign.getId() + "/schedule")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("stages[1].opensAt")
        .jsonPath("$.errors[0].message")
        .isEqualTo(
            "Этап «Загрузка протоколов с результатами» не может открываться раньше этапа"
                + " «Проведение»: результаты вносятся после проведения работы")
        .jsonPath("$.errors[1].field")
        .isEqualTo("stages[3].closesAt")
        .jsonPath("$.errors[1].message")
        .isEqualTo(
            "Этап «Проверка экспертами» не может закрываться раньше этапа «Сканирование»: работа"
                + " проверяется экспертом после того, как её скан принят");

    assertThat(get("federal", campaign.getId()).getStages()).isEmpty();
  }

  @Test
  void aSchoolsOwnTestDayMovesItsConductAndOpensItsResultsProtocolAfterThatDay() {
    Campaign campaign = vprWithConductPeriod("ВПР: свои дни");
    long school = inPublishedSample(campaign, "edu640001");

    TestDays chosen =
        put("edu640001", campaign, school, days("math-4", "2026-04-21", "rus-4", "2026-04-23"))
            .expectStatus()
            .isOk()
            .expectBody(TestDays.class)
            .returnResult()
            .getResponseBody();
    assertThat(chosen.getPeriodFrom()).isEqualTo(LocalDate.of(2026, 4, 15));
    assertThat(chosen.getPeriodTo()).isEqualTo(LocalDate.of(2026, 5, 16));
    assertThat(chosen.getZone()).isEqualTo("Europe/Saratov");
    assertThat(chosen.getDays())
        .extracting(d -> d.getSubjectName() + " " + d.getDate())
        .containsExactly("Математика 2026-04-21", "Русский язык 2026-04-23");
    assertThat(chosen.getChosenBy()).isEqualTo("edu640001");

    // On the morning of 21.04 (Saratov) the school's conduct is open, its results protocol
    // not yet; another school of the region, without its own days, already enters results.
    Instant morning = LocalDate.of(2026, 4, 21).atTime(9, 0).atZone(SARATOV).toInstant();
    clock.set(morning);
    Campaign seenBySchool = get("edu640001", campaign.getId());
    assertThat(state(seenBySchool, StageCode.CONDUCT)).isEqualTo(StageState.OPEN);
    assertThat(state(seenBySchool, StageCode.RESULTS_PROTOCOL)).isEqualTo(StageState.UPCOMING);
    assertThat(window(seenBySchool, StageCode.RESULTS_PROTOCOL).getOpensAt().toInstant())
        .isEqualTo(LocalDate.of(2026, 4, 22).atStartOfDay(SARATOV).toInstant());
    assertThat(window(seenBySchool, StageCode.CONDUCT).getClosesAt().toInstant())
        .isEqualTo(LocalDate.of(2026, 4, 24).atStartOfDay(SARATOV).toInstant());
    assertThat(
            gate.window(campaign.getId(), org.oko.campaigns.Stage.RESULTS_PROTOCOL, "64", null)
                .block()
                .isOpenAt(morning))
        .isTrue();

    // The server refuses the school's results before its day is over, and takes them after.
    assertThat(
            gate.window(campaign.getId(), org.oko.campaigns.Stage.RESULTS_PROTOCOL, "64", school)
                .block()
                .isOpenAt(morning))
        .isFalse();
    clock.set(LocalDate.of(2026, 4, 22).atStartOfDay(SARATOV).toInstant());
    assertThat(state(get("edu640001", campaign.getId()), StageCode.RESULTS_PROTOCOL))
        .isEqualTo(StageState.OPEN);
    // After its last day its conduct is over, though the federal period goes on.
    clock.set(LocalDate.of(2026, 4, 24).atTime(10, 0).atZone(SARATOV).toInstant());
    assertThat(state(get("edu640001", campaign.getId()), StageCode.CONDUCT))
        .isEqualTo(StageState.CLOSED);
    assertThat(state(get("region64", campaign.getId()), StageCode.CONDUCT))
        .isEqualTo(StageState.OPEN);
  }

  @Test
  void aDayOutsideTheFederalPeriodOrAnUnknownSubjectIsRefusedAndNothingIsWritten() {
    Campaign campaign = vprWithConductPeriod("ВПР: день вне периода");
    long school = inPublishedSample(campaign, "edu640001");
    put("edu640001", campaign, school, days("math-4", "2026-04-20")).expectStatus().isOk();

    put(
            "edu640001",
            campaign,
            school,
            days("math-4", "2026-05-17", "rus-4", "2026-04-22", "chem-4", "2026-04-23"))
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("days[0].date")
        .jsonPath("$.errors[0].message")
        .isEqualTo(
            "День 17.05.2026 по предмету «Математика» вне периода проведения: с 15.04.2026 по"
                + " 16.05.2026 (даты по времени региона, Саратов)")
        .jsonPath("$.errors[1].field")
        .isEqualTo("days[2].subjectKey")
        .jsonPath("$.errors[1].message")
        .isEqualTo("Предмета «chem-4» нет в кампании «ВПР: день вне периода»");

    // The earlier choice stays whole: nothing of the refused request was written.
    assertThat(read("edu640001", campaign, school).getDays())
        .extracting(d -> d.getSubjectKey() + " " + d.getDate())
        .containsExactly("math-4 2026-04-20");
  }

  @Test
  void aRegionsOwnConductWindowBoundsItsSchoolsDaysAndItsResultsFollowTheSchoolsDay() {
    Campaign campaign = vprWithConductPeriod("ВПР: дни в окне региона");
    long school = inPublishedSample(campaign, "edu640001");
    // Region 64 conducts from 20.04 to 25.04 (Saratov), inside the federal 15.04–16.05.
    client
        .put()
        .uri("/api/campaigns/" + campaign.getId() + "/stages/CONDUCT/regional-windows")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            Map.of(
                "regionCodes",
                List.of("64"),
                "opensLocal",
                "2026-04-20T00:00",
                "closesLocal",
                "2026-04-26T00:00"))
        .exchange()
        .expectStatus()
        .isOk();

    // 17.04 is in the federal period but before the region's: refused, naming the region's days.
    put("edu640001", campaign, school, days("math-4", "2026-04-17"))
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[0].message")
        .isEqualTo(
            "День 17.04.2026 по предмету «Математика» вне периода проведения: с 20.04.2026 по"
                + " 25.04.2026 (даты по времени региона, Саратов)");
    assertThat(read("edu640001", campaign, school).getDays()).isEmpty();

    put("edu640001", campaign, school, days("math-4", "2026-04-22")).expectStatus().isOk();
    // Its results protocol opens after its own day, not with the region's or the country's.
    clock.set(LocalDate.of(2026, 4, 22).atTime(15, 0).atZone(SARATOV).toInstant());
    assertThat(state(get("edu640001", campaign.getId()), StageCode.RESULTS_PROTOCOL))
        .isEqualTo(StageState.UPCOMING);
    clock.set(LocalDate.of(2026, 4, 23).atTime(8, 0).atZone(SARATOV).toInstant());
    assertThat(state(get("edu640001", campaign.getId()), StageCode.RESULTS_PROTOCOL))
        .isEqualTo(StageState.OPEN);
  }

  @Test
  void theSchoolChoosesOnlyWhileItsApplicationIsOpenItsCoordinatorsAlwaysOthersNever() {
    Campaign campaign = vprWithConductPeriod("ВПР: кто выбирает дни");
    long school = inPublishedSample(campaign, "edu640021");
    long notInSample = organizationId("edu640001");

    clock.set(CONDUCT_OPENS.plus(days(1)));
    put("edu640021", campaign, school, days("math-4", "2026-04-20"))
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).startsWith("Этап «Заявка на участие» завершён"));
    put("mun64-engels", campaign, school, days("math-4", "2026-04-20")).expectStatus().isOk();
    assertThat(read("region64", campaign, school).getChosenBy()).isEqualTo("mun64-engels");

    as("region02").get().uri(uri(campaign, school)).exchange().expectStatus().isNotFound();
    as("edu640021").get().uri(uri(campaign, notInSample)).exchange().expectStatus().isNotFound();
    as("region64").get().uri(uri(campaign, notInSample)).exchange().expectStatus().isNotFound();
    as("scan64").get().uri(uri(campaign, school)).exchange().expectStatus().isForbidden();
  }

  /** A ВПР campaign with the application open now and the conduct period 15.04–16.05.2026. */
  private Campaign vprWithConductPeriod(String title) {
    Campaign campaign = TestCampaigns.create(client, title, "64");
    clock.set(Instant.parse("2026-03-10T06:00:00Z"));
    return TestCampaigns.schedule(
        client,
        campaign,
        "APPLICATION",
        Instant.parse("2026-03-01T06:00:00Z"),
        CONDUCT_OPENS,
        "CONDUCT",
        CONDUCT_OPENS,
        CONDUCT_CLOSES,
        "RESULTS_PROTOCOL",
        CONDUCT_OPENS,
        CONDUCT_CLOSES.plus(days(5)));
  }

  private long inPublishedSample(Campaign campaign, String login) {
    long id = organizationId(login);
    db.sql(
            "insert into sample_entry (campaign_id, organization_id, region_code, status,"
                + " participants, institution_type, settlement_type)"
                + " values (:c, :o, '64', 'SELECTED', 50, 'СОШ', 'CITY')")
        .bind("c", campaign.getId())
        .bind("o", id)
        .then()
        .block();
    db.sql(
            "insert into sample_publication (campaign_id, region_code, published_at, published_by)"
                + " values (:c, '64', now(), 'federal')")
        .bind("c", campaign.getId())
        .then()
        .block();
    return id;
  }

  private WebTestClient.ResponseSpec put(
      String login, Campaign campaign, long organizationId, List<Map<String, String>> days) {
    return as(login)
        .put()
        .uri(uri(campaign, organizationId))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("days", days))
        .exchange();
  }

  private TestDays read(String login, Campaign campaign, long organizationId) {
    return as(login)
        .get()
        .uri(uri(campaign, organizationId))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(TestDays.class)
        .returnResult()
        .getResponseBody();
  }

  private static String uri(Campaign campaign, long organizationId) {
    return "/api/campaigns/" + campaign.getId() + "/organizations/" + organizationId + "/test-days";
  }

  private static List<Map<String, String>> days(String... subjectAndDate) {
    List<Map<String, String>> out = new java.util.ArrayList<>();
    for (int i = 0; i < subjectAndDate.length; i += 2) {
      out.add(Map.of("subjectKey", subjectAndDate[i], "date", subjectAndDate[i + 1]));
    }
    return out;
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

  private static Stage window(Campaign campaign, StageCode code) {
    return campaign.getStages().stream().filter(s -> s.getCode() == code).findFirst().orElseThrow();
  }

  private static StageState state(Campaign campaign, StageCode code) {
    return window(campaign, code).getState();
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
    return "{\"code\":\""
        + code
        + "\",\"opensAt\":\""
        + opens
        + "\",\"closesAt\":\""
        + closes
        + "\"}";
  }
}
