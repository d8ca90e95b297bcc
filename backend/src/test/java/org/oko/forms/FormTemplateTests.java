package org.oko.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oko.forms.TemplateFixtures.KITS;
import static org.oko.forms.TemplateFixtures.PROTOCOL2;
import static org.oko.forms.TemplateFixtures.QUESTIONNAIRE;
import static org.oko.forms.TemplateFixtures.results;
import static org.oko.forms.TemplateFixtures.row;
import static org.oko.forms.TemplateFixtures.signature;
import static org.oko.forms.TemplateFixtures.template;
import static org.oko.forms.TemplateFixtures.write;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oko.testing.PrintedSheets;

class FormTemplateTests {

  @TempDir Path dir;

  private XSSFWorkbook open(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new XSSFWorkbook(in);
    }
  }

  private static String text(XSSFSheet sheet, String cell) {
    CellReference ref = new CellReference(cell);
    Row row = sheet.getRow(ref.getRow());
    return row == null || row.getCell(ref.getCol()) == null
        ? null
        : row.getCell(ref.getCol()).toString();
  }

  private static DataValidation validationAt(XSSFSheet sheet, String cell) {
    CellReference ref = new CellReference(cell);
    return sheet.getDataValidations().stream()
        .filter(
            v ->
                java.util.Arrays.stream(v.getRegions().getCellRangeAddresses())
                    .anyMatch(r -> r.isInRange(ref.getRow(), ref.getCol())))
        .findFirst()
        .orElse(null);
  }

  private static boolean locked(XSSFSheet sheet, String cell) {
    CellReference ref = new CellReference(cell);
    return sheet.getRow(ref.getRow()).getCell(ref.getCol()).getCellStyle().getLocked();
  }

  @Test
  void protocol2TemplateIsPrefilledWithLockedKitNumbersDropDownsAndAVeryHiddenSignature()
      throws IOException {
    Path file = write(dir, template(PROTOCOL2, signature(3), Map.of("kits", KITS)));

    try (XSSFWorkbook workbook = open(file)) {
      List<String> names = new ArrayList<>();
      workbook.forEach(s -> names.add(s.getSheetName()));
      assertThat(names).containsExactly("Инструкция", "Протокол 2", "Подпись");
      assertThat(workbook.getSheetVisibility(2)).isEqualTo(SheetVisibility.VERY_HIDDEN);
      assertThat(workbook.getSheetVisibility(1)).isEqualTo(SheetVisibility.VISIBLE);
      assertThat(workbook.isStructureLocked()).isTrue();

      XSSFSheet sheet = workbook.getSheet("Протокол 2");
      // Figure 12: titles on row 1, the kit numbers below, as text.
      assertThat(text(sheet, "A1")).isEqualTo("Номер комплекта");
      assertThat(text(sheet, "B1")).isEqualTo("Комментарий");
      assertThat(text(sheet, "C1")).isEqualTo("Логин ОО, в которой работает учитель");
      assertThat(sheet.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.STRING);
      assertThat(text(sheet, "A2")).isEqualTo("501501");
      assertThat(text(sheet, "A6")).isEqualTo("501505");
      assertThat((Object) sheet.getRow(6)).isNull(); // exactly the pre-filled rows

      assertThat(sheet.getProtect()).isTrue();
      assertThat(locked(sheet, "A2")).isTrue();
      assertThat(sheet.getRow(1).getCell(0).getCellStyle().getFillForegroundColor())
          .isEqualTo(org.apache.poi.ss.usermodel.IndexedColors.GREY_25_PERCENT.getIndex());
      assertThat(locked(sheet, "B2")).isFalse();
      assertThat(locked(sheet, "C6")).isFalse();
      assertThat(locked(sheet, "A1")).isTrue();
      assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);

      DataValidation comment = validationAt(sheet, "B6");
      assertThat(comment.getValidationConstraint().getValidationType())
          .isEqualTo(ValidationType.LIST);
      assertThat(comment.getValidationConstraint().getExplicitListValues())
          .containsExactly("использован", "испорчен", "не использован");
      assertThat(comment.getShowErrorBox()).isTrue();
      assertThat(validationAt(sheet, "B7")).isNull();
      assertThat(validationAt(sheet, "A2")).isNull();

      XSSFSheet instruction = workbook.getSheetAt(0);
      StringBuilder all = new StringBuilder();
      instruction.forEach(r -> r.forEach(c -> all.append(c.toString()).append('\n')));
      assertThat(all.toString())
          .contains("Протокол 2 (математика)")
          .contains("МБОУ СОШ № 1 (логин edu640001)")
          .contains("Номера комплектов не меняйте.")
          .contains("Лист «Протокол 2»")
          .contains("одно из значений: использован; испорчен; не использован")
          .contains("заполнено системой, не изменяется")
          .contains("«Загрузить из excel»")
          .contains("«Сдать отчёт»");
    }
  }

  @Test
  void resultsTemplateGroupsTaskColumnsUnderAMergedHeaderBoundsScoresAndSumsThem()
      throws IOException {
    Map<String, List<Map<String, String>>> current =
        Map.of(
            "results",
            List.of(
                row("code", "000123", "variant", "2", "task_1", "1", "task_2", "2", "total", "3"),
                row("code", "000124", "variant", "1", "task_1", "0")));
    Path file = write(dir, template(results(null), signature(1), current));

    try (XSSFWorkbook workbook = open(file)) {
      XSSFSheet sheet = workbook.getSheet("Результаты");
      assertThat(sheet.getMergedRegions()).contains(CellRangeAddress.valueOf("C1:E1"));
      assertThat(text(sheet, "C1")).isEqualTo("Баллы за задания");
      assertThat(
              List.of(text(sheet, "A2"), text(sheet, "C2"), text(sheet, "E2"), text(sheet, "F2")))
          .containsExactly("Код участника", "1", "3", "Сумма баллов");
      assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);

      // Codes stay text (leading zeros), scores are numbers.
      assertThat(sheet.getRow(2).getCell(0).getCellType()).isEqualTo(CellType.STRING);
      assertThat(text(sheet, "A3")).isEqualTo("000123");
      assertThat(sheet.getRow(2).getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(sheet.getRow(2).getCell(3).getNumericCellValue()).isEqualTo(2.0);

      var task2 = validationAt(sheet, "D3");
      assertThat(task2.getValidationConstraint().getValidationType())
          .isEqualTo(ValidationType.INTEGER);
      assertThat(task2.getValidationConstraint().getOperator()).isEqualTo(OperatorType.BETWEEN);
      assertThat(task2.getValidationConstraint().getFormula1()).isEqualTo("0");
      assertThat(task2.getValidationConstraint().getFormula2()).isEqualTo("2");
      assertThat(task2.getErrorBoxText()).isEqualTo("Балл за задание 2: от 0 до 2");
      assertThat(validationAt(sheet, "B3").getErrorBoxText())
          .isEqualTo("«Вариант»: целое число от 1 до 4");

      var total = sheet.getRow(2).getCell(5);
      assertThat(total.getCellFormula()).isEqualTo("IF(COUNT(C3:E3)=0,\"\",SUM(C3:E3))");
      assertThat(total.getNumericCellValue()).isEqualTo(3.0); // the stored total, cached
      assertThat(locked(sheet, "F3")).isTrue();
      assertThat(locked(sheet, "E3")).isFalse();

      // A free sheet: rows open for typing up to min(maxRows, 5000).
      assertThat(locked(sheet, "A5002")).isFalse();
      assertThat((Object) sheet.getRow(5002)).isNull();
      assertThat(validationAt(sheet, "D5002")).isNotNull();
    }

    try (XSSFWorkbook workbook = open(file)) {
      // Printed: the group and titles rows on every page, only the two filled rows below them
      // (not the 5,000 left open: 208 empty pages), all columns on one page wide.
      XSSFSheet sheet = workbook.getSheet("Результаты");
      PrintedSheets.assertPrintsAsTable(sheet, 0, 1);
      assertThat(workbook.getPrintArea(workbook.getSheetIndex(sheet)))
          .isEqualTo("Результаты!$A$1:$F$4");
    }

    Path small = write(dir, template(results(300), signature(1), Map.of()));
    try (XSSFWorkbook workbook = open(small)) {
      XSSFSheet sheet = workbook.getSheet("Результаты");
      assertThat(locked(sheet, "B302")).isFalse();
      assertThat((Object) sheet.getRow(302)).isNull();
    }
  }

  @Test
  void recordSheetsHaveOneLinePerFieldWithValuesInColumnB() throws IOException {
    Path file =
        write(
            dir,
            template(
                QUESTIONNAIRE,
                signature(1),
                Map.of(
                    "about", List.of(row("director", "Иванова А. А.", "opened", "01.09.1985")))));

    try (XSSFWorkbook workbook = open(file)) {
      XSSFSheet sheet = workbook.getSheet("Анкета ОО");
      assertThat(text(sheet, "A2")).isEqualTo("ФИО руководителя");
      assertThat(text(sheet, "B2")).isEqualTo("Иванова А. А.");
      assertThat(text(sheet, "A7")).isEqualTo("Вид населённого пункта");
      assertThat(locked(sheet, "A2")).isTrue();
      assertThat(locked(sheet, "B2")).isFalse();
      assertThat(locked(sheet, "B5")).isTrue();
      assertThat(sheet.getRow(4).getCell(1).getCellFormula())
          .isEqualTo("IF(COUNT(B3,B4)=0,\"\",SUM(B3,B4))");
      var opened = sheet.getRow(5).getCell(1);
      assertThat(opened.getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(opened.getLocalDateTimeCellValue().toLocalDate())
          .isEqualTo(java.time.LocalDate.of(1985, 9, 1));
      assertThat(validationAt(sheet, "B7").getValidationConstraint().getExplicitListValues())
          .containsExactly("город", "посёлок городского типа", "сельская местность");
      assertThat(validationAt(sheet, "B3").getValidationConstraint().getFormula2())
          .isEqualTo("1000");
      assertThat(text(sheet, "C3")).isEqualTo("целое число от 0 до 1000; обязательно");
    }
  }

  @Test
  void longOptionListsLiveOnAVeryHiddenSheetAndTextIsFormulaSafe() throws IOException {
    List<String> options = new ArrayList<>();
    for (int i = 1; i <= 60; i++) {
      options.add("Вариант ответа номер " + i);
    }
    FormSchema schema =
        FormSchemas.prepare(
            new FormSchema(
                List.of(
                    new SheetSpec(
                        "s",
                        "Опрос",
                        null,
                        List.of(
                            ColumnSpec.of("answer", "Ответ", ColumnType.ENUM).withOptions(options),
                            ColumnSpec.of("note", "Примечание", ColumnType.TEXT).withMaxLength(50)),
                        null,
                        null,
                        null,
                        10))),
            List.of());
    Path file =
        write(
            dir,
            template(schema, signature(1), Map.of("s", List.of(row("note", "=HYPERLINK(\"x\")")))));

    try (XSSFWorkbook workbook = open(file)) {
      assertThat(workbook.getSheetName(2)).isEqualTo("Списки");
      assertThat(workbook.getSheetVisibility(2)).isEqualTo(SheetVisibility.VERY_HIDDEN);
      XSSFSheet sheet = workbook.getSheet("Опрос");
      var answer = validationAt(sheet, "A2").getValidationConstraint();
      assertThat(answer.getValidationType()).isEqualTo(ValidationType.LIST);
      assertThat(answer.getFormula1()).isEqualTo("oko_list_1");
      assertThat(workbook.getName("oko_list_1").getRefersToFormula())
          .isEqualTo("'Списки'!$A$1:$A$60");
      assertThat(text(workbook.getSheet("Списки"), "A60")).isEqualTo("Вариант ответа номер 60");
      var note = validationAt(sheet, "B2").getValidationConstraint();
      assertThat(note.getValidationType()).isEqualTo(ValidationType.TEXT_LENGTH);
      assertThat(note.getFormula1()).isEqualTo("50");
      assertThat(sheet.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.STRING);
      assertThat(text(sheet, "B2")).isEqualTo("'=HYPERLINK(\"x\")");
    }
  }
}
