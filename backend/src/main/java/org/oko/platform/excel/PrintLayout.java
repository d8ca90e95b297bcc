package org.oko.platform.excel;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * How the lists OKO hands out print: people sign the transfer statement and the inventory on paper
 * and cut passwords out of the credentials list, so a sheet must come out of the printer readable
 * without anyone setting up the page. Without a page setup Excel and LibreOffice print the columns
 * that fit on a portrait page and the rest on further pages (a wide statement came out one column
 * per page, its signature columns far from their rows), and every formatted row, filled or not.
 */
public final class PrintLayout {

  private PrintLayout() {}

  /**
   * A table to print: landscape A4, every column on one page wide (as many pages tall as the rows
   * need, so a row and its signature columns stay together), the titles rows repeated on every
   * page, gridlines printed so that each row can be followed to its signature.
   *
   * @param firstTitleRow the 0-based first row to repeat on each page (a group row, or the titles)
   * @param lastTitleRow the 0-based last row to repeat
   */
  public static void table(Sheet sheet, int firstTitleRow, int lastTitleRow) {
    sheet.setFitToPage(true);
    sheet.setAutobreaks(true);
    PrintSetup print = sheet.getPrintSetup();
    print.setLandscape(true);
    print.setPaperSize(PrintSetup.A4_PAPERSIZE);
    print.setFitWidth((short) 1);
    print.setFitHeight((short) 0); // 0: as many pages tall as needed
    sheet.setRepeatingRows(new CellRangeAddress(firstTitleRow, lastTitleRow, -1, -1));
    sheet.setPrintGridlines(true);
    sheet.setHorizontallyCenter(true);
  }

  /**
   * Prints only columns {@code 0..lastColumn} of rows {@code 0..lastRow} (0-based): a template
   * formats thousands of empty rows to type in, which would otherwise print as hundreds of empty
   * pages.
   */
  public static void area(Sheet sheet, int lastColumn, int lastRow) {
    sheet
        .getWorkbook()
        .setPrintArea(
            sheet.getWorkbook().getSheetIndex(sheet), 0, Math.max(lastColumn, 0), 0, lastRow);
  }
}
