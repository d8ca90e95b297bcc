package org.oko.platform.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cells by column letter (how the sample reads its workbooks): numbers by value, dates as shown.
 */
class WorkbookReaderByLetterTests {

  @TempDir Path dir;

  @Test
  void aDateCellReadsAsItsDateWhateverItsFormatAndNeverAsItsDayNumber() throws Exception {
    Map<String, String> formats = new LinkedHashMap<>();
    formats.put("A", "m/d/yy"); // built-in 14: Excel's short date, shown by the reader's locale
    formats.put("B", "dd/mm/yy"); // what LibreOffice saves for a date typed in Russian
    formats.put("C", "[$-419]DD.MM.YYYY");
    formats.put("D", "d mmmm yyyy");
    Path file = dir.resolve("dates.xlsx");
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(file)) {
      Row row = workbook.createSheet("Лист1").createRow(0);
      int column = 0;
      for (String format : formats.values()) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        Cell cell = row.createCell(column++);
        cell.setCellValue(46096); // 15.03.2026
        cell.setCellStyle(style);
      }
      workbook.write(out);
    }

    Map<String, String> read = new LinkedHashMap<>();
    read(file, read);

    assertThat(read)
        .containsExactly(
            Map.entry("A", "15.03.2026"),
            Map.entry("B", "15.03.2026"),
            Map.entry("C", "15.03.2026"),
            Map.entry("D", "15.03.2026"));
  }

  @Test
  void numbersReadByTheirValueNotByTheirDisplayFormat() throws Exception {
    Path file = dir.resolve("numbers.xlsx");
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(file)) {
      Row row = workbook.createSheet("Лист1").createRow(0);
      CellStyle twoDecimals = workbook.createCellStyle();
      twoDecimals.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
      CellStyle noDecimals = workbook.createCellStyle();
      noDecimals.setDataFormat(workbook.createDataFormat().getFormat("0"));
      row.createCell(0).setCellValue(46096);
      row.createCell(1).setCellValue(12);
      row.getCell(1).setCellStyle(twoDecimals);
      row.createCell(2).setCellValue(12.4);
      row.getCell(2).setCellStyle(noDecimals);
      row.createCell(3).setCellValue(0.1 + 0.2);
      workbook.write(out);
    }

    Map<String, String> read = new LinkedHashMap<>();
    read(file, read);

    assertThat(read)
        .containsExactly(
            Map.entry("A", "46096"),
            Map.entry("B", "12"),
            Map.entry("C", "12.4"),
            Map.entry("D", "0.3"));
  }

  private static void read(Path file, Map<String, String> into) {
    try (WorkbookReader workbook = WorkbookReader.open(file, WorkbookReader.Limits.DEFAULT)) {
      workbook.readSheetByLetter("Лист1", (r, cells) -> into.putAll(cells));
    }
  }
}
