package org.oko.identity;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.oko.platform.excel.PrintLayout;
import org.oko.platform.excel.WorkbookBytes;

/**
 * The one-time list of issued logins and passwords, as an .xlsx written with SXSSF: the file of
 * {@code POST /api/credentials/issues} and of the accounts feature's hand-outs.
 */
public final class CredentialsWorkbook {

  /** One line of the list. */
  public record Line(String login, String organization, String municipality, String password) {

    public static Line of(IssuedCredential issued) {
      return new Line(
          issued.organization().login(),
          issued.organization().name(),
          issued.organization().municipalityName(),
          issued.password());
    }
  }

  static final String SHEET = "Логины и пароли";
  static final String[] HEADER = {"Логин", "Организация", "Муниципалитет", "Пароль"};

  private CredentialsWorkbook() {}

  /** The header is on row 3 (1-based), the first organization on row 4. */
  public static byte[] write(List<Line> lines, String scope, ZonedDateTime issuedAt) {
    return WorkbookBytes.write(200, workbook -> fill(workbook, lines, scope, issuedAt));
  }

  private static void fill(
      SXSSFWorkbook workbook, List<Line> lines, String scope, ZonedDateTime issuedAt) {
    Sheet sheet = workbook.createSheet(SHEET);
    CellStyle bold = WorkbookBytes.bold(workbook);

    Row title = sheet.createRow(0);
    title
        .createCell(0)
        .setCellValue(
            "Конфиденциально. Логины и пароли организаций ("
                + scope
                + "), выданы "
                + issuedAt.format(DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm z"))
                + ". Повторно пароли не показываются: при утере выдайте новые.");
    title.getCell(0).setCellStyle(bold);

    Row header = sheet.createRow(2);
    for (int c = 0; c < HEADER.length; c++) {
      header.createCell(c).setCellValue(HEADER[c]);
      header.getCell(c).setCellStyle(bold);
    }
    int r = 3;
    for (Line line : lines) {
      Row row = sheet.createRow(r++);
      // String cells: Excel never evaluates them, so a name starting with "=" stays text.
      row.createCell(0).setCellValue(line.login());
      row.createCell(1).setCellValue(line.organization());
      row.createCell(2).setCellValue(line.municipality() == null ? "—" : line.municipality());
      row.createCell(3).setCellValue(line.password());
    }
    sheet.createFreezePane(0, 3);
    PrintLayout.table(sheet, 2, 2);
    sheet.setColumnWidth(0, 14 * 256);
    sheet.setColumnWidth(1, 70 * 256);
    sheet.setColumnWidth(2, 36 * 256);
    sheet.setColumnWidth(3, 14 * 256);
  }
}
