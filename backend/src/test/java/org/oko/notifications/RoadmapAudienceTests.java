package org.oko.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Campaign;
import org.oko.api.model.ObserverAct;
import org.oko.api.model.ObserverArchiveHandoverBoard;
import org.oko.api.model.ObserverAssignment;
import org.oko.api.model.Stage;
import org.oko.api.model.StageCode;
import org.oko.observers.ObserversFixture;
import org.oko.scans.ScansFixture;
import org.oko.testing.ApiTest;
import org.oko.testing.TestCampaigns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * A regional roadmap deadline that names the scanning centre or the observers reaches them (issue
 * 19; seed 003 11–12: the roadmap approved by the regional ministry sets the region's deadlines):
 * their countdown shows it, the server holds them to it, and they are reminded the day before —
 * while those it does not name keep the federal window. Before session 8 both binds were stored and
 * shown on the roadmap but closed nothing: scanning was gated by the organizations' deadlines and
 * the observers' acts by the schools'.
 */
class RoadmapAudienceTests extends ApiTest {

  @Autowired DatabaseClient db;
  @Autowired DeadlineWorker deadlines;

  @Test
  void aDeadlineForTheScanningCentreClosesScanningForItOnlyAndRemindsItTheDayBefore() {
    ScansFixture scans = new ScansFixture(client, db);
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Campaign campaign = scans.campaign("ОМК: срок центра сканирования " + System.nanoTime());
    long id = campaign.getId();
    Instant federalClose = scanning(campaign).getEffectiveClosesAt().toInstant();
    Instant due = now.plus(Duration.ofDays(2));
    String title = "Сканы работ — в РЦОИ " + id;
    long school = scans.organizationId("edu645001");
    long other = scans.organizationId("edu645002");
    // edu645001 scans its own works (the region allows it): organizations are not bound.
    as("region64")
        .put()
        .uri("/api/campaigns/" + id + "/regions/64/local-scanning")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("organizationIds", List.of(school)))
        .exchange()
        .expectStatus()
        .isOk();
    roadmap(id, "SCANNING", title, due, "SCANNER");
    // Signed in before the clock moves.
    List.of("scan64", "edu645001", "region64").forEach(this::as);

    // The countdowns: the scanning centre's is the region's deadline; the others' the federal one.
    assertThat(scanning(campaignAs("scan64", id)).getEffectiveClosesAt().toInstant())
        .isEqualTo(due);
    assertThat(scanning(campaignAs("scan64", id)).getRegionalDeadline().getTitle())
        .isEqualTo(title);
    assertThat(scanning(campaignAs("region64", id)).getEffectiveClosesAt().toInstant())
        .isEqualTo(federalClose);
    assertThat(scanning(campaignAs("edu645001", id)).getEffectiveClosesAt().toInstant())
        .isEqualTo(federalClose);

    // The day before, in Saratov's calendar: the scanning centre is reminded, once.
    clock.set(due.minus(Duration.ofDays(1)));
    deadlines.remind().block();
    deadlines.remind().block();
    List<Map<String, Object>> reminded = reminders("scan64", title);
    assertThat(reminded).hasSize(1);
    assertThat(reminded.get(0).get("link")).isEqualTo("/scans");
    assertThat((String) reminded.get(0).get("text"))
        .startsWith("Срок по дорожной карте региона — ")
        .endsWith("(Саратов).");
    assertThat(reminders("region64", title)).isEmpty();

    // After it: the scanning centre's upload is refused naming the deadline; the school's own
    // scanning, not bound, goes on.
    clock.set(due.plus(Duration.ofMinutes(1)));
    byte[] png = ScansFixture.png(501501, 1);
    as("scan64")
        .post()
        .uri("/api/campaigns/" + id + "/scan-batches")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(ScansFixture.batchInput(other, "501501_1.png", png.length, null))
        .exchange()
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.detail")
        .value(
            d ->
                assertThat((String) d)
                    .startsWith("Срок региона по дорожной карте для этапа «Сканирование")
                    .contains("«" + title + "»")
                    .contains("(Саратов)"));
    ScansFixture.open(as("edu645001"), id, school, "501501_1.png", png);
  }

  @Test
  void aDeadlineForObserversIsTheirActsDeadlineOnTheirPhoneTheirReminderAndTheirLateMark() {
    ObserversFixture.OnDuty onDuty =
        new ObserversFixture(this::as, db)
            .onDuty(
                "ВПР, срок наблюдателей " + System.nanoTime(),
                "Наблюдатель По Дорожной Карте",
                "64");
    Campaign campaign = onDuty.campaign();
    long id = campaign.getId();
    Instant now = onDuty.now();
    ObserverAssignment assignment = onDuty.assignment();
    String login = onDuty.login();
    Instant federalClose = now.plus(Duration.ofDays(5));
    TestCampaigns.schedule(
        client,
        campaign,
        "CONDUCT",
        now.minus(Duration.ofDays(5)),
        now.minus(Duration.ofDays(2)),
        "RESULTS_PROTOCOL",
        now.minus(Duration.ofDays(2)),
        federalClose);
    // The schools' protocols are due tomorrow, the observers' acts the day after.
    Instant schoolsDue = now.plus(Duration.ofDays(1));
    Instant actsDue = now.plus(Duration.ofDays(2));
    String title = "Акты наблюдателей — в РЦОКО " + id;
    as("region64")
        .put()
        .uri("/api/campaigns/" + id + "/regional-roadmap")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            Map.of(
                "items",
                List.of(
                    item("RESULTS_PROTOCOL", "Протоколы школ", schoolsDue, "ORGANIZATION"),
                    item("RESULTS_PROTOCOL", title, actsDue, "OBSERVER"))))
        .exchange()
        .expectStatus()
        .isOk();
    List.of(login, "region64").forEach(this::as);

    // The observer's phone shows the acts' deadline, not the schools'.
    List<ObserverAssignment> mine =
        as(login)
            .get()
            .uri("/api/observer/assignments")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBodyList(ObserverAssignment.class)
            .returnResult()
            .getResponseBody();
    assertThat(mine)
        .singleElement()
        .satisfies(a -> assertThat(a.getActDeadline().toInstant()).isEqualTo(actsDue));

    // The day before: the observer is reminded, with a link to its assignments.
    clock.set(actsDue.minus(Duration.ofDays(1)));
    deadlines.remind().block();
    List<Map<String, Object>> reminded = reminders(login, title);
    assertThat(reminded).hasSize(1);
    assertThat(reminded.get(0).get("link")).isEqualTo("/observers");

    // After it, the act is accepted but late, by the observers' deadline.
    clock.set(actsDue.plus(Duration.ofMinutes(1)));
    ObserverAct act =
        as(login)
            .put()
            .uri("/api/observer-assignments/" + assignment.getId() + "/act")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("violationsFound", false))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(ObserverAct.class)
            .returnResult()
            .getResponseBody();
    assertThat(act.getLate()).isTrue();
    assertThat(act.getDeadline().toInstant()).isEqualTo(actsDue);
    // The municipalities' archive of acts is not bound by it: the federal close still applies.
    ObserverArchiveHandoverBoard archives =
        as("region64")
            .get()
            .uri("/api/campaigns/" + id + "/observer-acts/handovers")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(ObserverArchiveHandoverBoard.class)
            .returnResult()
            .getResponseBody();
    assertThat(archives.getDeadline().toInstant()).isEqualTo(federalClose);
  }

  private void roadmap(long campaignId, String stage, String title, Instant due, String binds) {
    as("region64")
        .put()
        .uri("/api/campaigns/" + campaignId + "/regional-roadmap")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("items", List.of(item(stage, title, due, binds))))
        .exchange()
        .expectStatus()
        .isOk();
  }

  private static Map<String, Object> item(String stage, String title, Instant due, String binds) {
    return Map.of("stage", stage, "title", title, "dueAt", due.toString(), "binds", List.of(binds));
  }

  private Campaign campaignAs(String login, long id) {
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

  private static Stage scanning(Campaign c) {
    return c.getStages().stream()
        .filter(s -> s.getCode() == StageCode.SCANNING)
        .findFirst()
        .orElseThrow();
  }

  /** The account's «Срок завтра» reminders of the roadmap deadline titled {@code title}. */
  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> reminders(String login, String title) {
    Map<String, Object> page =
        as(login)
            .get()
            .uri("/api/notifications?size=100")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    return ((List<Map<String, Object>>) page.get("items"))
        .stream()
            .filter(
                n ->
                    "DEADLINE".equals(n.get("kind"))
                        && ("Срок завтра: «" + title + "»").equals(n.get("title")))
            .toList();
  }
}
