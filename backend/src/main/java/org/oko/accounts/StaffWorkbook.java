package org.oko.accounts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.oko.platform.excel.FillInTemplate;
import org.oko.platform.excel.FormulaSafe;
import org.oko.platform.excel.WorkbookBytes;
import org.oko.platform.excel.WorkbookReader;

/**
 * The staff register workbook (seed 000_c9abf0b417e3d9bf.txt): the template (sheet «Работники»,
 * titles on row 1, one person per row), its streaming reading, and the list of responsible
 * organizers a region sent to the federal organizer.
 */
final class StaffWorkbook {

  static final String SHEET = "Работники";
  static final int ORGANIZATION = 0;
  static final int DUTY = 2;
  static final int NAME = 3;
  static final int PHONE = 4;
  static final int EMAIL = 5;
  static final String[] TITLES = {
    "Организация (логин)",
    "Наименование организации",
    "Должность в исследовании",
    "ФИО",
    "Мобильный телефон",
    "Электронная почта"
  };
  static final String[] LETTERS = {"A", "B", "C", "D", "E", "F"};

  /** At most this many people per file. */
  static final int MAX_ROWS = 50_000;

  /** One row as typed; {@code row} is Excel's row number. */
  record Line(
      int row, String organization, String duty, String fullName, String phone, String email) {
    boolean unfilled() {
      return fullName == null && phone == null && email == null;
    }
  }

  /** A row of the template: a person of the register, or an organization's empty line. */
  record TemplateRow(
      String login,
      String organization,
      StaffDuty duty,
      String fullName,
      String phone,
      String email) {}

  /** A line of a submitted list of responsible organizers. */
  record SubmittedLine(
      String login,
      String organization,
      String municipality,
      String fullName,
      String phone,
      String email) {}

  private StaffWorkbook() {}

  static byte[] template(List<TemplateRow> rows) {
    return WorkbookBytes.write(200, workbook -> template(workbook, rows));
  }

  private static void template(SXSSFWorkbook workbook, List<TemplateRow> rows) {
    Sheet sheet = workbook.createSheet(SHEET);
    titles(workbook, sheet, 0, TITLES);
    int r = 1;
    for (TemplateRow row : rows) {
      Row line = sheet.createRow(r++);
      line.createCell(0).setCellValue(row.login());
      line.createCell(1).setCellValue(FormulaSafe.text(row.organization()));
      if (row.duty() != null) {
        line.createCell(2).setCellValue(row.duty().label());
      }
      text(line, 3, row.fullName());
      text(line, 4, row.phone());
      text(line, 5, row.email());
    }
    sheet.createFreezePane(0, 1);
    FillInTemplate.choices(
        sheet,
        DUTY,
        MAX_ROWS,
        Arrays.stream(StaffDuty.values()).map(StaffDuty::label).toList(),
        "Должность",
        "Выберите должность из списка");
    FillInTemplate.help(
        workbook,
        List.of(
            "Одна строка — один работник; строка заголовков — первая. Логин для работника не"
                + " нужен.",
            "Организация — её логин в OKO (столбец A); наименование (B) при загрузке не читается.",
            "Должность: ответственный организатор, организатор в аудитории, технический специалист.",
            "Строку, где не заполнены ни ФИО, ни контакты, OKO пропускает (это пустая строка"
                + " шаблона).",
            "Загрузка заменяет список работников каждой организации, названной в файле.",
            "Если в файле есть ошибка, не изменится ничего: исправьте и загрузите снова."));
  }

  /** Reads the rows of a staged upload; refuses a file without the sheet or with moved titles. */
  static List<Line> read(Path file) {
    List<Line> lines = new ArrayList<>();
    FillInTemplate.read(
        file,
        new WorkbookReader.Limits(MAX_ROWS + 1, 1_000),
        SHEET,
        List.of(TITLES),
        "В книге нет листа «" + SHEET + "»: скачайте шаблон и заполните его",
        (row, cells) ->
            lines.add(
                new Line(
                    row,
                    cell(cells, "A"),
                    cell(cells, "C"),
                    cell(cells, "D"),
                    cell(cells, "E"),
                    cell(cells, "F"))));
    return lines;
  }

  private static String cell(Map<String, String> cells, String letter) {
    return FillInTemplate.text(cells.get(letter));
  }

  /** The list of responsible organizers as the region sent it. */
  static byte[] submitted(String heading, List<SubmittedLine> lines) {
    return WorkbookBytes.write(200, workbook -> submitted(workbook, heading, lines));
  }

  private static void submitted(SXSSFWorkbook workbook, String heading, List<SubmittedLine> lines) {
    Sheet sheet = workbook.createSheet("Ответственные организаторы");
    Row note = sheet.createRow(0);
    note.createCell(0).setCellValue(FormulaSafe.text(heading));
    String[] header = {
      "Организация (логин)",
      "Наименование организации",
      "Муниципалитет",
      "ФИО ответственного организатора",
      "Мобильный телефон",
      "Электронная почта"
    };
    titles(workbook, sheet, 2, header);
    int r = 3;
    for (SubmittedLine l : lines) {
      Row row = sheet.createRow(r++);
      row.createCell(0).setCellValue(l.login());
      text(row, 1, l.organization());
      text(row, 2, l.municipality());
      text(row, 3, l.fullName());
      text(row, 4, l.phone());
      text(row, 5, l.email());
    }
    sheet.createFreezePane(0, 3);
  }

  private static void titles(SXSSFWorkbook workbook, Sheet sheet, int at, String[] titles) {
    FillInTemplate.titles(sheet, at, List.of(titles), WorkbookBytes.bold(workbook));
    for (int c = 0; c < titles.length; c++) {
      sheet.setColumnWidth(c, (c == 1 || c == 3 ? 40 : 22) * 256);
    }
  }

  private static void text(Row row, int column, String value) {
    if (value != null) {
      row.createCell(column).setCellValue(FormulaSafe.text(value));
    }
  }
}
