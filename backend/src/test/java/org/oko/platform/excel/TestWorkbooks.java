package org.oko.platform.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Real files for the reader's tests: workbooks written by POI, and packages written entry by entry
 * (as LibreOffice or a forger would), so that each test reads bytes like those of an upload.
 */
final class TestWorkbooks {

  static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  static final String WORKBOOK_TYPE =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

  private TestWorkbooks() {}

  interface Writer {
    void fill(Workbook workbook) throws Exception;
  }

  /** Writes {@code workbook}, filled by {@code writer}, to {@code file}. */
  static Path write(Path file, Workbook workbook, Writer writer) throws Exception {
    try (workbook;
        OutputStream out = Files.newOutputStream(file)) {
      writer.fill(workbook);
      workbook.write(out);
    }
    return file;
  }

  /**
   * The parts of a one-sheet workbook named «Лист1», as LibreOffice writes them, with the given
   * sheet XML and shared strings ({@code <si>} elements). Tests replace or add parts before {@link
   * #zip}.
   */
  static Map<String, String> parts(String sheetData, String... sharedStrings) {
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("[Content_Types].xml", contentTypes(WORKBOOK_TYPE));
    parts.put(
        "_rels/.rels",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
            + "</Relationships>");
    parts.put("xl/workbook.xml", workbookXml(false));
    parts.put(
        "xl/_rels/workbook.xml.rels",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
            + "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
            + "</Relationships>");
    parts.put("xl/styles.xml", STYLES);
    parts.put("xl/worksheets/sheet1.xml", sheetXml(sheetData));
    parts.put(
        "xl/sharedStrings.xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\""
            + MAIN
            + "\" count=\""
            + sharedStrings.length
            + "\" uniqueCount=\""
            + sharedStrings.length
            + "\">"
            + String.join("", sharedStrings)
            + "</sst>");
    return parts;
  }

  static String contentTypes(String workbookType) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Default Extension=\"bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/>"
        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\""
        + workbookType
        + "\"/>"
        + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
        + "</Types>";
  }

  static String workbookXml(boolean date1904) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\""
        + MAIN
        + "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        + "<workbookPr date1904=\""
        + date1904
        + "\"/><sheets><sheet name=\"Лист1\" sheetId=\"1\" state=\"visible\" r:id=\"rId2\"/>"
        + "</sheets></workbook>";
  }

  static String sheetXml(String sheetData) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<worksheet xmlns=\""
        + MAIN
        + "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        + "<sheetPr filterMode=\"false\"><pageSetUpPr fitToPage=\"false\"/></sheetPr>"
        + "<dimension ref=\"A1:D4\"/><sheetFormatPr defaultRowHeight=\"12.8\"/>"
        + "<sheetData>"
        + sheetData
        + "</sheetData><pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\""
        + " header=\"0.3\" footer=\"0.3\"/></worksheet>";
  }

  /**
   * Style 0 General, 1 a custom date format (as LibreOffice writes), 2 built-in date 14, 3 h:mm.
   */
  static final String STYLES =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\""
          + MAIN
          + "\"><numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"DD\\.MM\\.YYYY\"/>"
          + "</numFmts><fonts count=\"1\"><font><sz val=\"10\"/><name val=\"Arial\"/></font></fonts>"
          + "<fills count=\"1\"><fill><patternFill patternType=\"none\"/></fill></fills>"
          + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border>"
          + "</borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\""
          + " borderId=\"0\"/></cellStyleXfs><cellXfs count=\"4\">"
          + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
          + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\""
          + " applyNumberFormat=\"1\"/>"
          + "<xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\""
          + " applyNumberFormat=\"1\"/>"
          + "<xf numFmtId=\"20\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\""
          + " applyNumberFormat=\"1\"/>"
          + "</cellXfs></styleSheet>";

  /** Writes the entries, in order, into a zip archive at {@code file}. */
  static Path zip(Path file, Map<String, String> entries) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      for (var entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return file;
  }

  /** Every row the reader hands over: its number and its cells, blanks as null. */
  static Map<Integer, List<String>> rows(Path file, String sheet) {
    Map<Integer, List<String>> rows = new LinkedHashMap<>();
    try (WorkbookReader reader = WorkbookReader.open(file, WorkbookReader.Limits.DEFAULT)) {
      boolean found =
          reader.readSheet(
              sheet,
              (number, row) -> {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.width(); i++) {
                  cells.add(row.get(i));
                }
                rows.put(number, cells);
              });
      if (!found) {
        throw new IllegalStateException("no sheet " + sheet);
      }
    }
    return rows;
  }

  static List<String> cells(String... values) {
    return Arrays.asList(values);
  }

  static void writeString(Path file, String text, java.nio.charset.Charset charset) {
    try {
      Files.writeString(file, text, charset);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The offset of the central directory header of the entry {@code name}. */
  static int centralHeader(byte[] zip, String name) {
    byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i + 46 < zip.length; i++) {
      if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2) {
        int length = (zip[i + 28] & 0xFF) | (zip[i + 29] & 0xFF) << 8;
        if (Arrays.equals(Arrays.copyOfRange(zip, i + 46, i + 46 + length), wanted)) {
          return i;
        }
      }
    }
    throw new IllegalArgumentException("no entry " + name);
  }

  static int readInt(byte[] bytes, int at) {
    return (bytes[at] & 0xFF)
        | (bytes[at + 1] & 0xFF) << 8
        | (bytes[at + 2] & 0xFF) << 16
        | (bytes[at + 3] & 0xFF) << 24;
  }

  static void writeInt(byte[] bytes, int at, int value) {
    for (int i = 0; i < 4; i++) {
      bytes[at + i] = (byte) (value >>> (8 * i));
    }
  }
}
