package org.oko.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oko.sample.SampleTestSupport.campaign;
import static org.oko.sample.SampleTestSupport.download;
import static org.oko.sample.SampleTestSupport.edited;
import static org.oko.sample.SampleTestSupport.entries;
import static org.oko.sample.SampleTestSupport.entry;
import static org.oko.sample.SampleTestSupport.rowOf;
import static org.oko.sample.SampleTestSupport.rows;
import static org.oko.sample.SampleTestSupport.set;
import static org.oko.sample.SampleTestSupport.setDate;
import static org.oko.sample.SampleTestSupport.setNumber;
import static org.oko.sample.SampleTestSupport.submit;
import static org.oko.sample.SampleTestSupport.upload;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Problem;
import org.oko.api.model.ProblemError;
import org.oko.api.model.SampleEntry;
import org.oko.api.model.SettlementType;
import org.oko.sample.SampleTestSupport.Schedule;
import org.oko.testing.ApiTest;
import org.springframework.http.MediaType;

/** A region's preliminary list: stage enforcement, the template round trip, bad files. */
class PreliminaryListTests extends ApiTest {

  private static String listUri(long campaignId, String region) {
    return "/api/campaigns/" + campaignId + "/regions/" + region + "/preliminary-list";
  }

  @Test
  void theListIsAcceptedUpToTheLastSecondOfTheStageAndAfterwardsOnlyWhereExtended() {
    Schedule s = campaign(client, "64", "02");
    var saratov = List.of(entry("edu640001", 50, "CITY", "rus-4"));
    var bashkiria = List.of(entry("edu020001", 40, "CITY", "math-4"));

    clock.set(s.listCloses().minusSeconds(1));
    submit(as("region64"), s.campaignId(), "64", saratov).expectStatus().isOk();

    clock.set(s.listCloses());
    submit(as("region64"), s.campaignId(), "64", saratov)
        .expectStatus()
        .isEqualTo(409)
        .expectBody(Problem.class)
        .value(p -> assertThat(p.getDetail()).contains("Предварительный список ОО", "завершён"));
    clock.set(s.listCloses().plusSeconds(1));
    submit(as("region64"), s.campaignId(), "64", saratov).expectStatus().isEqualTo(409);

    client
        .post()
        .uri("/api/campaigns/" + s.campaignId() + "/stages/PRELIMINARY_LIST/extensions")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            "{\"regionCode\":\"64\",\"closesAt\":\""
                + s.listCloses().plus(Duration.ofDays(1))
                + "\"}")
        .exchange()
        .expectStatus()
        .isCreated();
    submit(as("region64"), s.campaignId(), "64", saratov).expectStatus().isOk();
    submit(as("region02"), s.campaignId(), "02", bashkiria)
        .expectStatus()
        .isEqualTo(409)
        .expectBody(Problem.class)
        .value(p -> assertThat(p.getDetail()).contains("Предварительный список ОО"));
  }

  @Test
  void aRegionFillsTheTemplateAndUploadsIt() {
    Schedule s = campaign(client, "64");
    String templateUri = listUri(s.campaignId(), "64") + "/template";
    byte[] template = download(as("region64"), templateUri);

    var rows = rows(template);
    // Schools and colleges of the region (ВПР), no assessment points.
    assertThat(rows).containsKeys("edu640001", "spo640001").doesNotContainKey("edu645001");
    assertThat(rows.get("edu640001")).containsEntry("C", "нет").containsEntry("F", "город");
    try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
      assertThat(workbook.getSheet("Справочник").getRow(1).getCell(0).getStringCellValue())
          .isEqualTo("rus-4");
      assertThat(workbook.getSheet("Инструкция")).isNotNull();
      assertThat(workbook.getSheetVisibility(workbook.getSheetIndex("Подпись")))
          .isEqualTo(SheetVisibility.VERY_HIDDEN);
      assertThat(workbook.getSheet(SampleTestSupport.SHEET).getProtect()).isTrue();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }

    byte[] filled =
        edited(
            template,
            sheet -> {
              int school = rowOf(sheet, "edu640001");
              set(sheet, "C" + school, "да");
              setNumber(sheet, "D" + school, 50);
              set(sheet, "E" + school, "НОО, ООО");
              set(sheet, "G" + school, "Гимназия");
              set(sheet, "H" + school, "rus-4, math-4");
              int rural = rowOf(sheet, "edu640022");
              set(sheet, "C" + rural, "Да");
              set(sheet, "D" + rural, "30"); // a number stored as text
              set(sheet, "F" + rural, "сельская местность");
              set(sheet, "H" + rural, "math-4");
              set(sheet, "K" + rural, "заметка на полях"); // a column of its own: ignored
            });
    upload(as("region64"), listUri(s.campaignId(), "64") + "/upload", filled)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.proposed")
        .isEqualTo(2);

    List<SampleEntry> stored = entries(client, s.campaignId(), "");
    assertThat(stored)
        .extracting(e -> e.getOrganization().getLogin())
        .containsExactly("edu640001", "edu640022");
    var gymnasium = stored.get(0).getAttributes();
    assertThat(gymnasium.getParticipants()).isEqualTo(50);
    assertThat(gymnasium.getInstitutionType()).isEqualTo("Гимназия");
    assertThat(gymnasium.getSubjects()).containsExactly("rus-4", "math-4");
    assertThat(stored.get(1).getAttributes().getSettlementType()).isEqualTo(SettlementType.VILLAGE);

    // The next template shows the list as stored.
    var again = rows(download(as("region64"), templateUri));
    assertThat(again.get("edu640001"))
        .containsEntry("C", "да")
        .containsEntry("D", "50")
        .containsEntry("E", "НОО, ООО")
        .containsEntry("H", "rus-4, math-4");
    assertThat(again.get("edu640002")).containsEntry("C", "нет");
  }

  /** The template with edu640001 taking part, its cells set by {@code more}. */
  private byte[] filledList(long campaignId, java.util.function.Consumer<Sheet> more) {
    byte[] template = download(as("region64"), listUri(campaignId, "64") + "/template");
    return edited(
        template,
        sheet -> {
          int school = rowOf(sheet, "edu640001");
          set(sheet, "C" + school, "да");
          setNumber(sheet, "D" + school, 50);
          set(sheet, "G" + school, "Гимназия");
          set(sheet, "H" + school, "rus-4");
          more.accept(sheet);
        });
  }

  private Problem refusedList(long campaignId, byte[] file) {
    Problem problem =
        upload(as("region64"), listUri(campaignId, "64") + "/upload", file)
            .expectStatus()
            .isEqualTo(422)
            .expectBody(Problem.class)
            .returnResult()
            .getResponseBody();
    assertThat(entries(client, campaignId, "")).isEmpty();
    return problem;
  }

  @Test
  void aDateTypedIntoTheParticipantsIsRefusedAsTheDateTheCellShows() {
    Schedule s = campaign(client, "64");
    int[] school = new int[1];
    byte[] file =
        filledList(
            s.campaignId(),
            sheet -> {
              school[0] = rowOf(sheet, "edu640001");
              setDate(sheet, "D" + school[0], 46096);
            });

    Problem problem = refusedList(s.campaignId(), file);

    assertThat(problem.getErrors())
        .extracting(
            ProblemError::getSheet,
            ProblemError::getCell,
            ProblemError::getValue,
            ProblemError::getMessage)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "Список ОО",
                "D" + school[0],
                "15.03.2026",
                "В ячейке дата, а нужно количество участников (целое число от 0 до 100000):"
                    + " ячейка, видимо, в формате «Дата». Задайте ей формат «Общий» или"
                    + " «Числовой» и введите число"));
  }

  @Test
  void anEditedHeaderIsRefusedNamingItsCell() {
    Schedule s = campaign(client, "64");
    byte[] file = filledList(s.campaignId(), sheet -> set(sheet, "C1", "Участие"));

    assertThat(refusedList(s.campaignId(), file).getErrors())
        .extracting(ProblemError::getSheet, ProblemError::getCell, ProblemError::getValue)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Список ОО", "C1", "Участие"));
  }

  @Test
  void aMovedColumnIsOneProblemSayingWhereItWentNotAnErrorInEveryRow() {
    Schedule s = campaign(client, "64");
    byte[] file =
        filledList(
            s.campaignId(),
            sheet -> {
              // «Количество участников» and «Уровни образования» swapped, with their values.
              for (Row row : sheet) {
                var d = row.getCell(3);
                var e = row.getCell(4);
                String left = d == null ? null : new DataFormatter().formatCellValue(d);
                String right = e == null ? null : new DataFormatter().formatCellValue(e);
                set(sheet, "D" + (row.getRowNum() + 1), right == null ? "" : right);
                set(sheet, "E" + (row.getRowNum() + 1), left == null ? "" : left);
              }
            });

    assertThat(refusedList(s.campaignId(), file).getErrors())
        .extracting(ProblemError::getCell, ProblemError::getMessage)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "D1",
                "В ячейке D1 должен быть заголовок «Количество участников», а стоит «Уровни"
                    + " образования»; столбец «Количество участников» стоит в столбце E: не"
                    + " вставляйте, не удаляйте и не переставляйте столбцы шаблона"));
  }

  @Test
  void aRowInsertedAboveTheHeaderIsNamedAsARow() {
    Schedule s = campaign(client, "64");
    byte[] file =
        filledList(
            s.campaignId(),
            sheet -> {
              sheet.shiftRows(0, sheet.getLastRowNum(), 1);
              set(sheet, "A1", "Предварительный список, Саратовская область");
            });

    assertThat(refusedList(s.campaignId(), file).getErrors())
        .extracting(ProblemError::getCell, ProblemError::getMessage)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "A2",
                "Строка заголовков должна быть строкой 1, а найдена в строке 2: удалите строки,"
                    + " вставленные над ней, и загрузите файл снова"));
  }

  @Test
  void aRealWorkbookIsReadWhetherSentAsMultipartOrAsOctetStream() {
    Schedule s = campaign(client, "64");
    byte[] file = filledList(s.campaignId(), sheet -> {});
    String uri = listUri(s.campaignId(), "64") + "/upload";

    SampleTestSupport.uploadMultipart(as("region64"), uri, file)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.proposed")
        .isEqualTo(1);
    as("region64")
        .post()
        .uri(uri)
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .bodyValue(file)
        .exchange()
        .expectStatus()
        .isOk();
    assertThat(entries(client, s.campaignId(), ""))
        .extracting(e -> e.getOrganization().getLogin())
        .containsExactly("edu640001");
  }

  @Test
  void anUploadWithErrorsNamesEveryCellAndChangesNothing() {
    Schedule s = campaign(client, "64");
    submit(as("region64"), s.campaignId(), "64", List.of(entry("edu640003", 12, "CITY", "rus-4")))
        .expectStatus()
        .isOk();
    byte[] template = download(as("region64"), listUri(s.campaignId(), "64") + "/template");
    int[] at = new int[4];
    byte[] wrong =
        edited(
            template,
            sheet -> {
              at[0] = rowOf(sheet, "edu640001");
              set(sheet, "C" + at[0], "да");
              set(sheet, "D" + at[0], "много");
              set(sheet, "G" + at[0], "Школа");
              at[1] = rowOf(sheet, "edu640002");
              set(sheet, "C" + at[1], "да");
              set(sheet, "D" + at[1], "20");
              set(sheet, "F" + at[1], "деревня");
              at[2] = sheet.getLastRowNum() + 2;
              at[3] = at[2] + 1;
              for (int i = 2; i < 4; i++) {
                set(sheet, "A" + at[i], i == 2 ? "edu649999" : "edu020001");
                set(sheet, "C" + at[i], "да");
                set(sheet, "D" + at[i], "10");
                set(sheet, "F" + at[i], "город");
                set(sheet, "G" + at[i], "Школа");
              }
            });

    Problem problem =
        upload(as("region64"), listUri(s.campaignId(), "64") + "/upload", wrong)
            .expectStatus()
            .isEqualTo(422)
            .expectBody(Problem.class)
            .returnResult()
            .getResponseBody();
    assertThat(problem.getErrors())
        .extracting(ProblemError::getCell, ProblemError::getValue)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("D" + at[0], "много"),
            org.assertj.core.groups.Tuple.tuple("F" + at[1], "деревня"),
            org.assertj.core.groups.Tuple.tuple("A" + at[2], "edu649999"),
            org.assertj.core.groups.Tuple.tuple("A" + at[3], "edu020001"));
    assertThat(problem.getErrors()).allMatch(e -> "Список ОО".equals(e.getSheet()));
    assertThat(problem.getErrors())
        .filteredOn(e -> e.getCell().equals("A" + at[3]))
        .first()
        .extracting(ProblemError::getMessage)
        .asString()
        .contains("другому региону");

    assertThat(entries(client, s.campaignId(), ""))
        .extracting(e -> e.getOrganization().getLogin())
        .containsExactly("edu640003");
  }

  @Test
  void theJsonListReportsEveryBadEntryByIndex() {
    Schedule s = campaign(client, "64");
    submit(
            as("region64"),
            s.campaignId(),
            "64",
            List.of(
                entry("edu640001", 5, "CITY", "rus-4"),
                entry("edu645001", 5, "CITY", "rus-4"),
                entry("edu640001", 5, "CITY", "rus-4"),
                entry("edu640004", 5, "CITY", "hist-11")))
        .expectStatus()
        .isEqualTo(422)
        .expectBody(Problem.class)
        .value(
            p ->
                assertThat(p.getErrors())
                    .extracting(ProblemError::getField)
                    .containsExactly(
                        "entries[1].organizationLogin",
                        "entries[2].organizationLogin",
                        "entries[3].attributes.subjects"));
  }

  @Test
  void aFileOfAnotherRegionOrNotAWorkbookOrTooBigIsRefused() {
    Schedule s = campaign(client, "64", "02");
    byte[] saratov = download(client, listUri(s.campaignId(), "64") + "/template");
    upload(client, listUri(s.campaignId(), "02") + "/upload", saratov)
        .expectStatus()
        .isEqualTo(422)
        .expectBody(Problem.class)
        .value(p -> assertThat(p.getDetail()).contains("другого региона"));

    upload(as("region64"), listUri(s.campaignId(), "64") + "/upload", "Логин;Участвует".getBytes())
        .expectStatus()
        .isEqualTo(415);
    upload(as("region64"), listUri(s.campaignId(), "64") + "/upload", new byte[300 * 1024])
        .expectStatus()
        .isEqualTo(413);
    upload(as("region64"), listUri(s.campaignId(), "02") + "/upload", saratov)
        .expectStatus()
        .isNotFound();
    assertThat(entries(client, s.campaignId(), "")).isEmpty();
  }
}
