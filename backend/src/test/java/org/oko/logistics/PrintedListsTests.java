package org.oko.logistics;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.oko.orgs.OrganizationRef;
import org.oko.testing.PrintedSheets;

/**
 * The transfer statement and the inventory are signed on paper: each prints as one table, its
 * signature columns on the same page as their rows, its titles on every page.
 */
class PrintedListsTests {

  private static final OrganizationRef SCHOOL =
      new OrganizationRef(1, "edu640001", "МОУ СОШ № 1", "64", 5L, "Энгельсский район");

  @Test
  void theTransferStatementPrintsBothPartsOnePageWideWithTheirTitlesOnEveryPage()
      throws IOException {
    byte[] xlsx =
        TransferStatementWorkbook.write(
            "ВПР 2026",
            "Энгельсский район",
            List.of(
                new TransferStatementWorkbook.Line(
                    SCHOOL, new MaterialRules.Summary(12, 3, 2), 0)));

    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      PrintedSheets.assertPrintsAsTable(
          workbook.getSheet(TransferStatementWorkbook.SHEET),
          TransferStatementWorkbook.HEADER_ROW - 1,
          TransferStatementWorkbook.HEADER_ROW);
    }
  }

  @Test
  void theInventoryPrintsOnePageWideWithItsTitlesOnEveryPage() throws IOException {
    byte[] xlsx =
        InventoryWorkbook.write(
            "ВПР 2026", SCHOOL, List.of(new MaterialRules.Line(4, "Русский язык", "Комплект", 12)));

    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      PrintedSheets.assertPrintsAsTable(
          workbook.getSheet(InventoryWorkbook.SHEET),
          InventoryWorkbook.HEADER_ROW,
          InventoryWorkbook.HEADER_ROW);
    }
  }
}
