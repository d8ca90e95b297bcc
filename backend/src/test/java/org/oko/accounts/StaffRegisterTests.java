package org.oko.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Campaign;
import org.oko.api.model.StaffCoveragePage;
import org.oko.api.model.StaffCoverageRow;
import org.oko.api.model.StaffDuty;
import org.oko.api.model.StaffImportResult;
import org.oko.api.model.StaffSubmission;
import org.oko.testing.ApiTest;
import org.oko.testing.TestCampaigns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Staff registers per campaign (issue 19). Seed 000_c9abf0b417e3d9bf.txt, «Региональный
 * координатор»: the region controls the appointment of responsible organizers, classroom organizers
 * and technical specialists of the organizations, and «Направляет Федеральному организатору список
 * ответственных организаторов». Three Саратов schools and two Энгельс schools take part.
 */
class StaffRegisterTests extends ApiTest {

  private static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final String[] SAMPLE = {
    "edu640001", "edu640002", "edu640003", "edu640021", "edu640022"
  };

  @Autowired DatabaseClient db;

  @Test
  void theRegionFillsTheTemplateSeesWhoIsMissingAndSendsTheResponsibleOrganizers()
      throws IOException {
    long campaign = campaignWithSample("Работники: весь путь");

    // The template lists every organization of the sample with an empty responsible line.
    List<String[]> template = rows(download("region64", uri(campaign) + "/template"));
    assertThat(template).hasSize(1 + SAMPLE.length);
    assertThat(template.get(0)).startsWith("Организация (логин)", "Наименование организации");
    assertThat(template.stream().skip(1).map(r -> r[0])).containsExactly(SAMPLE);
    assertThat(template.get(1)[2]).isEqualTo("Ответственный организатор");
    assertThat(template.get(1)[3]).isEmpty();

    // Responsible organizers for four of five; one school also has its classroom and technical
    // staff. The unfilled template line of edu640021 is skipped.
    StaffImportResult imported =
        upload(
                "region64",
                campaign,
                file(
                    row(
                        "edu640001",
                        "Ответственный организатор",
                        "Иванова Анна Петровна",
                        "8 (927) 111-22-33",
                        "ivanova@school1.ru"),
                    row("edu640001", "Организатор в аудитории", "Петров Пётр Петрович", "", ""),
                    row("edu640001", "Технический специалист", "Сидоров Олег Ильич", "", ""),
                    row("edu640002", "Ответственный организатор", "Смирнова Ольга", "", ""),
                    row("edu640003", "Ответственный организатор", "Кузнецов Иван", "", ""),
                    row("edu640022", "Ответственный организатор", "Орлова Мария", "", ""),
                    row("edu640021", "Ответственный организатор", "", "", "")))
            .expectStatus()
            .isOk()
            .expectBody(StaffImportResult.class)
            .returnResult()
            .getResponseBody();
    assertThat(imported.getOrganizations()).isEqualTo(4);
    assertThat(imported.getMembers()).isEqualTo(6);

    StaffCoveragePage all = coverage("region64", uri(campaign));
    assertThat(all.getSummary().getOrganizations()).isEqualTo(5);
    assertThat(all.getSummary().getWithoutResponsible()).isEqualTo(1);
    assertThat(all.getSummary().getWithoutClassroom()).isEqualTo(4);
    StaffCoverageRow first = all.getItems().get(0);
    assertThat(first.getOrganizationLogin()).isEqualTo("edu640001");
    assertThat(first.getMissing()).isEmpty();
    assertThat(first.getMembers())
        .anySatisfy(
            m -> {
              assertThat(m.getFullName()).isEqualTo("Иванова Анна Петровна");
              assertThat(m.getPhone()).isEqualTo("+79271112233");
            });

    StaffCoveragePage missing = coverage("region64", uri(campaign) + "?missingOnly=true");
    assertThat(missing.getTotalItems()).isEqualTo(4);
    assertThat(missing.getItems())
        .filteredOn(r -> r.getOrganizationLogin().equals("edu640021"))
        .singleElement()
        .satisfies(r -> assertThat(r.getMissing()).contains(StaffDuty.RESPONSIBLE_ORGANIZER));

    // The Энгельс coordinator sees only its two schools.
    StaffCoveragePage engels = coverage("mun64-engels", uri(campaign));
    assertThat(engels.getItems())
        .extracting(StaffCoverageRow::getOrganizationLogin)
        .containsExactly("edu640021", "edu640022");

    // Sending is refused while a school has no responsible organizer, and names it.
    as("region64")
        .post()
        .uri(uri(campaign) + "/submissions")
        .exchange()
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("в 1 организации").contains("edu640021"));

    // The school fills in its own; then the list goes.
    upload(
            "edu640021",
            campaign,
            file(row("edu640021", "Ответственный организатор", "Белова Ирина", "", "")))
        .expectStatus()
        .isOk();
    StaffSubmission sent =
        as("region64")
            .post()
            .uri(uri(campaign) + "/submissions")
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(StaffSubmission.class)
            .returnResult()
            .getResponseBody();
    assertThat(sent.getOrganizations()).isEqualTo(5);
    assertThat(sent.getSubmittedBy()).isEqualTo("region64");

    List<StaffSubmission> federal =
        as("federal")
            .get()
            .uri(uri(campaign) + "/submissions")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBodyList(StaffSubmission.class)
            .returnResult()
            .getResponseBody();
    assertThat(federal).extracting(StaffSubmission::getRegionCode).containsExactly("64");

    // The list is frozen as sent: a later change does not alter it.
    upload(
            "region64",
            campaign,
            file(row("edu640002", "Ответственный организатор", "Новикова Вера", "", "")))
        .expectStatus()
        .isOk();
    List<String[]> list = rows(download("federal", uri(campaign) + "/submissions/64/file"), 2);
    assertThat(list.get(0)[3]).isEqualTo("ФИО ответственного организатора");
    assertThat(list.stream().skip(1).map(r -> r[3]))
        .containsExactly(
            "Иванова Анна Петровна",
            "Смирнова Ольга",
            "Кузнецов Иван",
            "Белова Ирина",
            "Орлова Мария");
    // Written formula-safe, as every export is (a leading + would be a formula).
    assertThat(list.get(1)[4]).isEqualTo(org.oko.platform.excel.FormulaSafe.text("+79271112233"));
    assertThat(audit()).contains("staff.import", "staff.submit");

    // Another region reads neither the list nor the registers.
    as("region02")
        .get()
        .uri(uri(campaign) + "/submissions/64/file")
        .exchange()
        .expectStatus()
        .isNotFound();
    // Region 02 takes part in the campaign too (with no sample yet): none of 64's organizations.
    assertThat(coverage("region02", uri(campaign)).getTotalItems()).isZero();
  }

  @Test
  void aFileWithOneBadRowAmongManyChangesNothingAndNamesThatRow() throws IOException {
    long campaign = campaignWithSample("Работники: одна плохая строка");
    List<String[]> rows = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      rows.add(
          row(SAMPLE[i % SAMPLE.length], "Организатор в аудитории", "Организатор " + i, "", ""));
    }
    rows.set(1_500, row("edu640003", "Организатор в аудитории", "Плохой Телефон", "12345", ""));
    upload("region64", campaign, file(rows.toArray(String[][]::new)))
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.detail")
        .value(
            d ->
                assertThat((String) d)
                    .startsWith("Список работников не изменён: в файле одна ошибка.")
                    .contains("Строка 1502, столбец «Мобильный телефон»"))
        .jsonPath("$.errors[0].sheet")
        .isEqualTo("Работники")
        .jsonPath("$.errors[0].cell")
        .isEqualTo("E1502");
    assertThat(coverage("region64", uri(campaign)).getSummary().getWithoutClassroom()).isEqualTo(5);
    // «ФИО» and «Мобильный телефон» swapped in the titles: the cell is named, no row is read.
    String[] swapped = StaffWorkbook.TITLES.clone();
    swapped[3] = StaffWorkbook.TITLES[4];
    swapped[4] = StaffWorkbook.TITLES[3];
    upload(
            "region64",
            campaign,
            titled(
                swapped, row(SAMPLE[0], "Организатор в аудитории", "+79000000001", "Иванов", "")))
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[0].sheet")
        .isEqualTo("Работники")
        .jsonPath("$.errors[0].cell")
        .isEqualTo("D1")
        .jsonPath("$.detail")
        .isEqualTo(
            "Лист «Работники»: В ячейке D1 должен быть заголовок «ФИО», а стоит «Мобильный"
                + " телефон»; столбец «ФИО» стоит в столбце E: не вставляйте, не удаляйте и не"
                + " переставляйте столбцы шаблона");
    assertThat(coverage("region64", uri(campaign)).getSummary().getWithoutClassroom()).isEqualTo(5);
  }

  @Test
  void organizationsOutsideTheScopeOrTheSampleAreRefusedByCell() throws IOException {
    long campaign = campaignWithSample("Работники: чужие организации");
    upload(
            "region64",
            campaign,
            file(
                row("edu025001", "Ответственный организатор", "Чужой Регион", "", ""),
                row("edu640004", "Ответственный организатор", "Вне Выборки", "", ""),
                row("edu640001", "Директор", "Не Та Должность", "", "not-an-email")))
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[0].cell")
        .isEqualTo("A2")
        .jsonPath("$.errors[0].message")
        .value(m -> assertThat((String) m).contains("нет в вашей зоне"))
        .jsonPath("$.errors[1].message")
        .value(m -> assertThat((String) m).contains("не входит в опубликованную выборку"))
        .jsonPath("$.errors[2].cell")
        .isEqualTo("C4")
        .jsonPath("$.errors[3].cell")
        .isEqualTo("F4");
    // A school keeps only its own register.
    upload(
            "edu640001",
            campaign,
            file(row("edu640002", "Ответственный организатор", "Соседняя Школа", "", "")))
        .expectStatus()
        .isEqualTo(422);
    assertThat(coverage("region64", uri(campaign)).getSummary().getWithoutResponsible())
        .isEqualTo(5);
  }

  private long campaignWithSample(String title) {
    Campaign campaign = TestCampaigns.create(client, title + " " + System.nanoTime(), "64", "02");
    db.sql(
            "insert into sample_entry (campaign_id, organization_id, region_code, status,"
                + " participants, institution_type, settlement_type, education_levels)"
                + " select :c, id, region_code, 'SELECTED', 25, 'Средняя общеобразовательная"
                + " школа', settlement_type, education_levels from organization"
                + " where login = any(:logins)")
        .bind("c", campaign.getId())
        .bind("logins", SAMPLE)
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

  private static String uri(long campaign) {
    return "/api/campaigns/" + campaign + "/staff";
  }

  private static String[] row(String... values) {
    return new String[] {values[0], "", values[1], values[2], values[3], values[4]};
  }

  private WebTestClient.ResponseSpec upload(String caller, long campaign, byte[] body) {
    return as(caller)
        .post()
        .uri(uri(campaign) + "/imports")
        .contentType(MediaType.parseMediaType(XLSX))
        .bodyValue(body)
        .exchange();
  }

  private StaffCoveragePage coverage(String caller, String uri) {
    return as(caller)
        .get()
        .uri(uri)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(StaffCoveragePage.class)
        .returnResult()
        .getResponseBody();
  }

  private byte[] download(String caller, String uri) {
    return as(caller)
        .get()
        .uri(uri)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(byte[].class)
        .returnResult()
        .getResponseBody();
  }

  private List<String> audit() {
    return db.sql("select action from audit_event where action like 'staff.%'")
        .map(r -> r.get("action", String.class))
        .all()
        .collectList()
        .block();
  }

  /** The rows of the first sheet from {@code from} (0-based), six columns each. */
  private static List<String[]> rows(byte[] xlsx, int from) throws IOException {
    List<String[]> rows = new ArrayList<>();
    DataFormatter format = new DataFormatter();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = book.getSheetAt(0);
      for (int r = from; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        String[] cells = new String[6];
        for (int c = 0; c < 6; c++) {
          cells[c] = row == null ? "" : format.formatCellValue(row.getCell(c));
        }
        rows.add(cells);
      }
    }
    return rows;
  }

  private static List<String[]> rows(byte[] xlsx) throws IOException {
    return rows(xlsx, 0);
  }

  /** A filled template: titles on row 1, the rows from row 2. */
  static byte[] file(String[]... rows) throws IOException {
    return titled(StaffWorkbook.TITLES, rows);
  }

  /** A filled template with these titles on row 1. */
  static byte[] titled(String[] titleRow, String[]... rows) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet(StaffWorkbook.SHEET);
      Row titles = sheet.createRow(0);
      for (int c = 0; c < titleRow.length; c++) {
        titles.createCell(c).setCellValue(titleRow[c]);
      }
      int r = 1;
      for (String[] values : rows) {
        Row row = sheet.createRow(r++);
        for (int c = 0; c < values.length; c++) {
          if (!values[c].isEmpty()) {
            row.createCell(c).setCellValue(values[c]);
          }
        }
      }
      workbook.write(out);
      return out.toByteArray();
    }
  }
}
