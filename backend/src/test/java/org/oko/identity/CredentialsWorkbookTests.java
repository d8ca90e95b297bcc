package org.oko.identity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.oko.testing.PrintedSheets;

/** The credentials list is printed and cut into slips: it must print as one table. */
class CredentialsWorkbookTests {

  @Test
  void theListPrintsLandscapeOnePageWideWithItsHeaderOnEveryPage() throws IOException {
    byte[] xlsx =
        CredentialsWorkbook.write(
            List.of(
                new CredentialsWorkbook.Line(
                    "edu640001", "МОУ СОШ № 1", "Энгельсский район", "abcdefghjk")),
            "регион 64",
            ZonedDateTime.of(2026, 3, 1, 10, 0, 0, 0, ZoneId.of("Europe/Moscow")));

    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      PrintedSheets.assertPrintsAsTable(workbook.getSheet(CredentialsWorkbook.SHEET), 2, 2);
    }
  }
}
