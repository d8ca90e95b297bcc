package org.oko.platform.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.UnprocessableException;

/**
 * The plain fill-in template the staff register and the accounts' bulk creation hand out (seed
 * 000_c9abf0b417e3d9bf.txt: the region fills the organizations' staff in a template): written with
 * its help sheet, filled as a user would, and read back only below titles still in place.
 */
class FillInTemplateTests {

  private static final List<String> TITLES = List.of("Логин", "ФИО", "Телефон");

  @TempDir Path dir;

  @Test
  void aFilledTemplateIsReadRowByRowBelowItsTitlesAndHelpsInItsOwnSheet() throws Exception {
    byte[] template = template();
    Path filled =
        filled(template, sheet -> row(sheet, 1, "sch64001", "  Иванова Анна  ", "+79000000001"));

    List<String> read = new ArrayList<>();
    FillInTemplate.read(
        filled,
        WorkbookReader.Limits.DEFAULT,
        "Работники",
        TITLES,
        "нет листа",
        (row, cells) -> read.add(row + ":" + FillInTemplate.text(cells.get("B"))));

    assertThat(read).containsExactly("2:Иванова Анна");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template))) {
      assertThat(book.getSheet(FillInTemplate.HELP_SHEET).getRow(1).getCell(0).toString())
          .isEqualTo("Если в файле есть ошибка, не изменится ничего.");
      assertThat(book.getSheet("Работники").getRow(0).getCell(0).getCellStyle().getFont())
          .matches(font -> font.getBold(), "bold");
    }
  }

  @Test
  void swappedColumnsAreRefusedByTheirCellAndNoRowIsHandedOn() throws Exception {
    Path filled =
        filled(
            template(),
            sheet -> {
              // Typed over as a user would (new cells: POI keeps an edited inline string's text).
              sheet.removeRow(sheet.getRow(0));
              row(sheet, 0, "Логин", "Телефон", "ФИО");
              row(sheet, 1, "sch64001", "+79000000001", "Иванова Анна");
            });
    List<Integer> handed = new ArrayList<>();

    assertThatThrownBy(
            () ->
                FillInTemplate.read(
                    filled,
                    WorkbookReader.Limits.DEFAULT,
                    "Работники",
                    TITLES,
                    "нет листа",
                    (row, cells) -> handed.add(row)))
        .isInstanceOfSatisfying(
            UnprocessableException.class,
            e -> {
              assertThat(e.problems())
                  .extracting(FieldProblem::sheet, FieldProblem::cell)
                  .containsExactly(org.assertj.core.groups.Tuple.tuple("Работники", "B1"));
              assertThat(e.getMessage())
                  .startsWith("Лист «Работники»: В ячейке B1 должен быть заголовок «ФИО»");
            });
    assertThat(handed).isEmpty();
  }

  @Test
  void aWorkbookWithoutTheSheetIsRefusedWithTheFeaturesReason() throws Exception {
    Path other = filled(template(), sheet -> sheet.getWorkbook().setSheetName(0, "Лист1"));

    assertThatThrownBy(
            () ->
                FillInTemplate.read(
                    other,
                    WorkbookReader.Limits.DEFAULT,
                    "Работники",
                    TITLES,
                    "В книге нет листа «Работники»: скачайте шаблон и заполните его",
                    (row, cells) -> {}))
        .isInstanceOfSatisfying(
            UnprocessableException.class,
            e -> {
              assertThat(e.getMessage())
                  .isEqualTo("В книге нет листа «Работники»: скачайте шаблон и заполните его");
              assertThat(e.problems()).extracting(FieldProblem::sheet).containsExactly("Работники");
            });
  }

  private static byte[] template() {
    return WorkbookBytes.write(
        10,
        workbook -> {
          Sheet sheet = workbook.createSheet("Работники");
          FillInTemplate.titles(sheet, 0, TITLES, WorkbookBytes.bold(workbook));
          FillInTemplate.help(
              workbook,
              List.of(
                  "Одна строка — один работник.",
                  "Если в файле есть ошибка, не изменится ничего."));
        });
  }

  private interface Filling {
    void fill(Sheet sheet);
  }

  /** The template opened, filled on its first sheet as a user would, and saved as an upload. */
  private Path filled(byte[] template, Filling filling) throws Exception {
    Path file = Files.createTempFile(dir, "filled", ".xlsx");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template));
        var out = Files.newOutputStream(file)) {
      filling.fill(book.getSheetAt(0));
      book.write(out);
    }
    return file;
  }

  private static void row(Sheet sheet, int at, String... cells) {
    var row = sheet.createRow(at);
    for (int c = 0; c < cells.length; c++) {
      row.createCell(c).setCellValue(cells[c]);
    }
  }
}
