package org.oko.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/** What a list OKO hands out must look like to the printer. */
public final class PrintedSheets {

  private PrintedSheets() {}

  /**
   * Landscape A4, every column on one page wide and as many pages tall as needed, these rows
   * (0-based, inclusive) repeated on every page.
   */
  public static void assertPrintsAsTable(XSSFSheet sheet, int firstTitleRow, int lastTitleRow) {
    PrintSetup print = sheet.getPrintSetup();
    assertThat(print.getLandscape()).as("landscape").isTrue();
    assertThat(print.getPaperSize()).as("A4").isEqualTo(PrintSetup.A4_PAPERSIZE);
    assertThat(sheet.getFitToPage()).as("fit to page").isTrue();
    assertThat(print.getFitWidth()).as("one page wide").isEqualTo((short) 1);
    assertThat(print.getFitHeight()).as("as many pages tall as needed").isZero();
    assertThat(sheet.getRepeatingRows())
        .as("titles on every page")
        .isEqualTo(new CellRangeAddress(firstTitleRow, lastTitleRow, -1, -1));
  }
}
