package org.oko.accounts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.oko.platform.security.Role;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.UnprocessableException;

/**
 * The bulk-creation workbook: the template (one sheet «Учётные записи», titles on row 1, one
 * account per row from row 2) and its reading, and the one-time list of created logins and
 * passwords. Written with SXSSF, read with the streaming {@link WorkbookReader}.
 */
final class AccountsWorkbook {

  static final String SHEET = "Учётные записи";
  static final String[] TITLES = {
    "Логин",
    "ФИО или должность",
    "Роль",
    "Код региона",
    "Муниципалитет",
    "Организация (логин)",
    "Мобильный телефон",
    "Электронная почта"
  };
  static final String[] LETTERS = {"A", "B", "C", "D", "E", "F", "G", "H"};

  /** At most this many accounts per file. */
  static final int MAX_ROWS = 20_000;

  /** One row as typed; {@code row} is Excel's row number. */
  record Line(
      int row,
      String login,
      String displayName,
      String role,
      String regionCode,
      String municipality,
      String organization,
      String phone,
      String email) {}

  /** A created account and its password. */
  record Created(String login, String displayName, Role role, String place, String password) {}

  private AccountsWorkbook() {}

  /** The role a cell names: its Russian name as the template offers it, or the code. */
  static Role role(String typed) {
    if (typed == null) {
      return null;
    }
    String t = typed.strip();
    for (Role r : Role.values()) {
      if (r.name().equalsIgnoreCase(t) || label(r).equalsIgnoreCase(t)) {
        return r;
      }
    }
    return null;
  }

  static String label(Role role) {
    return switch (role) {
      case FEDERAL -> "Федеральный организатор";
      case REGIONAL -> "Региональный координатор";
      case MUNICIPAL -> "Муниципальный координатор";
      case RESPONSIBLE -> "Ответственный координатор";
      case ORGANIZATION -> "Сотрудник организации";
      case SCANNER -> "Специалист центра сканирования";
      case EXPERT -> "Эксперт";
      case OBSERVER -> "Наблюдатель";
      case PARTICIPANT -> "Участник";
      case API_CLIENT -> "Региональная система";
    };
  }

  /** The template: titles, a hint row's worth of examples in a comment-free layout, role list. */
  static byte[] template(List<Role> grantable) {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet(SHEET);
      CellStyle bold = boldStyle(workbook);
      Row titles = sheet.createRow(0);
      for (int c = 0; c < TITLES.length; c++) {
        titles.createCell(c).setCellValue(TITLES[c]);
        titles.getCell(c).setCellStyle(bold);
        sheet.setColumnWidth(c, (c == 1 || c == 4 ? 36 : 20) * 256);
      }
      sheet.createFreezePane(0, 1);
      DataValidationHelper helper = sheet.getDataValidationHelper();
      String[] roles = grantable.stream().map(AccountsWorkbook::label).toArray(String[]::new);
      DataValidation roleList =
          helper.createValidation(
              helper.createExplicitListConstraint(roles),
              new CellRangeAddressList(1, MAX_ROWS, 2, 2));
      roleList.setShowErrorBox(true);
      roleList.createErrorBox("Роль", "Выберите роль из списка");
      sheet.addValidationData(roleList);
      Sheet help = workbook.createSheet("Как заполнить");
      String[] lines = {
        "Одна строка — одна учётная запись; строка заголовков — первая.",
        "Логин: строчные латинские буквы, цифры, точка, дефис, подчёркивание (3–64 знака).",
        "Роль: из списка. Код региона: две цифры (для федерального организатора — любой регион).",
        "Муниципальному координатору укажите муниципалитет (название, как в OKO).",
        "Сотруднику организации укажите логин организации; эксперту и специалисту центра"
            + " сканирования — по желанию.",
        "Телефон и почта регионального координатора обязательны.",
        "Если в файле есть ошибка, не будет создана ни одна учётная запись: исправьте и загрузите"
            + " снова.",
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
                  return;
                }
                if (!titleProblems.isEmpty()) {
                  return;
                }
                lines.add(
                    new Line(
                        row,
                        cell(cells, "A"),
                        cell(cells, "B"),
                        cell(cells, "C"),
                        cell(cells, "D"),
                        cell(cells, "E"),
                        cell(cells, "F"),
                        cell(cells, "G"),
                        cell(cells, "H")));
              });
      if (!found) {
        throw new UnprocessableException(
            "sheet", "В книге нет листа «" + SHEET + "»: скачайте шаблон и заполните его");
      }
    }
    if (!titleProblems.isEmpty()) {
      throw new UnprocessableException(titleProblems.get(0).message(), titleProblems);
    }
    if (lines.isEmpty()) {
      throw new UnprocessableException(
          "sheet", "На листе «" + SHEET + "» нет ни одной учётной записи (со строки 2)");
    }
    return lines;
  }

  private static void checkTitles(Map<String, String> cells, List<FieldProblem> problems) {
    for (int c = 0; c < TITLES.length; c++) {
      String found = cell(cells, LETTERS[c]);
      if (!TITLES[c].equals(found)) {
        problems.add(
            FieldProblem.inCell(
                SHEET,
                LETTERS[c] + "1",
                found,
                "Заголовок столбца "
                    + LETTERS[c]
                    + " должен быть «"
                    + TITLES[c]
                    + "»: скачайте шаблон заново"));
        return;
      }
    }
  }

  private static String cell(Map<String, String> cells, String letter) {
    String value = cells.get(letter);
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** The one-time list of created logins and passwords. */
  static byte[] created(List<Created> accounts) {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("Логины и пароли");
      CellStyle bold = boldStyle(workbook);
      Row note = sheet.createRow(0);
      note.createCell(0)
          .setCellValue(
              "Конфиденциально. Пароли показываются один раз: при утере сбросьте пароль в OKO.");
      note.getCell(0).setCellStyle(bold);
      String[] header = {"Логин", "ФИО или должность", "Роль", "Где", "Пароль"};
      Row titles = sheet.createRow(2);
      for (int c = 0; c < header.length; c++) {
        titles.createCell(c).setCellValue(header[c]);
        titles.getCell(c).setCellStyle(bold);
      }
      int r = 3;
      for (Created a : accounts) {
        Row row = sheet.createRow(r++);
        row.createCell(0).setCellValue(a.login());
        row.createCell(1).setCellValue(FormulaSafe.text(a.displayName()));
        row.createCell(2).setCellValue(label(a.role()));
        row.createCell(3).setCellValue(FormulaSafe.text(a.place()));
        row.createCell(4).setCellValue(a.password());
      }
      sheet.createFreezePane(0, 3);
      sheet.setColumnWidth(0, 20 * 256);
      sheet.setColumnWidth(1, 36 * 256);
      sheet.setColumnWidth(2, 30 * 256);
      sheet.setColumnWidth(3, 40 * 256);
      sheet.setColumnWidth(4, 14 * 256);
      workbook.write(out);
      workbook.dispose();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CellStyle boldStyle(SXSSFWorkbook workbook) {
    CellStyle bold = workbook.createCellStyle();
    Font font = workbook.createFont();
    font.setBold(true);
    bold.setFont(font);
    return bold;
  }
}
