package org.oko.kits;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.oko.platform.excel.FormulaSafe;
import org.oko.platform.excel.WorkbookBytes;

/**
 * «Логины для анкетирования» as an .xlsx (issue 20): one sheet, the campaign and the link on top,
 * then one line per issued login with its organization's columns, so that a college prints or mails
 * its teachers' logins and a region sorts and filters them by organization. The printable strips to
 * cut stay on the organization's page. Every text cell formula-safe.
 */
final class QuestionnaireLoginsWorkbook {

  static final String SHEET = "Логины для анкетирования";
  static final int HEADER_ROW = 3;
  static final String[] HEADER = {
    "Регион",
    "Муниципалитет",
    "Логин ОО",
    "Организация",
    "№",
    "Логин для анкетирования",
    "Пароль",
    "Ссылка"
  };

  private QuestionnaireLoginsWorkbook() {}

  static byte[] write(QuestionnaireLoginExportService.Export export) {
    return WorkbookBytes.write(500, workbook -> fill(workbook, export));
  }

  private static void fill(SXSSFWorkbook workbook, QuestionnaireLoginExportService.Export export) {
    Sheet sheet = workbook.createSheet(SHEET);
    CellStyle bold = WorkbookBytes.bold(workbook);
    text(sheet.createRow(0), 0, "Логины для анкетирования: " + export.campaign().title())
        .setCellStyle(bold);
    text(
        sheet.createRow(1),
        0,
        export.respondents()
            + ": один логин и пароль — одному участнику, вход по ссылке "
            + export.link()
            + ". Логинов в книге: "
            + export.logins().size()
            + (export.logins().isEmpty() ? " — организации ещё не получили логины" : ""));
    Row header = sheet.createRow(HEADER_ROW);
    for (int c = 0; c < HEADER.length; c++) {
      text(header, c, HEADER[c]).setCellStyle(bold);
    }
    sheet.createFreezePane(0, HEADER_ROW + 1);
    int r = HEADER_ROW + 1;
    String organization = null;
    int number = 0;
    for (QuestionnaireLoginStore.IssuedLogin login : export.logins()) {
      number = login.organizationLogin().equals(organization) ? number + 1 : 1;
      organization = login.organizationLogin();
      Row row = sheet.createRow(r++);
      text(row, 0, login.regionCode());
      text(row, 1, login.municipalityName());
      text(row, 2, login.organizationLogin());
      text(row, 3, login.organizationName());
      row.createCell(4).setCellValue(number);
      text(row, 5, login.login());
      text(row, 6, login.password());
      text(row, 7, export.link());
    }
    int[] widths = {8, 28, 14, 50, 6, 24, 10, 36};
    for (int c = 0; c < widths.length; c++) {
      sheet.setColumnWidth(c, widths[c] * 256);
    }
  }

  private static Cell text(Row row, int column, String value) {
    Cell cell = row.createCell(column);
    if (value != null) {
      cell.setCellValue(FormulaSafe.text(value));
    }
    return cell;
  }
}
