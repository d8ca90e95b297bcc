package org.oko.accounts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.oko.platform.excel.FormulaSafe;
import org.oko.platform.excel.WorkbookReader;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.UnprocessableException;

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
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
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
      DataValidationHelper helper = sheet.getDataValidationHelper();
      DataValidation duties =
          helper.createValidation(
              helper.createExplicitListConstraint(
                  Arrays.stream(StaffDuty.values()).map(StaffDuty::label).toArray(String[]::new)),
              new CellRangeAddressList(1, MAX_ROWS, DUTY, DUTY));
      duties.setShowErrorBox(true);
      duties.createErrorBox("Должность", "Выберите должность из списка");
      sheet.addValidationData(duties);
      Sheet help = workbook.createSheet("Как заполнить");
      String[] lines = {
        "Одна строка — один работник; строка заголовков — первая. Логин для работника не нужен.",
        "Организация — её логин в OKO (столбец A); наименование (B) при загрузке не читается.",
        "Должность: ответственный организатор, организатор в аудитории, технический специалист.",
        "Строку, где не заполнены ни ФИО, ни контакты, OKO пропускает (это пустая строка шаблона).",
        "Загрузка заменяет список работников каждой организации, названной в файле.",
        "Если в файле есть ошибка, не изменится ничего: исправьте и загрузите снова.",
      };
      for (int i = 0; i < lines.length; i++) {
        help.createRow(i).createCell(0).setCellValue(lines[i]);
      }
      workbook.write(out);
      workbook.dispose();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the rows of a staged upload; refuses a file without the sheet or with moved titles. */
  static List<Line> read(Path file) {
    List<Line> lines = new ArrayList<>();
    List<FieldProblem> titleProblems = new ArrayList<>();
    try (WorkbookReader reader =
        WorkbookReader.open(file, new WorkbookReader.Limits(MAX_ROWS + 1, 1_000))) {
      boolean found =
          reader.readSheetByLetter(
              SHEET,
              (row, cells) -> {
                if (row == 1) {
                  checkTitles(cells, titleProblems);
                } else if (titleProblems.isEmpty()) {
                  lines.add(
                      new Line(
                          row,
                          cell(cells, "A"),
                          cell(cells, "C"),
                          cell(cells, "D"),
                          cell(cells, "E"),
                          cell(cells, "F")));
                }
              });
      if (!found) {
        throw new UnprocessableException(
            "sheet", "В книге нет листа «" + SHEET + "»: скачайте шаблон и заполните его");
      }
    }
    if (!titleProblems.isEmpty()) {
      throw new UnprocessableException(titleProblems.get(0).message(), titleProblems);
    }
    return lines;
  }

  private static void checkTitles(Map<String, String> cells, List<FieldProblem> problems) {
    for (int c = 0; c < TITLES.length && problems.isEmpty(); c++) {
      String found = cell(cells, LETTERS[c]);
      if (!TITLES[c].equalsIgnoreCase(found == null ? "" : found)) {
        problems.add(
            FieldProblem.inCell(
                SHEET,
                LETTERS[c] + "1",
                found,
                "Лист «"
                    + SHEET
                    + "», ячейка "
                    + LETTERS[c]
                    + "1: заголовок столбца должен быть «"
                    + TITLES[c]
                    + "» — скачайте шаблон заново"));
      }
    }
  }

  private static String cell(Map<String, String> cells, String letter) {
    String value = cells.get(letter);
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** The list of responsible organizers as the region sent it. */
  static byte[] submitted(String heading, List<SubmittedLine> lines) {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
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
      workbook.write(out);
      workbook.dispose();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void titles(SXSSFWorkbook workbook, Sheet sheet, int at, String[] titles) {
    CellStyle bold = workbook.createCellStyle();
    Font font = workbook.createFont();
    font.setBold(true);
    bold.setFont(font);
    Row row = sheet.createRow(at);
    for (int c = 0; c < titles.length; c++) {
      row.createCell(c).setCellValue(titles[c]);
      row.getCell(c).setCellStyle(bold);
      sheet.setColumnWidth(c, (c == 1 || c == 3 ? 40 : 22) * 256);
    }
  }

  private static void text(Row row, int column, String value) {
    if (value != null) {
      row.createCell(column).setCellValue(FormulaSafe.text(value));
    }
  }
}
