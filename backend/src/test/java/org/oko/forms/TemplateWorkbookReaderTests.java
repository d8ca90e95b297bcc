package org.oko.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.oko.forms.TemplateFixtures.CAMPAIGN;
import static org.oko.forms.TemplateFixtures.FORM;
import static org.oko.forms.TemplateFixtures.KITS;
import static org.oko.forms.TemplateFixtures.PROTOCOL2;
import static org.oko.forms.TemplateFixtures.QUESTIONNAIRE;
import static org.oko.forms.TemplateFixtures.fill;
import static org.oko.forms.TemplateFixtures.read;
import static org.oko.forms.TemplateFixtures.results;
import static org.oko.forms.TemplateFixtures.row;
import static org.oko.forms.TemplateFixtures.signature;
import static org.oko.forms.TemplateFixtures.template;
import static org.oko.forms.TemplateFixtures.write;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oko.platform.web.FieldProblem;

class TemplateWorkbookReaderTests {

  @TempDir Path dir;

  private static final Map<String, List<Map<String, String>>> PREFILL = Map.of("kits", KITS);

  /**
   * Sets a cell as a user types it: a number or text. The cell is made anew with its style: POI
   * would keep the old text of an inline-string cell beside the new value (Excel rewrites it).
   */
  private static void type(Sheet sheet, String cell, Object value) {
    CellReference ref = new CellReference(cell);
    Row row =
        sheet.getRow(ref.getRow()) == null
            ? sheet.createRow(ref.getRow())
            : sheet.getRow(ref.getRow());
    Cell old = row.getCell(ref.getCol());
    var style = old == null ? null : old.getCellStyle();
    if (old != null) {
      row.removeCell(old);
    }
    Cell c = row.createCell(ref.getCol());
    if (style != null) {
      c.setCellStyle(style);
    }
    if (value instanceof Number) {
      c.setCellValue(((Number) value).doubleValue());
    } else {
      c.setCellValue((String) value);
    }
  }

  private Path protocol2Template() {
    return write(dir, template(PROTOCOL2, signature(1), PREFILL));
  }

  /** Figure 13: the protocol 2 template as the point fills it. */
  private static void figure13(XSSFWorkbook workbook) {
    Sheet sheet = workbook.getSheet("Протокол 2");
    type(sheet, "B2", "использован");
    type(sheet, "C2", "edu777777");
    type(sheet, "B3", "использован");
    type(sheet, "C3", "edu777778");
    type(sheet, "B4", "использован");
    type(sheet, "C4", "edu777779");
    type(sheet, "B5", "испорчен");
    type(sheet, "B6", "не использован");
  }

  private static final List<Map<String, String>> FIGURE13 =
      List.of(
          row("kit", "501501", "comment", "использован", "school", "edu777777"),
          row("kit", "501502", "comment", "использован", "school", "edu777778"),
          row("kit", "501503", "comment", "использован", "school", "edu777779"),
          row("kit", "501504", "comment", "испорчен"),
          row("kit", "501505", "comment", "не использован"));

  @Test
  void aFilledProtocol2ReadsBackAsTypedAndItsLoginsAreLookedUp() {
    Path filled = fill(protocol2Template(), TemplateWorkbookReaderTests::figure13);

    var read = read(filled, PROTOCOL2, signature(1), PREFILL);

    assertThat(read.problems().list()).isEmpty();
    assertThat(read.refused()).isFalse();
    assertThat(read.content().get("kits")).containsExactlyElementsOf(FIGURE13);
    assertThat(read.logins()).containsExactlyInAnyOrder("edu777777", "edu777778", "edu777779");

    read.rejectUnknownLogins(Set.of("edu777777", "edu777778"));
    assertThat(read.problems().list())
        .extracting(
            FieldProblem::sheet, FieldProblem::cell, FieldProblem::value, FieldProblem::message)
        .containsExactly(
            tuple("Протокол 2", "C4", "edu777779", "Организация с логином «edu777779» не найдена"));
  }

  @Test
  void aTemplateOfTheCurrentResponseRoundTripsUnchanged() {
    Path template = write(dir, template(PROTOCOL2, signature(1), Map.of("kits", FIGURE13)));

    var read = read(template, PROTOCOL2, signature(1), PREFILL);

    assertThat(read.problems().list()).isEmpty();
    assertThat(read.content().get("kits")).containsExactlyElementsOf(FIGURE13);
  }

  @Test
  void rowRulesAndTheDropDownOptionsAreCheckedWithTheirCells() {
    Path filled =
        fill(
            protocol2Template(),
            workbook -> {
              figure13(workbook);
              Sheet sheet = workbook.getSheet("Протокол 2");
              type(sheet, "C5", "edu640001"); // «испорчен» forbids a login
              type(sheet, "B6", "потерян");
              type(sheet, "A3", "501599"); // a kit number changed despite the lock
            });

    var read = read(filled, PROTOCOL2, signature(1), PREFILL);

    assertThat(read.problems().list())
        .extracting(FieldProblem::cell, FieldProblem::message)
        .containsExactly(
            tuple("A3", "«501599» нет среди строк этой формы: строки добавлять нельзя"),
            tuple(
                "C5",
                "«Логин ОО, в которой работает учитель» должно быть пустым: «Комментарий» —"
                    + " «испорчен»"),
            tuple("B6", "Выберите одно из значений: использован, испорчен, не использован"),
            tuple(null, "Нет строки «501502»: строки формы удалять нельзя"));
  }

  private Path resultsTemplate() {
    return write(dir, template(results(null), signature(1), Map.of()));
  }

  @Test
  void resultsReadBackWithTheTotalRecomputedNumbersAsTextAndTextAsNumbers() {
    Path filled =
        fill(
            resultsTemplate(),
            workbook -> {
              Sheet sheet = workbook.getSheet("Результаты");
              type(sheet, "A3", 10001); // a code typed as a number
              type(sheet, "B3", "2"); // numbers stored as text
              type(sheet, "C3", "1");
              type(sheet, "D3", 2);
              type(sheet, "E3", " 2 ");
              type(sheet, "F3", 99); // a total typed over the formula: recomputed anyway
              type(sheet, "A4", "000124");
              type(sheet, "B4", 1);
              type(sheet, "C4", 0);
              type(sheet, "D4", 0);
              type(sheet, "E4", 1);
            });

    var read = read(filled, results(null), signature(1), Map.of());

    assertThat(read.problems().list()).isEmpty();
    assertThat(read.content().get("results"))
        .containsExactly(
            row(
                "code", "10001", "variant", "2", "task_1", "1", "task_2", "2", "task_3", "2",
                "total", "5"),
            row(
                "code", "000124", "variant", "1", "task_1", "0", "task_2", "0", "task_3", "1",
                "total", "1"));
  }

  @Test
  void aScoreAboveTheTaskMaximumAndARepeatedCodeNameTheirCells() {
    Path filled =
        fill(
            resultsTemplate(),
            workbook -> {
              Sheet sheet = workbook.getSheet("Результаты");
              Object[][] rows = {
                {"10001", 1, 1, 2, 2},
                {"10002", 1, 0, 1, 1},
                {"10003", 1, 1, 3, 0},
                {"10001", 2, 0, 0, 0}
              };
              for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                  type(sheet, "ABCDE".charAt(c) + String.valueOf(r + 3), rows[r][c]);
                }
              }
            });

    var read = read(filled, results(null), signature(1), Map.of());

    assertThat(read.problems().list())
        .extracting(
            FieldProblem::sheet, FieldProblem::cell, FieldProblem::value, FieldProblem::message)
        .containsExactly(
            tuple("Результаты", "D5", "3", "Допустимо от 0 до 2"),
            tuple("Результаты", "A6", "10001", "Значение «10001» повторяется (уже есть в A3)"));
  }

  @Test
  void formulasGiveTheirCachedValuesAndAreNeverEvaluated() {
    Path filled =
        fill(
            resultsTemplate(),
            workbook -> {
              Sheet sheet = workbook.getSheet("Результаты");
              for (int r = 3; r <= 4; r++) {
                type(sheet, "A" + r, "1000" + r);
                type(sheet, "B" + r, 1);
                type(sheet, "C" + r, 1);
                type(sheet, "E" + r, 0);
              }
              Cell evaluated = sheet.getRow(2).getCell(3);
              evaluated.setCellFormula("1+1");
              workbook.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(evaluated);
              Cell stale = sheet.getRow(3).getCell(3);
              stale.setCellFormula("1+1");
              stale.setCellValue(1); // a cached result that disagrees with the formula
            });

    var read = read(filled, results(null), signature(1), Map.of());

    assertThat(read.problems().list()).isEmpty();
    assertThat(read.content().get("results"))
        .extracting(r -> r.get("task_2"), r -> r.get("total"))
        .containsExactly(tuple("2", "3"), tuple("1", "2"));
  }

  @Test
  void trailingEmptyRowsAndColumnsBeyondTheFormAreIgnored() {
    Path filled =
        fill(
            resultsTemplate(),
            workbook -> {
              Sheet sheet = workbook.getSheet("Результаты");
              type(sheet, "G2", "Примечание"); // a column of the user's own
              type(sheet, "A3", "10001");
              type(sheet, "B3", 1);
              type(sheet, "C3", 1);
              type(sheet, "D3", 1);
              type(sheet, "E3", 1);
              type(sheet, "G3", "проверено");
              type(sheet, "H4", "заметка на полях"); // only beyond the form's columns
              type(sheet, "A9", " "); // blanks further down
              type(sheet, "B4000", "");
            });

    var read = read(filled, results(null), signature(1), Map.of());

    assertThat(read.problems().list()).isEmpty();
    assertThat(read.content().get("results")).hasSize(1);
  }

  @Test
  void aMovedColumnIsNamedByItsCellAndNothingBelowIsRead() {
    Path filled =
        fill(
            resultsTemplate(),
            workbook -> {
              Sheet sheet = workbook.getSheet("Результаты");
              type(sheet, "B2", "1");
              type(sheet, "C2", "Вариант");
              type(sheet, "A3", "Иванов"); // would be a problem if it were read
            });

    var read = read(filled, results(null), signature(1), Map.of());

    assertThat(read.problems().list())
        .extracting(FieldProblem::sheet, FieldProblem::cell, FieldProblem::message)
        .containsExactly(
            tuple(
                "Результаты",
                "B2",
                "В ячейке B2 должен быть заголовок «Вариант», а стоит «1»; столбец «Вариант»"
                    + " стоит в столбце C: не вставляйте, не удаляйте и не переставляйте столбцы"
                    + " шаблона"));
  }

  @Test
  void aRowInsertedAboveTheTitlesIsNamedAsARowNotAsAColumn() {
    Path filled =
        fill(
            resultsTemplate(),
            workbook -> {
              Sheet sheet = workbook.getSheet("Результаты");
              sheet.shiftRows(0, sheet.getLastRowNum(), 1);
              type(sheet, "A1", "Протокол 4А класса");
              type(sheet, "A4", "Иванов"); // would be a problem if it were read
            });

    var read = read(filled, results(null), signature(1), Map.of());

    assertThat(read.problems().list())
        .extracting(FieldProblem::sheet, FieldProblem::cell, FieldProblem::message)
        .containsExactly(
            tuple(
                "Результаты",
                "A3",
                "Строка заголовков должна быть строкой 2, а найдена в строке 3: удалите строки,"
                    + " вставленные над ней, и загрузите файл снова"));
  }

  @Test
  void aDateTypedIntoAScoreIsRefusedAsTheDateTheCellShows() {
    Path filled =
        fill(
            resultsTemplate(),
            workbook -> {
              Sheet sheet = workbook.getSheet("Результаты");
              type(sheet, "A3", "000123");
              type(sheet, "B3", 46096); // Excel turned «15.03» into a date, 15.03.2026
              var date = workbook.createCellStyle();
              date.cloneStyleFrom(sheet.getRow(2).getCell(1).getCellStyle());
              date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yy"));
              sheet.getRow(2).getCell(1).setCellStyle(date);
              type(sheet, "C3", 1);
              type(sheet, "D3", 1);
              type(sheet, "E3", 1);
            });

    var read = read(filled, results(null), signature(1), Map.of());

    assertThat(read.problems().list())
        .extracting(
            FieldProblem::sheet, FieldProblem::cell, FieldProblem::value, FieldProblem::message)
        .containsExactly(
            tuple(
                "Результаты",
                "B3",
                "15.03.2026",
                "В ячейке дата, а нужно целое число: ячейка, видимо, в формате «Дата». Задайте ей"
                    + " формат «Общий» или «Числовой» и введите число"));
  }

  @Test
  void anInsertedColumnIsNamedToo() {
    Path filled =
        fill(
            protocol2Template(),
            workbook -> {
              Sheet sheet = workbook.getSheet("Протокол 2");
              sheet.shiftColumns(1, 2, 1);
              type(sheet, "B1", "Дата");
            });

    var read = read(filled, PROTOCOL2, signature(1), PREFILL);

    assertThat(read.problems().list())
        .extracting(FieldProblem::cell, FieldProblem::value)
        .containsExactly(tuple("B1", "Дата"));
  }

  @Test
  void aMissingSheetIsNamed() {
    Path filled =
        fill(
            resultsTemplate(),
            workbook -> {
              workbook.unLock();
              workbook.removeSheetAt(workbook.getSheetIndex("Результаты"));
            });

    var read = read(filled, results(null), signature(1), Map.of());

    assertThat(read.problems().list())
        .extracting(FieldProblem::sheet, FieldProblem::message)
        .containsExactly(
            tuple(
                "Результаты",
                "В файле нет листа «Результаты»: не переименовывайте и не удаляйте листы шаблона"));
  }

  @Test
  void anOlderTemplateIsRefusedWithTheCurrentVersion() {
    Path filled = fill(protocol2Template(), TemplateWorkbookReaderTests::figure13);

    var read = read(filled, PROTOCOL2, signature(2), PREFILL);

    assertThat(read.refused()).isTrue();
    assertThat(read.content().get("kits")).isEmpty();
    assertThat(read.problems().list())
        .extracting(FieldProblem::message)
        .containsExactly("Шаблон устарел: форма изменена (версия 2), скачайте новый шаблон");
  }

  @Test
  void anotherOrganizationsTemplateIsRefusedWithoutNamingIt() {
    Path filled = fill(protocol2Template(), TemplateWorkbookReaderTests::figure13);

    var read =
        read(
            filled,
            PROTOCOL2,
            TemplateSignature.forOrganization(FORM, 1, CAMPAIGN, 640002),
            PREFILL);

    assertThat(read.refused()).isTrue();
    assertThat(read.problems().list())
        .extracting(FieldProblem::message)
        .containsExactly("Шаблон сформирован для другой организации: скачайте свой шаблон");
  }

  @Test
  void anotherFormsTemplateIsRefusedNamingThatForm() {
    Path filled = fill(protocol2Template(), TemplateWorkbookReaderTests::figure13);

    var read =
        read(
            filled,
            PROTOCOL2,
            TemplateSignature.forOrganization(FORM + 1, 1, CAMPAIGN, TemplateFixtures.ORGANIZATION),
            PREFILL);

    assertThat(read.problems().list())
        .extracting(FieldProblem::message)
        .containsExactly(
            "Это шаблон другой формы («Протокол 2 (математика)»): скачайте шаблон этой формы"
                + " кнопкой «Сформировать excel шаблон»");
  }

  @Test
  void aMunicipalityFormNamesTheOtherMunicipality() {
    FormSchema schema = QUESTIONNAIRE;
    Path template =
        write(
            dir,
            template(schema, TemplateSignature.forMunicipality(FORM, 1, CAMPAIGN, 5L), Map.of()));

    var read =
        read(template, schema, TemplateSignature.forMunicipality(FORM, 1, CAMPAIGN, 6L), Map.of());

    assertThat(read.problems().list())
        .extracting(FieldProblem::message)
        .containsExactly("Шаблон сформирован для другого муниципалитета: скачайте свой шаблон");
  }

  /**
   * The responsible coordinator's part (seed 003 11.4) is signed with its region: one region's
   * filled template is not taken for another region's part, nor for a municipality's.
   */
  @Test
  void aRegionPartTemplateNamesItsRegion() {
    FormSchema schema = QUESTIONNAIRE;
    Path template =
        write(
            dir,
            template(schema, TemplateSignature.forRegionPart(FORM, 1, CAMPAIGN, "64"), Map.of()));

    var otherRegion =
        read(template, schema, TemplateSignature.forRegionPart(FORM, 1, CAMPAIGN, "02"), Map.of());
    var municipality =
        read(template, schema, TemplateSignature.forMunicipality(FORM, 1, CAMPAIGN, 6L), Map.of());
    var same =
        read(template, schema, TemplateSignature.forRegionPart(FORM, 1, CAMPAIGN, "64"), Map.of());

    assertThat(otherRegion.problems().list())
        .extracting(FieldProblem::message)
        .containsExactly(
            "Шаблон сформирован не для организаций без муниципалитета региона 02: скачайте шаблон"
                + " этой части региона");
    assertThat(municipality.problems().list())
        .extracting(FieldProblem::message)
        .containsExactly("Шаблон сформирован для другого муниципалитета: скачайте свой шаблон");
    assertThat(same.refused()).isFalse();
  }

  @Test
  void aSheetBeyondTheReadingLimitsIsAProblemOfThatSheet() {
    Path filled =
        fill(
            protocol2Template(),
            workbook -> type(workbook.getSheet("Протокол 2"), "C2", "x".repeat(100)));

    var read =
        TemplateWorkbookReader.read(
            filled,
            PROTOCOL2,
            signature(1),
            PREFILL,
            new org.oko.platform.excel.WorkbookReader.Limits(500_000, 50));
    assertThat(read.problems().list())
        .extracting(FieldProblem::sheet, FieldProblem::message)
        .containsExactly(
            tuple("Протокол 2", "В ячейке больше 50 символов: столько загрузить нельзя"));

    // Only rows holding a value count: the template's blank rows do not.
    Path longer =
        fill(
            resultsTemplate(),
            workbook -> {
              for (int row = 3; row <= 120; row++) {
                type(workbook.getSheet("Результаты"), "B" + row, String.valueOf(10_000 + row));
              }
            });
    var many =
        TemplateWorkbookReader.read(
            longer,
            results(null),
            signature(1),
            Map.of(),
            new org.oko.platform.excel.WorkbookReader.Limits(100, 32_767));
    assertThat(many.problems().list())
        .extracting(FieldProblem::sheet, FieldProblem::message)
        .contains(
            tuple(
                "Результаты", "На листе «Результаты» больше 100 строк: столько загрузить нельзя"));
  }

  @Test
  void aWorkbookWithoutTheSignatureIsNotATemplate() throws IOException {
    Path plain = Files.createTempFile(dir, "plain", ".xlsx");
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(plain)) {
      Sheet sheet = workbook.createSheet("Протокол 2");
      type(sheet, "A1", "Номер комплекта");
      type(sheet, "A2", "501501");
      Sheet fake = workbook.createSheet("Подпись"); // a sheet of that name is not enough
      type(fake, "A1", "form");
      type(fake, "B1", String.valueOf(FORM));
      workbook.write(out);
    }

    var read = read(plain, PROTOCOL2, signature(1), PREFILL);

    assertThat(read.refused()).isTrue();
    assertThat(read.problems().list())
        .extracting(FieldProblem::message)
        .containsExactly(
            "Это не шаблон этой формы: скачайте шаблон кнопкой «Сформировать excel шаблон» и"
                + " заполните его");
  }

  @Test
  void aRecordSheetRoundTripsWithValuesInColumnB() {
    Path template = write(dir, template(QUESTIONNAIRE, signature(1), Map.of()));
    Path filled =
        fill(
            template,
            workbook -> {
              Sheet sheet = workbook.getSheet("Анкета ОО");
              type(sheet, "B2", "=Петрова Е. В."); // text that looks like a formula
              type(sheet, "B3", 41);
              type(sheet, "B4", "3");
              type(sheet, "B7", "Город");
              Cell opened = sheet.getRow(5).getCell(1);
              opened.setCellValue(java.time.LocalDate.of(1985, 9, 1));
            });

    var read = read(filled, QUESTIONNAIRE, signature(1), Map.of());

    assertThat(read.problems().list()).isEmpty();
    assertThat(read.content().get("about"))
        .containsExactly(
            row(
                "director",
                "=Петрова Е. В.",
                "teachers",
                "41",
                "assistants",
                "3",
                "staff",
                "44",
                "opened",
                "01.09.1985",
                "settlement",
                "город"));

    // Written back into a template (formula-safe) it reads the same.
    Path again = write(dir, template(QUESTIONNAIRE, signature(1), read.content()));
    assertThat(read(again, QUESTIONNAIRE, signature(1), Map.of()).content())
        .isEqualTo(read.content());
  }

  @Test
  void aRecordSheetNamesWrongValuesByTheirBCell() {
    Path filled =
        fill(
            write(dir, template(QUESTIONNAIRE, signature(1), Map.of())),
            workbook -> {
              Sheet sheet = workbook.getSheet("Анкета ОО");
              type(sheet, "B2", "Петрова Е. В.");
              type(sheet, "B3", 1001);
              type(sheet, "B6", "31.02.2020");
            });

    var read = read(filled, QUESTIONNAIRE, signature(1), Map.of());

    assertThat(read.problems().list())
        .extracting(FieldProblem::cell, FieldProblem::message)
        .containsExactly(
            tuple("B3", "Допустимо от 0 до 1000"),
            tuple("B6", "Ожидается дата в формате ДД.ММ.ГГГГ"),
            tuple("B7", "Обязательное поле не заполнено"));
  }

  /**
   * A workbook as LibreOffice Calc writes it (no LibreOffice here to save one): shared strings,
   * {@code t="n"} numbers, explicit row spans, a number where the template had text, an inline
   * string, an empty styled cell.
   */
  @Test
  void aWorkbookSavedByLibreOfficeIsRead() throws IOException {
    Path file = Files.createTempFile(dir, "libreoffice", ".xlsx");
    List<String> strings =
        List.of(
            "Номер комплекта",
            "Комментарий",
            "Логин ОО, в которой работает учитель",
            "использован",
            "испорчен",
            "не использован",
            "edu777777",
            TemplateSignature.MARKER,
            "1",
            "form",
            "formTitle",
            "Протокол 2 (математика)",
            "definitionVersion",
            "campaign",
            "respondent",
            "ORGANIZATION",
            "organization",
            "municipality",
            "Инструкция");
    StringBuilder sst = new StringBuilder();
    sst.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
        .append("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"")
        .append(strings.size())
        .append("\" uniqueCount=\"")
        .append(strings.size())
        .append("\">");
    strings.forEach(
        s -> sst.append("<si><t xml:space=\"preserve\">").append(s).append("</t></si>"));
    sst.append("</sst>");
    String data =
        xmlRow(1, "1:3", s(0, "A1"), s(1, "B1"), s(2, "C1"))
            + xmlRow(2, "1:3", n(501501, "A2"), s(3, "B2"), s(6, "C2"))
            + xmlRow(3, "1:3", n(501502, "A3"), s(3, "B3"), inline("edu640002", "C3"))
            + xmlRow(4, "1:3", n(501503, "A4"), s(4, "B4"), "<c r=\"C4\" s=\"1\"/>")
            + xmlRow(5, "1:3", n(501504, "A5"), s(5, "B5"))
            + xmlRow(6, "1:3", n(501505, "A6"), s(5, "B6"))
            + xmlRow(7, "1:3", "<c r=\"A7\" s=\"1\"/><c r=\"B7\" s=\"1\"/>");
    String signature =
        xmlRow(1, "1:2", s(7, "A1"), s(8, "B1"))
            + xmlRow(2, "1:2", s(9, "A2"), n(FORM, "B2"))
            + xmlRow(3, "1:2", s(10, "A3"), s(11, "B3"))
            + xmlRow(4, "1:2", s(12, "A4"), n(1, "B4"))
            + xmlRow(5, "1:2", s(13, "A5"), n(CAMPAIGN, "B5"))
            + xmlRow(6, "1:2", s(14, "A6"), s(15, "B6"))
            + xmlRow(7, "1:2", s(16, "A7"), n(TemplateFixtures.ORGANIZATION, "B7"))
            + xmlRow(8, "1:1", s(17, "A8"));
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      entry(
          zip,
          "[Content_Types].xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Types"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
              + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
              + "<Default Extension=\"rels\""
              + " ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
              + "<Override PartName=\"/xl/workbook.xml\""
              + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
              + sheetType(1)
              + sheetType(2)
              + sheetType(3)
              + "<Override PartName=\"/xl/sharedStrings.xml\""
              + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
              + "<Override PartName=\"/xl/styles.xml\""
              + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
              + "</Types>");
      entry(
          zip,
          "_rels/.rels",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Relationships"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
              + "<Relationship Id=\"rId1\""
              + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
              + " Target=\"xl/workbook.xml\"/></Relationships>");
      entry(
          zip,
          "xl/workbook.xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<workbook"
              + " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
              + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
              + "<fileVersion appName=\"Calc\"/><workbookPr backupFile=\"false\""
              + " showObjects=\"all\" date1904=\"false\"/><workbookProtection/><bookViews>"
              + "<workbookView activeTab=\"1\"/></bookViews><sheets>"
              + "<sheet name=\"Инструкция\" sheetId=\"1\" state=\"visible\" r:id=\"rId2\"/>"
              + "<sheet name=\"Протокол 2\" sheetId=\"2\" state=\"visible\" r:id=\"rId3\"/>"
              + "<sheet name=\"Подпись\" sheetId=\"3\" state=\"veryHidden\" r:id=\"rId4\"/>"
              + "</sheets><calcPr iterateCount=\"100\" refMode=\"A1\" iterate=\"false\""
              + " iterateDelta=\"0.001\"/></workbook>");
      entry(
          zip,
          "xl/_rels/workbook.xml.rels",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Relationships"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
              + rel("rId1", "styles", "styles.xml")
              + rel("rId2", "worksheet", "worksheets/sheet1.xml")
              + rel("rId3", "worksheet", "worksheets/sheet2.xml")
              + rel("rId4", "worksheet", "worksheets/sheet3.xml")
              + rel("rId5", "sharedStrings", "sharedStrings.xml")
              + "</Relationships>");
      entry(
          zip,
          "xl/styles.xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<styleSheet"
              + " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
              + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"General\"/></numFmts>"
              + "<fonts count=\"1\"><font><sz val=\"10\"/><name val=\"Arial\"/></font></fonts>"
              + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
              + "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
              + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border>"
              + "</borders><cellStyleXfs count=\"1\"><xf numFmtId=\"164\" fontId=\"0\""
              + " fillId=\"0\" borderId=\"0\"/></cellStyleXfs><cellXfs count=\"2\">"
              + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
              + "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\""
              + " applyProtection=\"true\"><protection locked=\"false\" hidden=\"false\"/></xf>"
              + "</cellXfs></styleSheet>");
      entry(zip, "xl/sharedStrings.xml", sst.toString());
      entry(zip, "xl/worksheets/sheet1.xml", sheet(xmlRow(1, "1:1", s(18, "A1"))));
      entry(zip, "xl/worksheets/sheet2.xml", sheet(data));
      entry(zip, "xl/worksheets/sheet3.xml", sheet(signature));
    }

    var read = read(file, PROTOCOL2, signature(1), PREFILL);

    assertThat(read.problems().list()).isEmpty();
    assertThat(read.content().get("kits"))
        .containsExactly(
            row("kit", "501501", "comment", "использован", "school", "edu777777"),
            row("kit", "501502", "comment", "использован", "school", "edu640002"),
            row("kit", "501503", "comment", "испорчен"),
            row("kit", "501504", "comment", "не использован"),
            row("kit", "501505", "comment", "не использован"));
  }

  private static String sheetType(int n) {
    return "<Override PartName=\"/xl/worksheets/sheet"
        + n
        + ".xml\""
        + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>";
  }

  private static String rel(String id, String type, String target) {
    return "<Relationship Id=\""
        + id
        + "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        + type
        + "\" Target=\""
        + target
        + "\"/>";
  }

  private static String sheet(String rows) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet"
        + " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
        + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        + "<sheetPr filterMode=\"false\"><pageSetUpPr fitToPage=\"false\"/></sheetPr>"
        + "<dimension ref=\"A1:C7\"/><sheetViews><sheetView showFormulas=\"false\""
        + " workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\""
        + " state=\"frozen\"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"12.8\""
        + " zeroHeight=\"false\" outlineLevelRow=\"0\" outlineLevelCol=\"0\"/><cols><col"
        + " collapsed=\"false\" customWidth=\"true\" hidden=\"false\" outlineLevel=\"0\" max=\"3\""
        + " min=\"1\" style=\"0\" width=\"20\"/></cols><sheetData>"
        + rows
        + "</sheetData><sheetProtection sheet=\"true\" objects=\"true\" scenarios=\"true\"/>"
        + "<printOptions headings=\"false\" gridLines=\"false\"/></worksheet>";
  }

  private static String xmlRow(int number, String spans, String... cells) {
    return "<row r=\""
        + number
        + "\" spans=\""
        + spans
        + "\" s=\"0\" customFormat=\"false\" ht=\"12.8\" hidden=\"false\" customHeight=\"false\""
        + " outlineLevel=\"0\" collapsed=\"false\">"
        + String.join("", cells)
        + "</row>";
  }

  private static String s(int index, String cell) {
    return "<c r=\"" + cell + "\" s=\"1\" t=\"s\"><v>" + index + "</v></c>";
  }

  private static String n(long value, String cell) {
    return "<c r=\"" + cell + "\" s=\"0\" t=\"n\"><v>" + value + "</v></c>";
  }

  private static String inline(String text, String cell) {
    return "<c r=\"" + cell + "\" s=\"1\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
  }

  private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
