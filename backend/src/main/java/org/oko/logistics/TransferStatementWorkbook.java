package org.oko.logistics;

import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.oko.orgs.OrganizationRef;
import org.oko.platform.excel.PrintLayout;
import org.oko.platform.excel.WorkbookBytes;

/**
 * The transfer statement (ведомость) of a region or municipality, as an .xlsx written with SXSSF:
 * one row per selected organization, the left part signed when the materials are handed over, the
 * right part when the return delivery packets (ВДП) come back.
 */
final class TransferStatementWorkbook {

  /** One organization's row: what it receives, and how many return packets came back so far. */
  record Line(
      OrganizationRef organization, MaterialRules.Summary materials, long returnedPackets) {}

  static final String SHEET = "Ведомость";
  static final String TITLE = "Ведомость передачи материалов";
  static final String HANDING_OVER = "Выдача материалов в ОО";
  static final String RETURN = "Возврат ВДП от ОО";
  static final String[] HEADER = {
    "№",
    "Логин",
    "Наименование ОО",
    "Муниципалитет",
    "ИК",
    "Пакетов",
    "Передал (подпись)",
    "Получил (подпись, ФИО)",
    "Дата",
    "ВДП к возврату",
    "ВДП принято",
    "Сдал (подпись, ФИО)",
    "Принял (подпись)",
    "Дата"
  };

  /** The header is on row 5 (1-based), the first organization on row 6. */
  static final int HEADER_ROW = 4;

  private static final int RETURN_FROM = 9;

  private TransferStatementWorkbook() {}

  static byte[] write(String campaignTitle, String scope, List<Line> lines) {
    return WorkbookBytes.write(200, workbook -> fill(workbook, campaignTitle, scope, lines));
  }

  private static void fill(
      SXSSFWorkbook workbook, String campaignTitle, String scope, List<Line> lines) {
    Sheet sheet = workbook.createSheet(SHEET);
    CellStyle bold = Cells.bold(workbook);

    Cells.text(sheet.createRow(0), 0, TITLE).setCellStyle(bold);
    Cells.text(sheet.createRow(1), 0, campaignTitle);
    Cells.text(sheet.createRow(2), 0, scope);

    Row parts = sheet.createRow(HEADER_ROW - 1);
    Cells.text(parts, 0, HANDING_OVER).setCellStyle(bold);
    Cells.text(parts, RETURN_FROM, RETURN).setCellStyle(bold);
    sheet.addMergedRegion(new CellRangeAddress(HEADER_ROW - 1, HEADER_ROW - 1, 0, RETURN_FROM - 1));
    sheet.addMergedRegion(
        new CellRangeAddress(HEADER_ROW - 1, HEADER_ROW - 1, RETURN_FROM, HEADER.length - 1));
    // Wrapped: the columns are narrow so that the statement prints one page wide.
    CellStyle titles = Cells.bold(workbook);
    titles.setWrapText(true);
    titles.setVerticalAlignment(VerticalAlignment.TOP);
    Row header = sheet.createRow(HEADER_ROW);
    for (int c = 0; c < HEADER.length; c++) {
      Cells.text(header, c, HEADER[c]).setCellStyle(titles);
    }

    int r = HEADER_ROW + 1;
    int number = 1;
    long kits = 0;
    long packets = 0;
    long toReturn = 0;
    long returned = 0;
    for (Line line : lines) {
      OrganizationRef org = line.organization();
      Row row = sheet.createRow(r++);
      Cells.number(row, 0, number++);
      Cells.text(row, 1, org.login());
      Cells.text(row, 2, org.name());
      Cells.text(row, 3, org.municipalityName() == null ? "—" : org.municipalityName());
      Cells.number(row, 4, line.materials().kits());
      Cells.number(row, 5, line.materials().deliveryPackets());
      Cells.number(row, RETURN_FROM, line.materials().returnPackets());
      Cells.number(row, RETURN_FROM + 1, line.returnedPackets());
      kits += line.materials().kits();
      packets += line.materials().deliveryPackets();
      toReturn += line.materials().returnPackets();
      returned += line.returnedPackets();
    }
    Row totals = sheet.createRow(r);
    Cells.text(totals, 2, "Итого: " + lines.size() + " ОО").setCellStyle(bold);
    Cells.number(totals, 4, kits);
    Cells.number(totals, 5, packets);
    Cells.number(totals, RETURN_FROM, toReturn);
    Cells.number(totals, RETURN_FROM + 1, returned);

    sheet.createFreezePane(0, HEADER_ROW + 1);
    // Both parts' titles on every page: the return columns are signed months later.
    PrintLayout.table(sheet, HEADER_ROW - 1, HEADER_ROW);
    int[] widths = {5, 12, 50, 32, 8, 9, 16, 24, 12, 10, 10, 24, 16, 12};
    for (int c = 0; c < widths.length; c++) {
      sheet.setColumnWidth(c, widths[c] * 256);
    }
  }
}
