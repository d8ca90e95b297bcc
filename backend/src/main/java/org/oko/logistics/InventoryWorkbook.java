package org.oko.logistics;

import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.oko.orgs.OrganizationRef;
import org.oko.platform.excel.PrintLayout;
import org.oko.platform.excel.WorkbookBytes;

/**
 * The inventory (опись) of the materials handed to one organization, as an .xlsx written with
 * SXSSF: a heading with the campaign and the organization, one line per subject and material, the
 * totals and the lines to sign when the materials change hands.
 */
final class InventoryWorkbook {

  static final String SHEET = "Опись";
  static final String TITLE = "Опись материалов";
  static final String[] HEADER = {"№", "Класс", "Предмет", "Наименование материала", "Количество"};
  static final String HANDED_OVER =
      "Передал ____________ / ______________________ (ФИО) / дата ________";
  static final String RECEIVED =
      "Принял ____________ / ______________________ (ФИО) / дата ________";

  /** The 0-based row of the table's titles; the heading is above it. */
  static final int HEADER_ROW = 6;

  private InventoryWorkbook() {}

  static byte[] write(String campaignTitle, OrganizationRef org, List<MaterialRules.Line> lines) {
    return WorkbookBytes.write(200, workbook -> fill(workbook, campaignTitle, org, lines));
  }

  private static void fill(
      SXSSFWorkbook workbook,
      String campaignTitle,
      OrganizationRef org,
      List<MaterialRules.Line> lines) {
    Sheet sheet = workbook.createSheet(SHEET);
    CellStyle bold = Cells.bold(workbook);

    Cells.text(sheet.createRow(0), 0, TITLE).setCellStyle(bold);
    Cells.text(sheet.createRow(1), 0, campaignTitle);
    labelled(sheet.createRow(2), "Логин ОО", org.login());
    labelled(sheet.createRow(3), "Наименование ОО", org.name());
    labelled(
        sheet.createRow(4),
        "Муниципалитет",
        org.municipalityName() == null ? "—" : org.municipalityName());

    Row header = sheet.createRow(HEADER_ROW);
    for (int c = 0; c < HEADER.length; c++) {
      Cells.text(header, c, HEADER[c]).setCellStyle(bold);
    }
    int r = HEADER_ROW + 1;
    int number = 1;
    for (MaterialRules.Line line : lines) {
      Row row = sheet.createRow(r++);
      Cells.number(row, 0, number++);
      if (line.grade() == null) {
        Cells.text(row, 1, "—");
      } else {
        Cells.number(row, 1, line.grade());
      }
      Cells.text(row, 2, line.subject());
      Cells.text(row, 3, line.material());
      Cells.number(row, 4, line.quantity());
    }

    r++;
    Cells.text(sheet.createRow(r++), 0, "Итого").setCellStyle(bold);
    for (Map.Entry<String, Integer> total : MaterialRules.totals(lines).entrySet()) {
      Row row = sheet.createRow(r++);
      Cells.text(row, 3, total.getKey());
      Cells.number(row, 4, total.getValue());
    }

    r++;
    Cells.text(sheet.createRow(r++), 0, HANDED_OVER);
    r++;
    Cells.text(sheet.createRow(r), 0, RECEIVED);

    sheet.setColumnWidth(0, 6 * 256);
    sheet.setColumnWidth(1, 18 * 256);
    sheet.setColumnWidth(2, 30 * 256);
    sheet.setColumnWidth(3, 40 * 256);
    sheet.setColumnWidth(4, 12 * 256);
    PrintLayout.table(sheet, HEADER_ROW, HEADER_ROW);
  }

  private static void labelled(Row row, String label, String value) {
    Cells.text(row, 0, label + ":");
    Cells.text(row, 2, value);
  }
}
