package org.oko.platform.excel;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads an uploaded {@code .xlsx} sheet by sheet, row by row, in constant memory (never the
 * whole-workbook model). Values arrive as the text Excel shows: strings (shared or inline) as
 * typed, numbers without a trailing {@code .0}, dates as {@code ДД.ММ.ГГГГ}, formulas as their
 * cached result (never evaluated).
 *
 * <p>Blocking file and CPU work: call it on {@code Schedulers.boundedElastic()}.
 *
 * <p>TODO(lean parser): this first version delegates to POI's stock {@code XSSFSheetXMLHandler};
 * the lean StAX parse of the sheet XML replaces it without changing this API.
 */
public final class WorkbookReader implements AutoCloseable {

  /**
   * What a workbook may hold before it is refused.
   *
   * @param maxRows data and header rows per sheet
   * @param maxCellLength characters in one cell (Excel itself allows 32,767)
   */
  public record Limits(int maxRows, int maxCellLength) {
    public static final Limits DEFAULT = new Limits(500_000, 32_767);
  }

  /** One row of a sheet, reused between calls: copy what you keep. */
  public interface SheetRow {
    /** One past the last column index with a value. */
    int width();

    /** The text of the cell at a 0-based column index, or null when blank. */
    String get(int columnIndex);
  }

  /** Receives a sheet's rows that have at least one non-blank cell, in order. */
  @FunctionalInterface
  public interface RowVisitor {
    /**
     * @param rowNumber the row number as Excel shows it (from 1)
     */
    void row(int rowNumber, SheetRow row);
  }

  private final OPCPackage pkg;
  private final XSSFReader reader;
  private final ReadOnlySharedStringsTable strings;
  private final StylesTable styles;
  private final Limits limits;

  private WorkbookReader(OPCPackage pkg, Limits limits) throws Exception {
    this.pkg = pkg;
    this.limits = limits;
    this.reader = new XSSFReader(pkg);
    this.strings = new ReadOnlySharedStringsTable(pkg);
    this.styles = reader.getStylesTable();
  }

  /**
   * Opens a staged upload.
   *
   * @throws org.oko.platform.web.UnsupportedTypeException when the file is not an {@code .xlsx}
   *     workbook at all (with the reason in Russian)
   * @throws UnreadableWorkbookException when it is one but cannot be read
   */
  public static WorkbookReader open(Path xlsx, Limits limits) {
    OPCPackage pkg = null;
    try {
      pkg = OPCPackage.open(xlsx.toFile(), PackageAccess.READ);
      return new WorkbookReader(pkg, limits);
    } catch (Exception e) {
      if (pkg != null) {
        pkg.revert();
      }
      throw new UnreadableWorkbookException(e);
    }
  }

  /** The names of the sheets, in workbook order. */
  public List<String> sheetNames() {
    List<String> names = new ArrayList<>();
    try {
      var sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      while (sheets.hasNext()) {
        sheets.next().close();
        names.add(sheets.getSheetName());
      }
      return names;
    } catch (Exception e) {
      throw new UnreadableWorkbookException(e);
    }
  }

  /**
   * Streams the rows of the sheet {@code name} to {@code visitor}.
   *
   * @return false when the workbook has no such sheet
   * @throws WorkbookLimitException when the sheet has more rows, or a cell more characters, than
   *     the limits allow (reading stops there)
   */
  public boolean readSheet(String name, RowVisitor visitor) {
    try {
      var sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      while (sheets.hasNext()) {
        try (InputStream in = sheets.next()) {
          if (sheets.getSheetName().equals(name)) {
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(
                new XSSFSheetXMLHandler(
                    styles,
                    null,
                    strings,
                    new Rows(name, visitor, limits),
                    new DataFormatter(),
                    false));
            parser.parse(new InputSource(in));
            return true;
          }
        }
      }
      return false;
    } catch (WorkbookLimitException | UnreadableWorkbookException e) {
      throw e;
    } catch (Exception e) {
      throw new UnreadableWorkbookException(e);
    }
  }

  @Override
  public void close() {
    pkg.revert();
  }

  private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler, SheetRow {
    private final String sheet;
    private final RowVisitor visitor;
    private final Limits limits;
    private final List<String> cells = new ArrayList<>();
    private int rows;

    Rows(String sheet, RowVisitor visitor, Limits limits) {
      this.sheet = sheet;
      this.visitor = visitor;
      this.limits = limits;
    }

    @Override
    public void startRow(int rowNum) {
      if (++rows > limits.maxRows()) {
        throw WorkbookLimitException.tooManyRows(sheet, limits.maxRows());
      }
      cells.clear();
    }

    @Override
    public void cell(String reference, String value, XSSFComment comment) {
      int column = reference == null ? cells.size() : CellRef.parse(reference).columnIndex();
      if (value != null && value.length() > limits.maxCellLength()) {
        throw WorkbookLimitException.cellTooLong(sheet, reference, limits.maxCellLength());
      }
      while (cells.size() <= column) {
        cells.add(null);
      }
      cells.set(column, value == null || value.isBlank() ? null : value);
    }

    @Override
    public void endRow(int rowNum) {
      while (!cells.isEmpty() && cells.get(cells.size() - 1) == null) {
        cells.remove(cells.size() - 1);
      }
      if (!cells.isEmpty()) {
        visitor.row(rowNum + 1, this);
      }
    }

    @Override
    public int width() {
      return cells.size();
    }

    @Override
    public String get(int columnIndex) {
      return columnIndex < cells.size() ? cells.get(columnIndex) : null;
    }
  }
}
