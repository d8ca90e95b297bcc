package org.oko.platform.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.oko.platform.excel.TestWorkbooks.cells;
import static org.oko.platform.excel.TestWorkbooks.parts;
import static org.oko.platform.excel.TestWorkbooks.rows;
import static org.oko.platform.excel.TestWorkbooks.write;
import static org.oko.platform.excel.TestWorkbooks.zip;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the reader makes of the cells of real files written by Excel's and LibreOffice's way. */
class WorkbookReaderTests {

  @TempDir Path dir;

  @Test
  void sharedStringsAsExcelWritesThem() throws Exception {
    Path file =
        write(
            dir.resolve("shared.xlsx"),
            new XSSFWorkbook(),
            wb -> {
              Sheet sheet = wb.createSheet("Протокол");
              Row header = sheet.createRow(0);
              header.createCell(0).setCellValue("Класс");
              header.createCell(1).setCellValue("Код участника");
              Row row = sheet.createRow(1);
              row.createCell(0).setCellValue("5А");
              row.createCell(1).setCellValue("  64001  "); // text kept as typed
            });

    assertThat(rows(file, "Протокол"))
        .containsExactly(
            entry(1, cells("Класс", "Код участника")), entry(2, cells("5А", "  64001  ")));
  }

  @Test
  void inlineStringsAsStreamingWritersWriteThem() throws Exception {
    Path file =
        write(
            dir.resolve("inline.xlsx"),
            new SXSSFWorkbook(),
            wb -> {
              Sheet sheet = wb.createSheet("Лист1");
              sheet.createRow(0).createCell(0).setCellValue("Школа № 5 «Радуга»");
              sheet.createRow(2).createCell(1).setCellValue("второй");
            });

    assertThat(rows(file, "Лист1"))
        .containsExactly(entry(1, cells("Школа № 5 «Радуга»")), entry(3, cells(null, "второй")));
  }

  @Test
  void numbersReadAsExcelShowsThem() throws Exception {
    Path file =
        write(
            dir.resolve("numbers.xlsx"),
            new XSSFWorkbook(),
            wb -> {
              Row row = wb.createSheet("Лист1").createRow(0);
              double[] values = {12.0, 0.1 + 0.2, 1e20, -3.5, 1234567.891, 0.000001, 1.0 / 3, 0};
              for (int i = 0; i < values.length; i++) {
                row.createCell(i).setCellValue(values[i]);
              }
              row.createCell(values.length).setCellValue("0012"); // a number stored as text
              row.createCell(values.length + 1).setCellValue(true);
            });

    assertThat(rows(file, "Лист1").get(1))
        .containsExactly(
            "12",
            "0.3",
            "1E+20",
            "-3.5",
            "1234567.891",
            "0.000001",
            "0.333333333333333",
            "0",
            "0012",
            "TRUE");
  }

  @Test
  void dateFormattedNumbersAreDates() throws Exception {
    Path file =
        write(
            dir.resolve("dates.xlsx"),
            new XSSFWorkbook(),
            wb -> {
              CellStyle russian = wb.createCellStyle();
              russian.setDataFormat(wb.createDataFormat().getFormat("dd.mm.yyyy"));
              CellStyle builtIn = wb.createCellStyle();
              builtIn.setDataFormat((short) 14); // m/d/yy
              CellStyle time = wb.createCellStyle();
              time.setDataFormat(wb.createDataFormat().getFormat("h:mm"));
              Row row = wb.createSheet("Лист1").createRow(0);
              row.createCell(0).setCellValue(LocalDate.of(2024, 9, 1));
              row.getCell(0).setCellStyle(russian);
              row.createCell(1).setCellValue(java.time.LocalDateTime.of(2025, 4, 17, 10, 30));
              row.getCell(1).setCellStyle(builtIn);
              row.createCell(2).setCellValue(LocalDate.of(1900, 1, 1));
              row.getCell(2).setCellStyle(russian);
              row.createCell(3).setCellValue(0.5); // 12:00, no day
              row.getCell(3).setCellStyle(time);
              row.createCell(4).setCellValue(45536); // same number, no date style
            });

    assertThat(rows(file, "Лист1").get(1))
        .containsExactly("01.09.2024", "17.04.2025", "01.01.1900", "0.5", "45536");
  }

  @Test
  void datesOfAWorkbookCountingFrom1904() throws Exception {
    var parts = parts("<row r=\"1\"><c r=\"A1\" s=\"1\"><v>44074</v></c></row>");
    parts.put("xl/workbook.xml", TestWorkbooks.workbookXml(true));

    assertThat(rows(zip(dir.resolve("mac.xlsx"), parts), "Лист1"))
        .containsExactly(entry(1, cells("01.09.2024")));
  }

  @Test
  void formulasGiveTheirCachedResultsAndAreNeverEvaluated() throws Exception {
    Path file =
        zip(
            dir.resolve("formulas.xlsx"),
            parts(
                "<row r=\"1\">"
                    + "<c r=\"A1\"><v>6</v></c><c r=\"B1\"><v>2</v></c>"
                    // a stale cached value: an evaluation would give 3
                    + "<c r=\"C1\"><f>A1/B1</f><v>999</v></c>"
                    + "<c r=\"D1\" t=\"e\"><f>A1/0</f><v>#DIV/0!</v></c>"
                    + "<c r=\"E1\" t=\"str\"><f>A1&amp;\"x\"</f><v>6x</v></c>"
                    + "<c r=\"F1\" t=\"b\"><f>A1&gt;B1</f><v>1</v></c>"
                    + "<c r=\"G1\"><f>A1*B1</f></c>" // never calculated: blank
                    + "<c r=\"H1\"><f>1/3</f><v>0.33333333333333331</v></c>"
                    + "</row>"));

    assertThat(rows(file, "Лист1"))
        .containsExactly(
            entry(1, cells("6", "2", "999", "#DIV/0!", "6x", "TRUE", null, "0.333333333333333")));
  }

  @Test
  void mergedHeaderCellsHaveTheirValueInTheFirstCell() throws Exception {
    Path file =
        write(
            dir.resolve("merged.xlsx"),
            new XSSFWorkbook(),
            wb -> {
              Sheet sheet = wb.createSheet("Лист1");
              sheet.createRow(0).createCell(1).setCellValue("Баллы за задания");
              sheet.addMergedRegion(new CellRangeAddress(0, 0, 1, 3));
              Row tasks = sheet.createRow(1);
              tasks.createCell(0).setCellValue("Код");
              for (int i = 1; i <= 3; i++) {
                tasks.createCell(i).setCellValue(i);
              }
            });

    assertThat(rows(file, "Лист1"))
        .containsExactly(
            entry(1, cells(null, "Баллы за задания")), entry(2, cells("Код", "1", "2", "3")));
  }

  @Test
  void trailingEmptyAndFormattedRowsAreNotRows() throws Exception {
    Path file =
        write(
            dir.resolve("trailing.xlsx"),
            new XSSFWorkbook(),
            wb -> {
              Sheet sheet = wb.createSheet("Лист1");
              sheet.createRow(0).createCell(0).setCellValue("Код");
              sheet.createRow(1).createCell(0).setCellValue(1);
              CellStyle bordered = wb.createCellStyle();
              bordered.setBorderBottom(org.apache.poi.ss.usermodel.BorderStyle.THIN);
              for (int r = 2; r < 200; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellStyle(bordered);
                row.createCell(1).setCellValue("   "); // spaces only: blank
                row.createCell(2).setCellValue("");
              }
            });

    assertThat(rows(file, "Лист1")).containsOnlyKeys(1, 2);
  }

  @Test
  void extraColumnsArriveAndTheWidthEndsAtTheLastValue() throws Exception {
    Path file =
        write(
            dir.resolve("wide.xlsx"),
            new XSSFWorkbook(),
            wb -> {
              Row row = wb.createSheet("Лист1").createRow(0);
              row.createCell(0).setCellValue("a");
              row.createCell(27).setCellValue("примечание"); // AB
              row.createCell(30).setCellValue(""); // AE, blank
            });

    try (WorkbookReader reader = WorkbookReader.open(file, WorkbookReader.Limits.DEFAULT)) {
      reader.readSheet(
          "Лист1",
          (number, row) -> {
            assertThat(row.width()).isEqualTo(28);
            assertThat(row.get(27)).isEqualTo("примечание");
            assertThat(row.get(1)).isNull();
            assertThat(row.get(100)).isNull();
          });
    }
  }

  @Test
  void aFileSavedByLibreOffice() throws Exception {
    // What LibreOffice Calc writes: t="n" on numbers, spans on rows, style on every cell, shared
    // strings with rich text runs, cells (and a row) without their reference.
    String row =
        "<row r=\"%d\" spans=\"1:4\" s=\"0\" customFormat=\"false\" ht=\"12.8\" hidden=\"false\""
            + " customHeight=\"false\" outlineLevel=\"0\" collapsed=\"false\">";
    Path file =
        zip(
            dir.resolve("calc.xlsx"),
            parts(
                String.format(row, 1)
                    + "<c r=\"A1\" s=\"0\" t=\"s\"><v>0</v></c><c r=\"B1\" s=\"0\" t=\"s\"><v>1</v></c>"
                    + "<c r=\"C1\" s=\"0\" t=\"s\"><v>2</v></c><c r=\"D1\" s=\"0\" t=\"s\"><v>3</v></c>"
                    + "</row>"
                    + String.format(row, 2)
                    + "<c r=\"A2\" s=\"0\" t=\"s\"><v>4</v></c><c r=\"B2\" s=\"0\" t=\"n\"><v>12</v></c>"
                    + "<c r=\"C2\" s=\"1\" t=\"n\"><v>45536</v></c><c r=\"D2\" s=\"0\" t=\"n\"><v>0.3</v>"
                    + "</c></row>"
                    + String.format(row, 3)
                    + "<c s=\"0\" t=\"s\"><v>5</v></c><c s=\"0\" t=\"n\"><v>7</v></c>"
                    + "<c s=\"2\" t=\"n\"><v>45537</v></c></row>"
                    + "<row spans=\"1:4\"><c t=\"inlineStr\"><is><r><t>Ин</t></r><r><rPr><b val=\"true\"/>"
                    + "</rPr><t xml:space=\"preserve\">лайн </t></r><rPh sb=\"0\" eb=\"1\"><t>x</t></rPh>"
                    + "</is></c></row>"
                    + "<row r=\"7\" s=\"0\" customFormat=\"false\"><c r=\"A7\" s=\"0\"/></row>",
                "<si><t xml:space=\"preserve\">Класс</t></si>",
                "<si><t>Баллы</t></si>",
                "<si><t>Дата</t></si>",
                "<si><t>Доля</t></si>",
                "<si><r><t>5</t></r><r><rPr><b val=\"true\"/></rPr><t>А</t></r></si>",
                "<si><t>6Б</t></si>"));

    assertThat(rows(file, "Лист1"))
        .containsExactly(
            entry(1, cells("Класс", "Баллы", "Дата", "Доля")),
            entry(2, cells("5А", "12", "01.09.2024", "0.3")),
            entry(3, cells("6Б", "7", "02.09.2024")),
            entry(4, cells("Инлайн ")));
  }

  @Test
  void xmlAsAnyWriterMayWriteIt() throws Exception {
    // A namespace prefix on every element, a comment, CDATA, entity and character references,
    // CR LF line breaks, single quotes, spaces around "=", and a UTF-8 byte order mark.
    String sheet =
        "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<!-- written by hand -->"
            + "<x:worksheet xmlns:x=\""
            + TestWorkbooks.MAIN
            + "\"><x:sheetData>\r\n"
            + "<x:row r='1'>\r\n  <x:c r = 'A1' t='inlineStr'><x:is><x:t>a &amp; b &lt;c&gt;"
            + " &#1071;&#x42F; &quot;q&quot;</x:t></x:is></x:c>\r\n"
            + "  <x:c r='B1' t='str'><x:v><![CDATA[<не разметка> & всё]]></x:v></x:c>"
            + "<x:c r='C1' t='inlineStr'><x:is><x:t>строка 1\r\nстрока 2</x:t></x:is></x:c>"
            + "<x:c r='D1'><x:v>4<!-- 2 -->2</x:v></x:c>"
            + "</x:row></x:sheetData></x:worksheet>";
    var parts = parts("");
    parts.put("xl/worksheets/sheet1.xml", sheet);

    assertThat(rows(zip(dir.resolve("hand.xlsx"), parts), "Лист1"))
        .containsExactly(
            entry(
                1, cells("a & b <c> ЯЯ \"q\"", "<не разметка> & всё", "строка 1\nстрока 2", "42")));
  }

  @Test
  void referencesCutByTheScannersBufferAreDecodedWhole() throws Exception {
    // Thousands of cells full of references: some fall across the scanner's buffer boundary.
    StringBuilder data = new StringBuilder();
    for (int r = 1; r <= 3000; r++) {
      data.append("<row r=\"").append(r).append("\">");
      for (int c = 0; c < 5; c++) {
        data.append("<c t=\"inlineStr\"><is><t>&amp;&#1071;\r\n&lt;")
            .append(r)
            .append("</t></is></c>");
      }
      data.append("</row>");
    }
    Map<Integer, java.util.List<String>> rows =
        rows(zip(dir.resolve("references.xlsx"), parts(data.toString())), "Лист1");

    assertThat(rows).hasSize(3000);
    rows.forEach((r, values) -> assertThat(values).hasSize(5).containsOnly("&Я\n<" + r));
  }

  @Test
  void sheetsByNameInWorkbookOrder() throws Exception {
    Path file =
        write(
            dir.resolve("sheets.xlsx"),
            new XSSFWorkbook(),
            wb -> {
              wb.createSheet("Инструкция").createRow(0).createCell(0).setCellValue("читайте");
              wb.createSheet("Данные").createRow(4).createCell(2).setCellValue(5);
            });

    try (WorkbookReader reader = WorkbookReader.open(file, WorkbookReader.Limits.DEFAULT)) {
      assertThat(reader.sheetNames()).containsExactly("Инструкция", "Данные");
      assertThat(reader.readSheet("Нет такого", (n, row) -> {})).isFalse();
    }
    assertThat(rows(file, "Данные")).isEqualTo(Map.of(5, cells(null, null, "5")));
  }
}
