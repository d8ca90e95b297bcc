package org.oko.publications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oko.publications.PublicationFixtures.attach;
import static org.oko.publications.PublicationFixtures.audience;
import static org.oko.publications.PublicationFixtures.campaign;
import static org.oko.publications.PublicationFixtures.draft;
import static org.oko.publications.PublicationFixtures.pdf;
import static org.oko.publications.PublicationFixtures.publish;
import static org.oko.publications.PublicationFixtures.publishSample;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Attachment;
import org.oko.api.model.DownloadPage;
import org.oko.api.model.DownloadRow;
import org.oko.api.model.Publication;
import org.oko.testing.KeysetWalk;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Who of the audience has downloaded a publication's files, as each level sees it. */
class DownloadsReportTests extends PublicationsTest {

  @Test
  void theRegionSeesWhichOfItsOrganizationsHaveDownloadedAndWhen() {
    Instant morning = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    clock.set(morning);
    long campaign = campaign(client, "64", "02");
    publishSample(
        db, campaign, "edu640001", "edu640002", "edu640021", "edu640022", "spo640001", "edu020001");
    Publication draft =
        draft(
            client,
            campaign,
            audience(List.of("ORGANIZATION", "REGIONAL", "MUNICIPAL"), List.of(), true));
    Attachment file = attach(client, draft.getId(), "инструкция.pdf", pdf("инструкция"));
    publish(client, draft.getId(), null);

    download(school("edu640001"), draft, file);
    clock.set(morning.plus(Duration.ofMinutes(10)));
    download(school("edu640021"), draft, file);
    clock.set(morning.plus(Duration.ofMinutes(20)));
    download(school("edu640021"), draft, file);
    // A coordinator's own download is not an organization's.
    PublicationReleaseTests.download(as("region64"), draft.getId(), file.getId())
        .expectStatus()
        .isOk();

    DownloadPage region = report(as("region64"), draft, "");
    assertThat(region.getAudienceOrganizations()).isEqualTo(5);
    assertThat(region.getDownloadedOrganizations()).isEqualTo(2);
    assertThat(region.getItems())
        .extracting(r -> r.getOrganization().getLogin())
        .containsExactly("edu640001", "edu640002", "edu640021", "edu640022", "spo640001");
    DownloadRow engels = region.getItems().get(2);
    assertThat(engels.getDownloads()).isEqualTo(2);
    assertThat(engels.getFirstDownloadedAt().toInstant())
        .isEqualTo(morning.plus(Duration.ofMinutes(10)));
    assertThat(engels.getLastDownloadedAt().toInstant())
        .isEqualTo(morning.plus(Duration.ofMinutes(20)));
    assertThat(region.getItems().get(0).getFirstDownloadedAt().toInstant()).isEqualTo(morning);
    assertThat(region.getItems().get(1).getDownloads()).isZero();
    assertThat(region.getItems().get(1).getFirstDownloadedAt()).isNull();

    DownloadPage notYet = report(as("region64"), draft, "?downloaded=false");
    assertThat(notYet.getItems())
        .extracting(r -> r.getOrganization().getLogin())
        .containsExactly("edu640002", "edu640022", "spo640001");
    assertThat(notYet.getTotalItems()).isEqualTo(3);
    assertThat(notYet.getDownloadedOrganizations()).isEqualTo(2);

    DownloadPage municipality = report(as("mun64-engels"), draft, "");
    assertThat(municipality.getItems())
        .extracting(r -> r.getOrganization().getLogin())
        .containsExactly("edu640021", "edu640022");
    assertThat(municipality.getAudienceOrganizations()).isEqualTo(2);
    assertThat(municipality.getDownloadedOrganizations()).isEqualTo(1);

    DownloadPage country = report(client, draft, "?size=2&page=1");
    assertThat(country.getAudienceOrganizations()).isEqualTo(6);
    assertThat(country.getTotalPages()).isEqualTo(3);
    assertThat(country.getItems())
        .extracting(r -> r.getOrganization().getLogin())
        .containsExactly("edu640002", "edu640021");
    assertThat(report(client, draft, "?page=9").getItems()).isEmpty();
    assertThat(report(client, draft, "?page=9").getAudienceOrganizations()).isEqualTo(6);

    long saratov = organization("edu640001").municipalityId();
    as("mun64-engels")
        .get()
        .uri("/api/publications/{p}/downloads?municipalityId={m}", draft.getId(), saratov)
        .exchange()
        .expectStatus()
        .isNotFound();
    as("region64")
        .get()
        .uri("/api/publications/{p}/downloads?regionCode=02", draft.getId())
        .exchange()
        .expectStatus()
        .isNotFound();
    as("edu640001")
        .get()
        .uri("/api/publications/{p}/downloads", draft.getId())
        .exchange()
        .expectStatus()
        .isForbidden();
  }

  /**
   * «Кто скачал» in Excel (issue 21: every other monitoring list has an export): the same lines and
   * filter as the page, times in the organization's region's local time with the city named.
   */
  @Test
  void theReportDownloadsAsAWorkbookWithTheSameLinesInTheRegionsLocalTime() throws Exception {
    Instant morning = Instant.parse("2026-03-12T05:30:00Z");
    clock.set(morning);
    long campaign = campaign(client, "64", "02");
    publishSample(db, campaign, "edu640001", "edu640021", "edu640022", "edu020001");
    Publication draft = draft(client, campaign, audience(List.of("ORGANIZATION"), List.of(), true));
    Attachment file = attach(client, draft.getId(), "инструкция.pdf", pdf("инструкция"));
    publish(client, draft.getId(), null);
    download(school("edu640021"), draft, file);
    clock.set(morning.plus(Duration.ofMinutes(45)));
    download(school("edu640021"), draft, file);

    try (XSSFWorkbook book = export(as("region64"), draft, "")) {
      Sheet sheet = book.getSheet("Кто скачал");
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("Кто скачал: ");
      assertThat(sheet.getRow(1).getCell(0).getStringCellValue())
          .isEqualTo("Организаций: 3; скачали: 1; не скачали: 2; в этом списке: 3");
      assertThat(cells(sheet.getRow(3)))
          .containsExactly(
              "Регион",
              "Муниципалитет",
              "Логин",
              "Наименование",
              "Скачиваний",
              "Первое скачивание",
              "Последнее скачивание",
              "Время по");
      assertThat(sheet.getLastRowNum()).isEqualTo(6);
      Row engels = sheet.getRow(5);
      assertThat(engels.getCell(2).getStringCellValue()).isEqualTo("edu640021");
      assertThat(engels.getCell(4).getNumericCellValue()).isEqualTo(2);
      // 05:30 UTC is 09:30 in Saratov (UTC+4).
      assertThat(engels.getCell(5).getStringCellValue()).isEqualTo("12.03.2026 09:30");
      assertThat(engels.getCell(6).getStringCellValue()).isEqualTo("12.03.2026 10:15");
      assertThat(engels.getCell(7).getStringCellValue()).isEqualTo("Саратов");
      assertThat(sheet.getRow(4).getCell(4).getNumericCellValue()).isZero();
    }
    try (XSSFWorkbook notYet = export(as("mun64-engels"), draft, "?downloaded=false")) {
      Sheet sheet = notYet.getSheet("Кто скачал");
      assertThat(sheet.getLastRowNum()).isEqualTo(4);
      assertThat(sheet.getRow(4).getCell(2).getStringCellValue()).isEqualTo("edu640022");
    }
    as("edu640021")
        .get()
        .uri("/api/publications/{p}/downloads/export", draft.getId())
        .exchange()
        .expectStatus()
        .isForbidden();
    as("region64")
        .get()
        .uri("/api/publications/{p}/downloads/export?regionCode=02", draft.getId())
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  private static XSSFWorkbook export(WebTestClient caller, Publication draft, String query)
      throws Exception {
    byte[] bytes =
        caller
            .get()
            .uri("/api/publications/" + draft.getId() + "/downloads/export" + query)
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .expectHeader()
            .value(
                "Content-Disposition",
                v -> assertThat(v).contains("downloads-publication-" + draft.getId() + ".xlsx"))
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    return new XSSFWorkbook(new ByteArrayInputStream(bytes));
  }

  private static List<String> cells(Row row) {
    List<String> values = new ArrayList<>();
    row.forEach(c -> values.add(c.getStringCellValue()));
    return values;
  }

  @Test
  void theAttachmentListTellsAnOrganizationWhatItHasDownloaded() {
    long campaign = campaign(client, "64");
    Publication draft =
        draft(client, campaign, audience(List.of("ORGANIZATION"), List.of("64"), false));
    Attachment file = attach(client, draft.getId(), "инструкция.pdf", pdf("инструкция"));
    publish(client, draft.getId(), null);

    download(as("edu640001"), draft, file);

    assertThat(attachmentOf(as("edu640001"), draft).getDownloaded()).isTrue();
    assertThat(attachmentOf(as("edu640021"), draft).getDownloaded()).isFalse();
    // The whole region's schools and colleges are the audience when it is not limited to the
    // sample.
    assertThat(report(as("region64"), draft, "").getAudienceOrganizations()).isGreaterThan(80);
  }

  @Test
  void aWalkByKeysetOverTheNotYetDownloadedSkipsNobodyWhileSchoolsDownload() {
    long campaign = campaign(client, "64", "02");
    publishSample(db, campaign, "edu640001", "edu640002", "edu640021", "edu640022", "spo640001");
    Publication draft =
        draft(client, campaign, audience(List.of("ORGANIZATION", "REGIONAL"), List.of(), true));
    Attachment file = attach(client, draft.getId(), "памятка.pdf", pdf("памятка"));
    publish(client, draft.getId(), null);
    String first = "/api/publications/" + draft.getId() + "/downloads?downloaded=false&size=2";

    List<Object> walked =
        new KeysetWalk<>(
                as("region64"),
                DownloadPage.class,
                p ->
                    p.getItems().stream()
                        .map(r -> (Object) r.getOrganization().getLogin())
                        .toList(),
                DownloadPage::getNext)
            .from(
                first,
                () -> {
                  // the first page's schools download: they leave the «not yet» set
                  download(school("edu640001"), draft, file);
                  download(school("edu640002"), draft, file);
                });

    assertThat(walked)
        .as("every school that had not downloaded when the walk began, once, in login order")
        .containsExactly("edu640001", "edu640002", "edu640021", "edu640022", "spo640001");
    assertThat(report(as("region64"), draft, "?downloaded=false&size=2&page=1").getItems())
        .as("by page numbers the second page now skips two schools")
        .extracting(r -> r.getOrganization().getLogin())
        .containsExactly("spo640001");
  }

  private static void download(WebTestClient school, Publication draft, Attachment file) {
    PublicationReleaseTests.download(school, draft.getId(), file.getId()).expectStatus().isOk();
  }

  private static Attachment attachmentOf(WebTestClient caller, Publication draft) {
    return caller
        .get()
        .uri("/api/publications/{id}", draft.getId())
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Publication.class)
        .returnResult()
        .getResponseBody()
        .getAttachments()
        .get(0);
  }

  private static DownloadPage report(WebTestClient caller, Publication draft, String query) {
    return caller
        .get()
        .uri("/api/publications/" + draft.getId() + "/downloads" + query)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(DownloadPage.class)
        .returnResult()
        .getResponseBody();
  }
}
