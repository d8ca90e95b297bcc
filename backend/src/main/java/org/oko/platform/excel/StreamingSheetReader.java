package org.oko.platform.excel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads one sheet of an {@code .xlsx} row by row with POI's SAX event API, so that a workbook of
 * any size is read in constant memory (the whole-workbook model needs a heap many times the file).
 * Shared and inline strings arrive as typed; numbers by their value, as {@link WorkbookReader}
 * gives them ({@code 12}, not {@code 12.0} nor the {@code 12.00} of a cell's display format); a
 * number in a cell formatted as a date as that date, {@code ДД.ММ.ГГГГ} (what the cell shows, never
 * its day number, and the same whatever the server's locale); formulas as their cached results. The
 * XML parser is POI's XXE-safe one.
 *
 * <p>Blocking file and CPU work: call it on {@code Schedulers.boundedElastic()}, never on an event
 * loop.
 */
public final class StreamingSheetReader {

  /** Receives a sheet's non-empty rows in order. */
  @FunctionalInterface
  public interface RowHandler {
    /**
     * @param row the row number as Excel shows it (from 1)
     * @param cells the row's non-blank cells: column letters ({@code "C"}) → text, untrimmed; the
     *     cell's reference is {@code new CellRef(column, row)}
     */
    void row(int row, Map<String, String> cells);
  }

  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

  private StreamingSheetReader() {}

  /**
   * Whether the file starts like an {@code .xlsx} (a zip archive). A cheap check of the real
   * content before parsing, whatever the upload's declared type says.
   */
  public static boolean looksLikeXlsx(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(ZIP_MAGIC.length);
      return java.util.Arrays.equals(head, ZIP_MAGIC);
    }
  }

  /**
   * Streams the rows of the sheet named {@code sheetName} to {@code handler}. Rows whose cells are
   * all blank (such as trailing formatted rows) are skipped.
   *
   * @return false if the workbook has no sheet of that name
   * @throws UnreadableWorkbookException if the file is not a readable workbook
   */
  public static boolean read(Path xlsx, String sheetName, RowHandler handler) {
    try (OPCPackage pkg = OPCPackage.open(xlsx.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      var strings = new ReadOnlySharedStringsTable(pkg);
      var styles = reader.getStylesTable();
      var sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      while (sheets.hasNext()) {
        try (InputStream in = sheets.next()) {
          if (sheets.getSheetName().equals(sheetName)) {
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(
                new XSSFSheetXMLHandler(
                    styles, null, strings, new Rows(handler), new ValueFormatter(), false));
            parser.parse(new InputSource(in));
            return true;
          }
        }
      }
      return false;
    } catch (UnreadableWorkbookException e) {
      throw e;
    } catch (Exception e) {
      // POI reports a broken or foreign file with many exception types, checked and not.
      throw new UnreadableWorkbookException(e);
    }
  }

  /**
   * Numbers as {@link CellText} writes them for the forms' reader: one rule for both readers. POI's
   * own formatter would apply each cell's display format ({@code 12.00}, {@code 3/15/26} in the
   * server's locale), so the same value would read differently from one file to the next.
   */
  private static final class ValueFormatter extends DataFormatter {
    @Override
    public String formatRawCellContents(
        double value, int formatIndex, String formatString, boolean use1904Windowing) {
      boolean date = DateUtil.isADateFormat(formatIndex, formatString);
      return CellText.number(Double.toString(value), date, use1904Windowing);
    }
  }

  /** Collects one row's cells and hands the row over when it ends. */
  private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
    private final RowHandler handler;
    private Map<String, String> cells = new LinkedHashMap<>();
    private int column;

    Rows(RowHandler handler) {
      this.handler = handler;
    }

    @Override
    public void startRow(int rowNum) {
      cells = new LinkedHashMap<>();
      column = 0;
    }

    @Override
    public void cell(String cellReference, String formattedValue, XSSFComment comment) {
      // A cell without an "r" attribute (some generators omit it) follows the previous one.
      String letters =
          cellReference == null
              ? CellRef.columnLetters(column)
              : CellRef.parse(cellReference).column();
      column = new CellRef(letters, 1).columnIndex() + 1;
      if (formattedValue != null && !formattedValue.isBlank()) {
        cells.put(letters, formattedValue);
      }
    }

    @Override
    public void endRow(int rowNum) {
      if (!cells.isEmpty()) {
        handler.row(rowNum + 1, Collections.unmodifiableMap(cells));
      }
    }
  }
}
