package org.oko.platform.excel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipFileZipEntrySource;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.IOUtils;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.oko.platform.web.UnsupportedTypeException;

/**
 * Reads an uploaded {@code .xlsx} sheet by sheet, row by row, in constant memory (never the
 * whole-workbook model). Values arrive as the text Excel shows: strings (shared or inline) as
 * typed, numbers without a trailing {@code .0}, dates as {@code ДД.ММ.ГГГГ}, formulas as their
 * cached result (never evaluated).
 *
 * <p>Blocking file and CPU work: call it on {@code Schedulers.boundedElastic()}.
 *
 * <p>POI opens the package ({@code XSSFReader}), reads the shared strings ({@code
 * ReadOnlySharedStringsTable}) and the styles (to know which cells are dates); each sheet's XML is
 * then walked once by {@link SheetParser} with a lean scanner ({@link XmlScanner}), several times
 * faster than POI's stock handler, which formats every cell with a {@code DataFormatter}. {@link
 * #open} refuses, with a reason in Russian, whatever is not a plain {@code .xlsx}: a PDF, an {@code
 * .xls}, a CSV, a password, macros, a zip bomb, XML with a DOCTYPE.
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
  private final Limits limits;
  private final ReadOnlySharedStringsTable strings;
  private final boolean[] dateStyles;
  private final boolean date1904;

  /** Shared strings already asked for, so each is taken out of POI's table once. */
  private String[] resolved = new String[0];

  private WorkbookReader(OPCPackage pkg, Limits limits) throws Exception {
    this.pkg = pkg;
    this.limits = limits;
    this.reader = new XSSFReader(pkg);
    this.strings = sharedStrings(pkg);
    this.dateStyles = dateStyles(reader.getStylesTable());
    this.date1904 = date1904(reader);
  }

  /**
   * Opens a staged upload.
   *
   * @throws org.oko.platform.web.UnsupportedTypeException when the file is not an {@code .xlsx}
   *     workbook at all, is protected by a password or has macros (with the reason in Russian)
   * @throws UnreadableWorkbookException when it is one but cannot be read, or looks forged (a zip
   *     bomb, a DOCTYPE)
   */
  public static WorkbookReader open(Path xlsx, Limits limits) {
    ZipSecureFile zip = null;
    OPCPackage pkg = null;
    try {
      zip = WorkbookGuard.openArchive(xlsx);
      try {
        pkg = OPCPackage.open(new ZipFileZipEntrySource(zip));
      } catch (NotOfficeXmlFileException | InvalidFormatException e) {
        throw new UnsupportedTypeException(WorkbookGuard.ZIP);
      }
      WorkbookGuard.requireSpreadsheet(pkg);
      return new WorkbookReader(pkg, limits);
    } catch (Exception e) {
      if (pkg != null) {
        pkg.revert();
      }
      IOUtils.closeQuietly(zip);
      throw WorkbookGuard.unreadable(e);
    }
  }

  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

  /**
   * Whether the file starts like an {@code .xlsx} (a zip archive). A cheap check of the real
   * content before {@link #open}, for a caller that names a file that is not one its own way.
   */
  public static boolean looksLikeXlsx(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(ZIP_MAGIC.length), ZIP_MAGIC);
    }
  }

  /**
   * Streams the rows of the sheet {@code name} to {@code handler} as cells by column letter ({@code
   * "C"} → text; blank cells left out), for readers that address a template's columns by letter.
   * Rows without a non-blank cell are skipped.
   *
   * @return false when the workbook has no such sheet
   */
  public boolean readSheetByLetter(String name, LetterRowHandler handler) {
    return readSheet(
        name,
        (rowNumber, row) -> {
          Map<String, String> cells = new LinkedHashMap<>();
          for (int i = 0; i < row.width(); i++) {
            String value = row.get(i);
            if (value != null && !value.isBlank()) {
              cells.put(CellRef.columnLetters(i), value);
            }
          }
          if (!cells.isEmpty()) {
            handler.row(rowNumber, Collections.unmodifiableMap(cells));
          }
        });
  }

  /** Receives a sheet's non-empty rows in order, as cells by column letter. */
  @FunctionalInterface
  public interface LetterRowHandler {
    /**
     * @param row the row number as Excel shows it (from 1)
     * @param cells the row's non-blank cells: column letters ({@code "C"}) → text, untrimmed; the
     *     cell's reference is {@code new CellRef(column, row)}
     */
    void row(int row, Map<String, String> cells);
  }

  /** The names of the sheets, in workbook order. */
  public List<String> sheetNames() {
    List<String> names = new ArrayList<>();
    try {
      var sheets = reader.getSheetIterator();
      while (sheets.hasNext()) {
        sheets.next().close();
        names.add(sheets.getSheetName());
      }
      return names;
    } catch (Exception e) {
      throw WorkbookGuard.unreadable(e);
    }
  }

  /**
   * Streams the rows of the sheet {@code name} to {@code visitor}.
   *
   * @return false when the workbook has no such sheet
   * @throws WorkbookLimitException when the sheet has more rows, or a cell more characters, than
   *     the limits allow (reading stops there)
   * @throws UnreadableWorkbookException when the sheet cannot be read
   */
  public boolean readSheet(String name, RowVisitor visitor) {
    try {
      var sheets = reader.getSheetIterator();
      while (sheets.hasNext()) {
        try (InputStream in = sheets.next()) {
          if (sheets.getSheetName().equals(name)) {
            new SheetParser(name, this::sharedString, dateStyles, date1904, limits)
                .parse(in, visitor);
            return true;
          }
        }
      }
      return false;
    } catch (Exception e) {
      throw WorkbookGuard.unreadable(e);
    }
  }

  @Override
  public void close() {
    pkg.revert();
  }

  private String sharedString(int index) {
    if (index < resolved.length && resolved[index] != null) {
      return resolved[index];
    }
    // getItemAt builds a rich text object per call; done once per distinct string here.
    String value = strings.getItemAt(index).getString();
    if (index >= resolved.length) {
      resolved = Arrays.copyOf(resolved, Math.max(index + 1, resolved.length * 2));
    }
    resolved[index] = value;
    return value;
  }

  /**
   * The shared strings table, read with its XML bounded: it stays in memory while the sheets are
   * read, so a forged table of millions of strings must not fill the heap.
   */
  private static ReadOnlySharedStringsTable sharedStrings(OPCPackage pkg) throws Exception {
    List<PackagePart> parts =
        pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
    if (parts.isEmpty()) {
      return new ReadOnlySharedStringsTable(InputStream.nullInputStream(), false);
    }
    try (InputStream in = new LimitedInput(parts.get(0).getInputStream())) {
      return new ReadOnlySharedStringsTable(in, false);
    }
  }

  /** Stops reading the shared strings beyond {@link WorkbookGuard#MAX_SHARED_STRINGS_BYTES}. */
  private static final class LimitedInput extends CountedInput {
    private long count;

    LimitedInput(InputStream in) {
      super(in);
    }

    @Override
    protected void counted(int n) {
      count += n;
      if (count > WorkbookGuard.MAX_SHARED_STRINGS_BYTES) {
        throw new UnreadableWorkbookException(WorkbookGuard.SHARED_STRINGS_TOO_LARGE);
      }
    }
  }

  /**
   * Which style indexes ({@code <c s>}) are date formats. Decided once per workbook, so a cell
   * costs an array lookup instead of a format-string check.
   */
  private static boolean[] dateStyles(StylesTable styles) {
    if (styles == null) {
      return new boolean[0];
    }
    boolean[] dates = new boolean[styles.getNumCellStyles()];
    for (int i = 0; i < dates.length; i++) {
      XSSFCellStyle style = styles.getStyleAt(i);
      dates[i] =
          style != null
              && DateUtil.isADateFormat(style.getDataFormat(), style.getDataFormatString());
    }
    return dates;
  }

  /** Whether the workbook counts days from 1904 ({@code <workbookPr date1904="1">}). */
  private static boolean date1904(XSSFReader reader) throws Exception {
    try (InputStream in = reader.getWorkbookData()) {
      XmlScanner xml = new XmlScanner(in, 1000);
      for (int event = xml.next(); event != XmlScanner.EOF; event = xml.next()) {
        if (event != XmlScanner.START) {
          continue;
        }
        if (xml.is("workbookPr")) {
          int date1904 = xml.attribute("date1904");
          String value = date1904 < 0 ? null : xml.value(date1904);
          return "1".equals(value) || "true".equals(value);
        }
        if (xml.is("sheets")) {
          return false; // workbookPr comes before the sheets, or not at all
        }
      }
      return false;
    }
  }
}
