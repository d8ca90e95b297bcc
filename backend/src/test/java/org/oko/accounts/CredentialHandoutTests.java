package org.oko.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Campaign;
import org.oko.api.model.CredentialHandout;
import org.oko.api.model.CredentialHandoutPage;
import org.oko.api.model.CredentialHandoutPart;
import org.oko.api.model.CredentialHandoutPreview;
import org.oko.api.model.StaffAccountCredentials;
import org.oko.testing.ApiTest;
import org.oko.testing.TestCampaigns;
import org.oko.testing.TestRows;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The credentials hand-out (issue 19). Seed 000_c9abf0b417e3d9bf.txt: the region receives the
 * sample's logins in its personal account and hands them out confidentially; seed
 * 003_c72cd2feee1a719e.txt 8.1/9.1: the municipality receives its schools' logins from the region
 * "if needed". The schools of the Балаково and Вольск districts (edu640041–edu640080) are used by
 * no other test, so resetting their passwords disturbs nobody.
 */
class CredentialHandoutTests extends ApiTest {

  private static final String URI = "/api/credential-handouts";

  @Autowired DatabaseClient db;

  @Test
  void aRegionConfirmsTheCountIssuesItsSampleAndDownloadsTheListOnce() throws IOException {
    long campaign = campaignWithSample("Выдача логинов: весь регион", 41, 80);

    CredentialHandoutPreview preview =
        as("region64")
            .get()
            .uri(URI + "/preview?regionCode=64&campaignId=" + campaign)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(CredentialHandoutPreview.class)
            .returnResult()
            .getResponseBody();
    assertThat(preview.getAccounts()).isEqualTo(40);
    assertThat(preview.getMessage()).startsWith("Будет выдано 40 логинов");
    assertThat(preview.getScope()).contains("Выдача логинов: весь регион");

    // A count that is not the one the choice holds issues nothing.
    issue("region64", "\"campaignId\":" + campaign, 39)
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("сейчас будет выдано 40 логинов"));
    assertThat(handoutsOfCampaign(campaign)).isZero();

    CredentialHandout handout = created(issue("region64", "\"campaignId\":" + campaign, 40));
    assertThat(handout.getAccounts()).isEqualTo(40);
    assertThat(handout.getDownloadable()).isTrue();
    assertThat(handout.getTimeZone()).isEqualTo("Europe/Saratov");
    assertThat(handout.getParts())
        .extracting(CredentialHandoutPart::getMunicipalityName, CredentialHandoutPart::getAccounts)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Балаковский муниципальный район", 20),
            org.assertj.core.groups.Tuple.tuple("Вольский муниципальный район", 20));

    // The federal organizer issues, but the list is the region's to receive.
    as("federal").get().uri(fileOf(handout)).exchange().expectStatus().isForbidden();

    List<String[]> lines = lines(download("region64", fileOf(handout)));
    assertThat(lines).hasSize(40);
    assertThat(lines.get(0)[0]).isEqualTo("edu640041");
    assertThat(lines.get(0)[2]).isEqualTo("Балаковский муниципальный район");
    assertThat(lines).allSatisfy(l -> assertThat(l[3]).hasSize(10));
    // The passwords work: the school signs in with the one in the file.
    passwordGrant(lines.get(5)[0], lines.get(5)[3]);

    as("region64")
        .get()
        .uri(fileOf(handout))
        .exchange()
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.detail")
        .value(
            d ->
                assertThat((String) d)
                    .startsWith("Файл уже скачан: region64")
                    .contains("(Саратов)"));

    // Nothing of the list is left to read: no key, no sealed file.
    assertThat(
            db.sql(
                    "select count(*) from credential_handout where id = :id and blob_key is null"
                        + " and sealing_key is null and downloaded_by = 'region64'")
                .bind("id", handout.getId())
                .map(r -> r.get(0, Long.class))
                .one()
                .block())
        .isEqualTo(1);
    List<String> audit = TestRows.audit(db);
    assertThat(audit)
        .contains(
            "region64|credentials.handout.download|выдача " + handout.getId() + ": 40 логинов")
        .anyMatch(
            e ->
                e.startsWith("region64|credentials.handout|выдача " + handout.getId())
                    && e.endsWith("40 логинов"));
    assertThat(audit).noneMatch(e -> e.contains(lines.get(5)[3]));
  }

  @Test
  void theRegionPassesAMunicipalityItsPartWhichOnlyThatMunicipalityDownloadsOnce()
      throws IOException {
    long campaign = campaignWithSample("Выдача логинов: муниципалитету", 41, 80);
    long volsk = municipalityOf("edu640061");
    String coordinator = municipalCoordinator("mun64-volsk-handout", volsk);

    // The federal organizer issues the Вольск district's part of the sample alone.
    CredentialHandout handout =
        created(
            issue("federal", "\"campaignId\":" + campaign + ",\"municipalityId\":" + volsk, 20));
    assertThat(handout.getScope()).endsWith("Вольский муниципальный район");
    CredentialHandoutPart part = handout.getParts().get(0);
    String partFile = "/api/credential-handout-parts/" + part.getId() + "/file";

    // Not passed on yet: the municipality neither sees it nor downloads it.
    assertThat(page(coordinator).getItems()).noneMatch(h -> h.getId().equals(handout.getId()));
    as(coordinator).get().uri(partFile).exchange().expectStatus().isNotFound();

    String pass = "/api/credential-handout-parts/" + part.getId() + "/pass";
    as("mun64-engels").post().uri(pass).exchange().expectStatus().isForbidden();
    as("region02").post().uri(pass).exchange().expectStatus().isNotFound();
    CredentialHandout passed =
        as("region64")
            .post()
            .uri(pass)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(CredentialHandout.class)
            .returnResult()
            .getResponseBody();
    assertThat(passed.getParts().get(0).getPassedBy()).isEqualTo("region64");
    assertThat(passed.getParts().get(0).getPassable()).isFalse();
    as("region64").post().uri(pass).exchange().expectStatus().isEqualTo(409);

    // Another municipality's coordinator cannot have it.
    as("mun64-engels").get().uri(partFile).exchange().expectStatus().isNotFound();

    CredentialHandout seen =
        page(coordinator).getItems().stream()
            .filter(h -> h.getId().equals(handout.getId()))
            .findFirst()
            .orElseThrow();
    assertThat(seen.getParts())
        .singleElement()
        .satisfies(p -> assertThat(p.getDownloadable()).isTrue());
    assertThat(seen.getDownloadable()).isFalse();

    List<String[]> lines = lines(download(coordinator, partFile));
    assertThat(lines).hasSize(20);
    assertThat(lines).allSatisfy(l -> assertThat(l[2]).isEqualTo("Вольский муниципальный район"));
    as(coordinator).get().uri(partFile).exchange().expectStatus().isEqualTo(409);

    // The region still downloads the whole list, once, with the same passwords.
    List<String[]> whole = lines(download("region64", fileOf(handout)));
    assertThat(whole.get(3)[3]).isEqualTo(lines.get(3)[3]);
  }

  @Test
  void oneOrganizationsResetTouchesNoOneElse() throws IOException {
    long school = organizationId("edu640050");
    long neighbour = organizationId("edu640051");
    created(issue("region64", "\"organizationId\":" + neighbour, 1));
    String neighbourHash = hashOf("edu640051");

    CredentialHandoutPreview preview =
        as("region64")
            .get()
            .uri(URI + "/preview?regionCode=64&organizationId=" + school)
            .exchange()
            .expectBody(CredentialHandoutPreview.class)
            .returnResult()
            .getResponseBody();
    assertThat(preview.getAccounts()).isEqualTo(1);
    assertThat(preview.getMessage()).startsWith("Будет выдан 1 логин");

    CredentialHandout handout = created(issue("region64", "\"organizationId\":" + school, 1));
    List<String[]> lines = lines(download("region64", fileOf(handout)));
    assertThat(lines).singleElement().satisfies(l -> assertThat(l[0]).isEqualTo("edu640050"));
    assertThat(hashOf("edu640051")).isEqualTo(neighbourHash);
  }

  @Test
  void anotherRegionsSampleOrSchoolIsNotFoundAndAnUnpublishedSampleIsExplained() {
    long campaign = campaignWithSample("Выдача логинов: чужой регион", 41, 45);
    as("region02")
        .get()
        .uri(URI + "/preview?regionCode=64&campaignId=" + campaign)
        .exchange()
        .expectStatus()
        .isNotFound();
    issue("region02", "\"organizationId\":" + organizationId("edu640041"), 1)
        .expectStatus()
        .isNotFound();
    issue("mun64-engels", "\"campaignId\":" + campaign, 5).expectStatus().isForbidden();
    // Region 02 takes part, but its sample is not published.
    as("federal")
        .get()
        .uri(URI + "/preview?regionCode=02&campaignId=" + campaign)
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("нет организаций региона 02"));
  }

  /** A campaign of regions 64 and 02 whose sample in 64 is the schools edu6400{from..to}. */
  private long campaignWithSample(String title, int from, int to) {
    Campaign campaign = TestCampaigns.create(client, title, "64", "02");
    List<String> logins = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      logins.add(String.format("edu6400%02d", i));
    }
    db.sql(
            "insert into sample_entry (campaign_id, organization_id, region_code, status,"
                + " participants, institution_type, settlement_type, education_levels)"
                + " select :c, id, region_code, 'SELECTED', 25, 'Средняя общеобразовательная"
                + " школа', settlement_type, education_levels from organization"
                + " where login = any(:logins)")
        .bind("c", campaign.getId())
        .bind("logins", logins.toArray(String[]::new))
        .then()
        .block();
    db.sql(
            "insert into sample_publication (campaign_id, region_code, published_at, published_by)"
                + " values (:c, '64', now(), 'federal')")
        .bind("c", campaign.getId())
        .then()
        .block();
    return campaign.getId();
  }

  private String municipalCoordinator(String login, long municipality) {
    StaffAccountCredentials created =
        as("region64")
            .post()
            .uri("/api/accounts")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(
                "{\"login\":\""
                    + login
                    + "\",\"displayName\":\"Координатор Вольского района\",\"role\":\"MUNICIPAL\","
                    + "\"municipalityId\":"
                    + municipality
                    + "}")
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(StaffAccountCredentials.class)
            .returnResult()
            .getResponseBody();
    rememberPassword(login, created.getPassword());
    return login;
  }

  private WebTestClient.ResponseSpec issue(String caller, String choice, int confirmed) {
    return as(caller)
        .post()
        .uri(URI)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"regionCode\":\"64\"," + choice + ",\"confirmedCount\":" + confirmed + "}")
        .exchange();
  }

  private static CredentialHandout created(WebTestClient.ResponseSpec response) {
    return response
        .expectStatus()
        .isCreated()
        .expectBody(CredentialHandout.class)
        .returnResult()
        .getResponseBody();
  }

  private CredentialHandoutPage page(String caller) {
    return as(caller)
        .get()
        .uri(URI + "?size=100")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(CredentialHandoutPage.class)
        .returnResult()
        .getResponseBody();
  }

  private static String fileOf(CredentialHandout handout) {
    return URI + "/" + handout.getId() + "/file";
  }

  private byte[] download(String caller, String uri) {
    return as(caller)
        .get()
        .uri(uri)
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .expectBody(byte[].class)
        .returnResult()
        .getResponseBody();
  }

  /** The list's rows read back with POI: login, organization, municipality, password. */
  private static List<String[]> lines(byte[] file) throws IOException {
    List<String[]> lines = new ArrayList<>();
    try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
      Sheet sheet = workbook.getSheet("Логины и пароли");
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("Конфиденциально");
      for (int r = 3; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        String[] line = new String[4];
        for (int c = 0; c < 4; c++) {
          line[c] = row.getCell(c).getStringCellValue();
        }
        lines.add(line);
      }
    }
    return lines;
  }

  private long handoutsOfCampaign(long campaign) {
    return TestRows.one(
        db,
        Long.class,
        "select count(*) from credential_handout where campaign_id = :c",
        "c",
        campaign);
  }

  private String hashOf(String login) {
    return TestRows.one(
        db, String.class, "select password_hash from account where login = :l", "l", login);
  }

  private long organizationId(String login) {
    return TestRows.organizationId(db, login);
  }

  private long municipalityOf(String login) {
    return TestRows.municipalityOf(db, login);
  }
}
