package org.oko.accounts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.oko.platform.excel.FillInTemplate;
import org.oko.platform.excel.FormulaSafe;
import org.oko.platform.excel.WorkbookBytes;
import org.oko.platform.excel.WorkbookReader;
import org.oko.platform.security.Role;
import org.oko.platform.web.UnprocessableException;

/**
 * The bulk-creation workbook: the template (one sheet «Учётные записи», titles on row 1, one
 * account per row from row 2) and its reading, and the one-time list of created logins and
 * passwords. Written and read by {@link FillInTemplate} (SXSSF; the streaming {@link
 * WorkbookReader}, only below titles found in place).
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
    return WorkbookBytes.write(100, workbook -> template(workbook, grantable));
  }

  private static void template(SXSSFWorkbook workbook, List<Role> grantable) {
    Sheet sheet = workbook.createSheet(SHEET);
    FillInTemplate.titles(sheet, 0, List.of(TITLES), WorkbookBytes.bold(workbook));
    for (int c = 0; c < TITLES.length; c++) {
      sheet.setColumnWidth(c, (c == 1 || c == 4 ? 36 : 20) * 256);
    }
    sheet.createFreezePane(0, 1);
    FillInTemplate.choices(
        sheet,
        2,
        MAX_ROWS,
        grantable.stream().map(AccountsWorkbook::label).toList(),
        "Роль",
        "Выберите роль из списка");
    FillInTemplate.help(
        workbook,
        List.of(
            "Одна строка — одна учётная запись; строка заголовков — первая.",
            "Логин: строчные латинские буквы, цифры, точка, дефис, подчёркивание (3–64 знака).",
            "Роль: из списка. Код региона: две цифры (для федерального организатора — любой"
                + " регион).",
            "Муниципальному координатору укажите муниципалитет (название, как в OKO).",
            "Сотруднику организации укажите логин организации; эксперту и специалисту центра"
                + " сканирования — по желанию.",
            "Телефон и почта регионального координатора обязательны.",
            "Если в файле есть ошибка, не будет создана ни одна учётная запись: исправьте и"
                + " загрузите снова."));
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
        (row, cells) -> lines.add(line(row, cells)));
    if (lines.isEmpty()) {
      throw new UnprocessableException(
          "sheet", "На листе «" + SHEET + "» нет ни одной учётной записи (со строки 2)");
    }
    return lines;
  }

  private static Line line(int row, Map<String, String> cells) {
    return new Line(
        row,
        cell(cells, "A"),
        cell(cells, "B"),
        cell(cells, "C"),
        cell(cells, "D"),
        cell(cells, "E"),
        cell(cells, "F"),
        cell(cells, "G"),
        cell(cells, "H"));
  }

  private static String cell(Map<String, String> cells, String letter) {
    return FillInTemplate.text(cells.get(letter));
  }

  /** The one-time list of created logins and passwords. */
  static byte[] created(List<Created> accounts) {
    return WorkbookBytes.write(200, workbook -> created(workbook, accounts));
  }

  private static void created(SXSSFWorkbook workbook, List<Created> accounts) {
    Sheet sheet = workbook.createSheet("Логины и пароли");
    CellStyle bold = WorkbookBytes.bold(workbook);
    Row note = sheet.createRow(0);
    note.createCell(0)
        .setCellValue(
            "Конфиденциально. Пароли показываются один раз: при утере сбросьте пароль в OKO.");
    note.getCell(0).setCellStyle(bold);
    FillInTemplate.titles(
        sheet, 2, List.of("Логин", "ФИО или должность", "Роль", "Где", "Пароль"), bold);
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
  }
}
