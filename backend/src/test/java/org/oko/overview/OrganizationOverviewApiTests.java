package org.oko.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Campaign;
import org.oko.api.model.FormDefinition;
import org.oko.api.model.FormResponseStatus;
import org.oko.api.model.OrganizationOverview;
import org.oko.api.model.OverviewForm;
import org.oko.api.model.OverviewForms;
import org.oko.api.model.OverviewKitRange;
import org.oko.api.model.OverviewKits;
import org.oko.api.model.OverviewPublication;
import org.oko.api.model.OverviewPublications;
import org.oko.api.model.OverviewQuestionnaire;
import org.oko.api.model.OverviewQuestionnaires;
import org.oko.api.model.OverviewScans;
import org.oko.api.model.OverviewStage;
import org.oko.api.model.QuestionnaireSession;
import org.oko.api.model.StageCode;
import org.oko.api.model.StageState;
import org.oko.forms.FormsFixture;
import org.oko.questionnaires.SessionFixture;
import org.oko.questionnaires.SessionFixture.Credential;
import org.oko.testing.ApiTest;
import org.oko.testing.TestCampaigns;
import org.oko.testing.TestRows;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One page per organization (issue 20; seed {@code 000_c9abf0b417e3d9bf.txt}: the coordinator
 * follows «ход работ в каждой образовательной организации»): each section as a coordinator above
 * the organization reads it, and nothing of an organization outside the caller's scope.
 */
class OrganizationOverviewApiTests extends ApiTest {

  private static final ZoneId SARATOV = ZoneId.of("Europe/Saratov");
  private static final Instant CONDUCT_OPENS =
      LocalDate.of(2026, 4, 15).atStartOfDay(SARATOV).toInstant();
  private static final Instant CONDUCT_CLOSES =
      LocalDate.of(2026, 5, 17).atStartOfDay(SARATOV).toInstant();

  @Autowired DatabaseClient db;

  @Test
  void theStagesShowTheSchoolsOwnTestDayAndItsExtensionNextToTheRegionsSchedule() {
    clock.set(Instant.parse("2026-03-10T06:00:00Z"));
    Campaign campaign = TestCampaigns.create(client, "ВПР: страница школы, этапы", "64");
    campaign =
        TestCampaigns.schedule(
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
            CONDUCT_CLOSES.plus(Duration.ofDays(5)));
    new FormsFixture(client, db).publishSample(campaign.getId(), "edu640021", "edu640022");
    long school = organizationId("edu640021");
    as("edu640021")
        .put()
        .uri("/api/campaigns/" + campaign.getId() + "/organizations/" + school + "/test-days")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("days", List.of(Map.of("subjectKey", "math-4", "date", "2026-04-21"))))
        .exchange()
        .expectStatus()
        .isOk();
    Instant extended = CONDUCT_CLOSES.plus(Duration.ofDays(12));
    client
        .post()
        .uri("/api/campaigns/" + campaign.getId() + "/stages/RESULTS_PROTOCOL/extensions")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            Map.of("organizationId", school, "closesAt", extended.toString(), "reason", "Болезнь"))
        .exchange()
        .expectStatus()
        .isCreated();

    clock.set(LocalDate.of(2026, 4, 22).atTime(10, 0).atZone(SARATOV).toInstant());
    OrganizationOverview page =
        read("mun64-engels", campaign, school, "", OrganizationOverview.class);

    assertThat(page.getOrganization().getLogin()).isEqualTo("edu640021");
    assertThat(page.getTimeZone()).isEqualTo("Europe/Saratov");
    assertThat(page.getCampaignTitle()).isEqualTo("ВПР: страница школы, этапы");
    assertThat(page.getStages())
        .extracting(OverviewStage::getCode)
        .containsExactly(StageCode.APPLICATION, StageCode.CONDUCT, StageCode.RESULTS_PROTOCOL);
    OverviewStage conduct = stage(page, StageCode.CONDUCT);
    assertThat(conduct.getOwnDays()).isTrue();
    assertThat(conduct.getOpensAt().toInstant())
        .isEqualTo(LocalDate.of(2026, 4, 21).atStartOfDay(SARATOV).toInstant());
    assertThat(conduct.getClosesAt().toInstant())
        .isEqualTo(LocalDate.of(2026, 4, 22).atStartOfDay(SARATOV).toInstant());
    assertThat(conduct.getState()).isEqualTo(StageState.CLOSED);
    OverviewStage results = stage(page, StageCode.RESULTS_PROTOCOL);
    assertThat(results.getState()).isEqualTo(StageState.OPEN);
    assertThat(results.getExtended()).isTrue();
    assertThat(results.getClosesAt().toInstant()).isEqualTo(extended);
    assertThat(results.getScheduleClosesAt().toInstant())
        .isEqualTo(CONDUCT_CLOSES.plus(Duration.ofDays(5)));

    // Its neighbour chose no days: the federal period, no extension.
    OrganizationOverview neighbour =
        read("mun64-engels", campaign, organizationId("edu640022"), "", OrganizationOverview.class);
    OverviewStage theirs = stage(neighbour, StageCode.CONDUCT);
    assertThat(theirs.getOwnDays()).isFalse();
    assertThat(theirs.getState()).isEqualTo(StageState.OPEN);
    assertThat(stage(neighbour, StageCode.RESULTS_PROTOCOL).getExtended()).isFalse();
  }

  @Test
  void formsShowEachResponsesStateAndPublicationsWhatTheSchoolDownloaded() {
    // Whole microseconds: PostgreSQL rounds (not truncates) a timestamp's nanoseconds.
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    clock.set(now);
    FormsFixture forms = new FormsFixture(client, db);
    FormsFixture.WithProtocol set =
        forms.withResultsProtocol(
            "ВПР: страница школы, формы " + UUID.randomUUID(),
            now,
            "edu640001",
            "edu640021",
            "edu020001");
    Campaign campaign = set.campaign();
    FormDefinition protocol = set.protocol();
    forms.form(campaign.getId(), FormsFixture.OBJECTIVITY, "objectivity");
    submitResults("edu640001", protocol.getId());
    long school = organizationId("edu640001");
    long engelsSchool = organizationId("edu640021");
    long publication = releasedPublication(campaign.getId(), "Варианты ВПР");
    download(publication, school, now.minus(Duration.ofHours(2)));
    download(publication, school, now.minus(Duration.ofHours(1)));

    OverviewForms filled = read("region64", campaign, school, "/forms", OverviewForms.class);
    assertThat(filled.getItems())
        .as("organizations' forms only: the municipal objectivity analysis is not the school's")
        .extracting(OverviewForm::getCode)
        .containsExactly("results-m4");
    OverviewForm submitted = filled.getItems().get(0);
    assertThat(submitted.getStatus()).isEqualTo(FormResponseStatus.SUBMITTED);
    assertThat(submitted.getSubmittedAt()).isNotNull();
    assertThat(submitted.getSubmissions()).isEqualTo(1);
    assertThat(
            read("mun64-engels", campaign, engelsSchool, "/forms", OverviewForms.class)
                .getItems()
                .get(0)
                .getStatus())
        .isEqualTo(FormResponseStatus.NOT_STARTED);

    OverviewPublication downloaded =
        read("region64", campaign, school, "/publications", OverviewPublications.class)
            .getItems()
            .get(0);
    assertThat(downloaded.getTitle()).isEqualTo("Варианты ВПР");
    assertThat(downloaded.getDownloads()).isEqualTo(2);
    assertThat(downloaded.getFiles()).isEqualTo(1);
    assertThat(downloaded.getFirstDownloadedAt().toInstant())
        .isEqualTo(now.minus(Duration.ofHours(2)));
    OverviewPublication notYet =
        read("mun64-engels", campaign, engelsSchool, "/publications", OverviewPublications.class)
            .getItems()
            .get(0);
    assertThat(notYet.getDownloads()).isZero();
    assertThat(notYet.getFirstDownloadedAt()).isNull();

    OverviewScans scans = read("region64", campaign, school, "/scans", OverviewScans.class);
    assertThat(scans.getItems()).as("nothing scanned for this school yet").isEmpty();
  }

  @Test
  void onlyCoordinatorsAboveTheOrganizationSeeItsPage() {
    Instant now = Instant.now();
    clock.set(now);
    Campaign campaign =
        new FormsFixture(client, db)
            .campaign(
                "ВПР: страница школы, доступ " + UUID.randomUUID(),
                now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(5)),
                "edu640001",
                "edu640021",
                "spo640001",
                "edu020001");
    long school = organizationId("edu640001");
    String base = "/api/campaigns/" + campaign.getId() + "/organizations/";

    for (String section :
        List.of("", "/forms", "/publications", "/kits", "/questionnaires", "/scans")) {
      status("federal", base + organizationId("edu020001") + "/overview" + section, 200);
      status("region64", base + school + "/overview" + section, 200);
      status("mun64-engels", base + organizationId("edu640021") + "/overview" + section, 200);
      status("resp64", base + organizationId("spo640001") + "/overview" + section, 200);
      status("region02", base + school + "/overview" + section, 404);
      status("mun64-engels", base + school + "/overview" + section, 404);
      status("resp64", base + school + "/overview" + section, 404);
      status("edu640001", base + school + "/overview" + section, 403);
    }
    // Not in the campaign's sample: as if it did not exist.
    status("region64", base + organizationId("edu640002") + "/overview", 404);
    status("region64", "/api/campaigns/999999/organizations/" + school + "/overview", 404);
    as("region02")
        .get()
        .uri(base + school + "/overview")
        .exchange()
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("Организация " + school + " не найдена среди участников кампании");
  }

  @Test
  void aPointsKitsAndItsParticipantsQuestionnairesPerSubject() {
    SessionFixture omk = new SessionFixture(client, anonymous, db);
    Instant now = Instant.now();
    clock.set(now);
    long campaign =
        omk.campaign(
                "ОМК: страница пункта " + UUID.randomUUID(),
                now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(2)),
                now.plus(Duration.ofDays(9)),
                "edu645001",
                "edu645002")
            .getId();
    omk.questionnaire(campaign);
    List<Credential> rus = omk.kits(campaign, "rus", "edu645001", 3);
    omk.kits(campaign, "math", "edu645001", 2);
    omk.kits(campaign, "rus", "edu645002", 4);
    WebTestClient first = withToken(omk.token(rus.get(0)));
    UUID submitted = session(first);
    first
        .post()
        .uri("/api/questionnaire-sessions/" + submitted + "/submission")
        .header("Idempotency-Key", "overview-" + submitted)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("answers", Map.of("q1", "yes")))
        .exchange()
        .expectStatus()
        .isOk();
    session(withToken(omk.token(rus.get(1))));
    long point = organizationId("edu645001");
    Campaign omkCampaign = new Campaign().id(campaign);

    OverviewKits kits = read("region64", omkCampaign, point, "/kits", OverviewKits.class);
    assertThat(kits.getItems())
        .extracting(OverviewKitRange::getSubjectName, OverviewKitRange::getKits)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Математика", 2L),
            org.assertj.core.groups.Tuple.tuple("Русский язык", 3L));
    OverviewKitRange rusKits = kits.getItems().get(1);
    assertThat(rusKits.getLastKit() - rusKits.getFirstKit()).isEqualTo(2);

    OverviewQuestionnaires answers =
        read("region64", omkCampaign, point, "/questionnaires", OverviewQuestionnaires.class);
    assertThat(answers.getItems())
        .extracting(
            OverviewQuestionnaire::getSubjectKey,
            OverviewQuestionnaire::getKits,
            OverviewQuestionnaire::getStarted,
            OverviewQuestionnaire::getSubmitted)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("math", 2L, 0L, 0L),
            org.assertj.core.groups.Tuple.tuple("rus", 3L, 1L, 1L));
  }

  private static UUID session(WebTestClient participant) {
    return participant
        .post()
        .uri("/api/questionnaire-sessions")
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(QuestionnaireSession.class)
        .returnResult()
        .getResponseBody()
        .getId();
  }

  private void submitResults(String school, long formId) {
    FormsFixture.submitOneResult(as(school), formId, "1001");
  }

  /**
   * A publication to the campaign's organizations with one file, released an hour ago (written as
   * the publications feature stores one: its API is covered by its own tests).
   */
  private long releasedPublication(long campaignId, String title) {
    Long id =
        db.sql(
                """
                insert into publication (campaign_id, title, body, audience_roles,
                    organization_kinds, status, release_at, author_login, author_role, created_at)
                values (:c, :title, '', '{ORGANIZATION}', '{SCHOOL,COLLEGE}', 'PUBLISHED',
                    :released, 'federal', 'FEDERAL', :released)
                returning id
                """)
            .bind("c", campaignId)
            .bind("title", title)
            .bind("released", Instant.now().minus(Duration.ofHours(3)))
            .map(r -> r.get("id", Long.class))
            .one()
            .block();
    db.sql(
            """
            insert into attachment (publication_id, kind, file_name, per_organization, blob_key,
                sha256, size, created_at)
            values (:p, 'VARIANTS', 'variants.zip', false, 'overview-test', 'x', 10, now())
            """)
        .bind("p", id)
        .then()
        .block();
    return id;
  }

  private void download(long publication, long organization, Instant at) {
    db.sql(
            """
            insert into attachment_download (publication_id, attachment_id, organization_id,
                login, role, downloaded_at)
            select :p, a.id, :o, 'edu', 'ORGANIZATION', :at from attachment a
            where a.publication_id = :p
            """)
        .bind("p", publication)
        .bind("o", organization)
        .bind("at", at)
        .then()
        .block();
  }

  private <T> T read(
      String login, Campaign campaign, long organization, String section, Class<T> type) {
    return as(login)
        .get()
        .uri(
            "/api/campaigns/"
                + campaign.getId()
                + "/organizations/"
                + organization
                + "/overview"
                + section)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(type)
        .returnResult()
        .getResponseBody();
  }

  private void status(String login, String uri, int expected) {
    as(login).get().uri(uri).exchange().expectStatus().isEqualTo(expected);
  }

  private static OverviewStage stage(OrganizationOverview page, StageCode code) {
    return page.getStages().stream().filter(s -> s.getCode() == code).findFirst().orElseThrow();
  }

  private long organizationId(String login) {
    return TestRows.organizationId(db, login);
  }
}
