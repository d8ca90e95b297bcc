package org.oko.observers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Campaign;
import org.oko.api.model.ObserverAct;
import org.oko.api.model.ObserverArchiveHandover;
import org.oko.api.model.ObserverArchiveHandoverBoard;
import org.oko.api.model.ObserverAssignment;
import org.oko.api.model.ObserverAuthorityHandover;
import org.oko.api.model.ObserverViolationHandover;
import org.oko.api.model.ObserverViolationHandoverBoard;
import org.oko.testing.ApiTest;
import org.oko.testing.TestCampaigns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Seed 003 11.2–11.3: acts and the archive of acts with violations are due "в сроки, указанные в
 * дорожной карте" (the results protocol stage's close); after it they are accepted but marked late,
 * and the region's board shows who is late. Seed 000: the region passes the violations to the
 * federal organizer, who sees which regions passed, when, late or not, with the summary.
 */
class ObserverDeadlinesTests extends ApiTest {

  @Autowired DatabaseClient db;

  @Test
  void anActAndAnArchiveAfterTheDeadlineAreAcceptedButLateAndTheRegionPassesItsViolations() {
    ObserversFixture.OnDuty onDuty =
        new ObserversFixture(this::as, db)
            .onDuty("ВПР, сроки актов " + System.nanoTime(), "Опоздавший Наблюдатель", "64", "02");
    Campaign campaign = onDuty.campaign();
    long id = campaign.getId();
    Instant now = onDuty.now();
    ObserverAssignment assignment = onDuty.assignment();
    // The roadmap: the results protocol closed an hour ago (the acts' deadline); the reports open
    // in five days (the region's deadline for passing the violations on).
    Instant actsDue = now.minus(Duration.ofHours(1));
    Instant reportsOpen = now.plus(Duration.ofDays(5));
    TestCampaigns.schedule(
        client,
        campaign,
        "CONDUCT",
        now.minus(Duration.ofDays(5)),
        now.minus(Duration.ofDays(2)),
        "RESULTS_PROTOCOL",
        now.minus(Duration.ofDays(2)),
        actsDue,
        "REPORTS",
        reportsOpen,
        now.plus(Duration.ofDays(10)));

    ObserverAct act =
        as(onDuty.login())
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
    assertThat(act.getLate()).isTrue();
    assertThat(act.getDeadline().toInstant()).isEqualTo(actsDue);
    as("mun64-engels")
        .post()
        .uri("/api/observer-acts/" + act.getId() + "/review")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("withViolations", true))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(ObserverAct.class)
        .value(reviewed -> assertThat(reviewed.getLate()).isTrue());

    // The archive's register says the act came late, and by which deadline, in Saratov's time.
    Row registered = registerRow("mun64-engels", id);
    assertThat(registered.getSheet().getRow(0).getCell(11).getStringCellValue())
        .isEqualTo("С опозданием");
    assertThat(registered.getCell(2).getStringCellValue()).isEqualTo("edu640021");
    assertThat(registered.getCell(11).getStringCellValue())
        .isEqualTo(
            "с опозданием (срок " + ActRegisterWorkbook.local(actsDue, "Europe/Saratov") + ")")
        .endsWith("(Саратов))");
    assertThat(registered.getCell(10).getStringCellValue()).endsWith("(Саратов)");

    // Before anyone passes: every unit of the region is late, the deadline in Saratov's time.
    String archives = "/api/campaigns/" + id + "/observer-acts/handovers";
    ObserverArchiveHandoverBoard before =
        get("region64", archives, ObserverArchiveHandoverBoard.class);
    assertThat(before.getDeadline().toInstant()).isEqualTo(actsDue);
    assertThat(before.getTimeZone()).isEqualTo("Europe/Saratov");
    assertThat(before.getLate()).isEqualTo(before.getItems().size()).isPositive();
    ObserverArchiveHandover passed =
        as("mun64-engels")
            .put()
            .uri("/api/campaigns/" + id + "/observer-acts/handover")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(ObserverArchiveHandover.class)
            .returnResult()
            .getResponseBody();
    assertThat(passed.getLate()).isTrue();
    assertThat(passed.getHandedAt()).isNotNull();
    ObserverArchiveHandoverBoard after =
        get("region64", archives, ObserverArchiveHandoverBoard.class);
    assertThat(after.getPassed()).isEqualTo(1);
    assertThat(after.getItems())
        .filteredOn(i -> i.getHandedAt() != null)
        .singleElement()
        .satisfies(i -> assertThat(i.getLate()).isTrue());

    // The region passes its violations on, before the reports open: on time, with the summary.
    String handover = "/api/campaigns/" + id + "/observer-violations/handover";
    as("mun64-engels").put().uri(handover).exchange().expectStatus().isForbidden();
    as("federal").put().uri(handover).exchange().expectStatus().isForbidden();
    ObserverViolationHandover region =
        as("region64")
            .put()
            .uri(handover)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(ObserverViolationHandover.class)
            .returnResult()
            .getResponseBody();
    assertThat(region.getRegionCode()).isEqualTo("64");
    assertThat(region.getHandedBy()).isEqualTo("region64");
    assertThat(region.getLate()).isFalse();
    assertThat(region.getDeadline().toInstant()).isEqualTo(reportsOpen);
    assertThat(region.getTimeZone()).isEqualTo("Europe/Saratov");
    assertThat(region.getActs()).isEqualTo(1);
    assertThat(region.getPoints()).isEqualTo(1);
    assertThat(region.getMunicipalities()).isEqualTo(1);
    assertThat(region.getUnitsPassed()).isEqualTo(1);

    // The federal organizer hears of it in the notifications (outbox → Kafka → notifications).
    Map<?, ?> notice = awaitNotification("federal", "/observers/" + id);
    assertThat(notice.get("title")).isEqualTo("Регион передал сведения о нарушениях");
    assertThat((String) notice.get("text"))
        .contains(region.getRegionName())
        .contains("актов с нарушениями — 1, пунктов — 1");
    assertThat(notifications("region64", "/observers/" + id)).isEmpty();

    // The federal organizer sees every region of the campaign; a region only its own row.
    String board = "/api/campaigns/" + id + "/observer-violations/handovers";
    ObserverViolationHandoverBoard federal =
        get("federal", board, ObserverViolationHandoverBoard.class);
    assertThat(federal.getPassed()).isEqualTo(1);
    assertThat(federal.getNotPassed()).isEqualTo(1);
    assertThat(federal.getLate()).isZero();
    assertThat(federal.getItems())
        .extracting(ObserverViolationHandover::getRegionCode)
        .containsExactly("02", "64");
    assertThat(federal.getItems().get(0).getHandedAt()).isNull();
    assertThat(federal.getItems().get(0).getDeadline().toInstant()).isEqualTo(reportsOpen);
    assertThat(federal.getItems().get(1).getActsWithViolations()).isEqualTo(1);
    assertThat(get("region02", board, ObserverViolationHandoverBoard.class).getItems())
        .singleElement()
        .satisfies(r -> assertThat(r.getRegionCode()).isEqualTo("02"));
    as("mun64-engels").get().uri(board).exchange().expectStatus().isForbidden();
    as("edu640021").get().uri(board).exchange().expectStatus().isForbidden();
  }

  @Test
  void withoutARoadmapNothingIsLate() {
    ObserversFixture fixture = new ObserversFixture(this::as, db);
    long campaign = fixture.campaign("ВПР, без сроков " + System.nanoTime());
    ObserverViolationHandover region =
        as("region64")
            .put()
            .uri("/api/campaigns/" + campaign + "/observer-violations/handover")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(ObserverViolationHandover.class)
            .returnResult()
            .getResponseBody();
    assertThat(region.getLate()).isFalse();
    assertThat(region.getDeadline()).isNull();
    assertThat(region.getActs()).isZero();
    ObserverArchiveHandoverBoard archives =
        get(
            "region64",
            "/api/campaigns/" + campaign + "/observer-acts/handovers",
            ObserverArchiveHandoverBoard.class);
    assertThat(archives.getDeadline()).isNull();
    assertThat(archives.getLate()).isZero();
  }

  /**
   * Seed 000 «Собирает и передает ОИВ и Федеральному организатору служебные записки о нарушениях»:
   * the hand-over to the education authority is its own record, status and register, and does not
   * count as the one to the federal organizer.
   */
  @Test
  void theHandOverToTheEducationAuthorityIsKeptApartFromTheFederalOne() {
    ObserversFixture fixture = new ObserversFixture(this::as, db);
    long campaign = fixture.campaign("ВПР, передача в ОИВ " + System.nanoTime());
    String uri = "/api/campaigns/" + campaign + "/observer-violations/authority-handover";
    ObserverAuthorityHandover before = get("region64", uri, ObserverAuthorityHandover.class);
    assertThat(before.getHandedAt()).isNull();
    assertThat(before.getAuthority()).isNull();
    assertThat(before.getTimeZone()).isEqualTo("Europe/Saratov");

    Map<String, String> body =
        Map.of(
            "authority", "Министерство образования Саратовской области",
            "reference", "исх. № 01-12/345");
    as("mun64-engels").put().uri(uri).bodyValue(body).exchange().expectStatus().isForbidden();
    as("federal").put().uri(uri).bodyValue(body).exchange().expectStatus().isForbidden();
    as("region64")
        .put()
        .uri(uri)
        .bodyValue(Map.of("authority", "  "))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("Укажите орган исполнительной власти"));
    assertThat(get("region64", uri, ObserverAuthorityHandover.class).getHandedAt()).isNull();

    Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    ObserverAuthorityHandover passed =
        as("region64")
            .put()
            .uri(uri)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(ObserverAuthorityHandover.class)
            .returnResult()
            .getResponseBody();
    assertThat(passed.getAuthority()).isEqualTo("Министерство образования Саратовской области");
    assertThat(passed.getReference()).isEqualTo("исх. № 01-12/345");
    assertThat(passed.getHandedBy()).isEqualTo("region64");
    assertThat(passed.getHandedAt().toInstant()).isAfterOrEqualTo(started);
    assertThat(passed.getLate()).isFalse();
    assertThat(passed.getActs()).isZero();

    // Apart from the federal one: the federal organizer's board still shows 64 not passed.
    ObserverViolationHandoverBoard federal =
        get(
            "federal",
            "/api/campaigns/" + campaign + "/observer-violations/handovers",
            ObserverViolationHandoverBoard.class);
    assertThat(federal.getItems())
        .filteredOn(r -> r.getRegionCode().equals("64"))
        .singleElement()
        .satisfies(r -> assertThat(r.getHandedAt()).isNull());
    // The federal organizer names the region; another region does not see it.
    assertThat(
            get("federal", uri + "?regionCode=64", ObserverAuthorityHandover.class).getAuthority())
        .isEqualTo("Министерство образования Саратовской области");
    as("federal").get().uri(uri).exchange().expectStatus().isBadRequest();
    as("region02").get().uri(uri + "?regionCode=64").exchange().expectStatus().isNotFound();
    assertThat(get("region02", uri, ObserverAuthorityHandover.class).getHandedAt()).isNull();

    // The register for the authority: the hand-over, then the acts.
    byte[] xlsx =
        as("region64")
            .get()
            .uri("/api/campaigns/" + campaign + "/observer-violations/authority-register")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      assertThat(workbook.getSheetName(0)).isEqualTo("Передача в ОИВ");
      assertThat(workbook.getSheetAt(0).getRow(2).getCell(1).getStringCellValue())
          .isEqualTo("Министерство образования Саратовской области");
      assertThat(workbook.getSheetAt(0).getRow(3).getCell(1).getStringCellValue())
          .isEqualTo("исх. № 01-12/345");
      assertThat(workbook.getSheetAt(0).getRow(4).getCell(1).getStringCellValue())
          .endsWith("(Саратов)");
      assertThat(workbook.getSheet("Реестр актов").getRow(0).getCell(11).getStringCellValue())
          .isEqualTo("С опозданием");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Seed 000: the education authority has no account in OKO, so OKO cannot notify it; the
   * coordinator gives its e-mail address with the hand-over (a letter to it opens in the
   * coordinator's own mail program), a wrong address is refused whole, and the authority and
   * address the region named last fill the next campaign's form.
   */
  @Test
  void theAuthoritysAddressIsKeptAndOfferedForTheNextCampaign() {
    ObserversFixture fixture = new ObserversFixture(this::as, db);
    long first = fixture.campaign("ВПР, адрес ОИВ " + System.nanoTime());
    String uri = "/api/campaigns/" + first + "/observer-violations/authority-handover";
    as("region64")
        .put()
        .uri(uri)
        .bodyValue(Map.of("authority", "Министерство образования", "email", "не адрес"))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("Электронная почта ОИВ указана неверно"));
    assertThat(get("region64", uri, ObserverAuthorityHandover.class).getHandedAt()).isNull();

    ObserverAuthorityHandover passed =
        as("region64")
            .put()
            .uri(uri)
            .bodyValue(
                Map.of(
                    "authority", "Министерство образования Саратовской области",
                    "email", " minobr@saratov.gov.ru "))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(ObserverAuthorityHandover.class)
            .returnResult()
            .getResponseBody();
    assertThat(passed.getEmail()).isEqualTo("minobr@saratov.gov.ru");

    long next = fixture.campaign("ВПР, следующая кампания " + System.nanoTime());
    ObserverAuthorityHandover offered =
        get(
            "region64",
            "/api/campaigns/" + next + "/observer-violations/authority-handover",
            ObserverAuthorityHandover.class);
    assertThat(offered.getHandedAt()).isNull();
    assertThat(offered.getAuthority()).isNull();
    assertThat(offered.getKnownAuthority())
        .isEqualTo("Министерство образования Саратовской области");
    assertThat(offered.getKnownEmail()).isEqualTo("minobr@saratov.gov.ru");
    // Another region is not offered region 64's authority.
    assertThat(
            get(
                    "region02",
                    "/api/campaigns/" + next + "/observer-violations/authority-handover",
                    ObserverAuthorityHandover.class)
                .getKnownAuthority())
        .isNotEqualTo("Министерство образования Саратовской области");
  }

  /** The caller's notifications of a region's violations that lead to this link. */
  private List<Map<?, ?>> notifications(String caller, String link) {
    Map<?, ?> page = get(caller, "/api/notifications?size=100", Map.class);
    return ((List<?>) page.get("items"))
        .stream()
            .<Map<?, ?>>map(n -> (Map<?, ?>) n)
            .filter(n -> "VIOLATIONS_HANDED_OVER".equals(n.get("kind")))
            .filter(n -> link.equals(n.get("link")))
            .toList();
  }

  private Map<?, ?> awaitNotification(String caller, String link) {
    Instant until = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(until)) {
      List<Map<?, ?>> found = notifications(caller, link);
      if (!found.isEmpty()) {
        return found.get(0);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("no notification for " + caller + " at " + link);
  }

  /** The first act row of the register inside the caller's archive of acts with violations. */
  private Row registerRow(String caller, long campaignId) {
    byte[] zip =
        as(caller)
            .get()
            .uri("/api/campaigns/" + campaignId + "/observer-acts/archive")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        if (e.getName().equals("реестр.xlsx")) {
          XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(in.readAllBytes()));
          return workbook.getSheet("Реестр актов").getRow(1);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new AssertionError("no реестр.xlsx in the archive");
  }

  private <T> T get(String caller, String uri, Class<T> type) {
    return as(caller)
        .get()
        .uri(uri)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(type)
        .returnResult()
        .getResponseBody();
  }
}
