package org.oko.platform.excel;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.oko.platform.excel.WorkbookReader.Limits;
import org.oko.platform.excel.WorkbookReader.RowVisitor;
import org.oko.platform.excel.WorkbookReader.SheetRow;

/**
 * One pass over a sheet's XML ({@code <row r><c r t s><v>|<is><t>}) with {@link XmlScanner},
 * turning each cell's raw value into its text and handing over each row with a value. Nothing per
 * cell is kept after its row, no formatter runs per cell, formulas are never evaluated (their
 * cached {@code <v>} is the value), so memory stays constant and the cost is little more than
 * inflating the XML.
 */
final class SheetParser implements SheetRow {

  /** Excel's last column (XFD): a reference beyond it is a forged file, not a big one. */
  private static final int MAX_COLUMNS = 16_384;

  /** Resolves shared string indexes ({@code t="s"}). */
  @FunctionalInterface
  interface SharedStrings {
    String get(int index);
  }

  private final String sheet;
  private final SharedStrings strings;
  private final boolean[] dateStyles;
  private final boolean date1904;
  private final Limits limits;

  private String[] cells = new String[32];
  private int width;
  private int rowNumber;
  private int column;
  private int rows;

  SheetParser(
      String sheet, SharedStrings strings, boolean[] dateStyles, boolean date1904, Limits limits) {
    this.sheet = sheet;
    this.strings = strings;
    this.dateStyles = dateStyles;
    this.date1904 = date1904;
    this.limits = limits;
  }

  void parse(InputStream in, RowVisitor visitor) throws IOException {
    XmlScanner xml = new XmlScanner(in, limits.maxCellLength() + 1);
    for (int event = xml.next(); event != XmlScanner.EOF; event = xml.next()) {
      if (event == XmlScanner.START) {
        if (xml.is("c")) {
          cell(xml);
        } else if (xml.is("row")) {
          startRow(xml);
        }
      } else if (event == XmlScanner.END && xml.is("row")) {
        endRow(visitor);
      }
    }
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public String get(int columnIndex) {
    return columnIndex >= 0 && columnIndex < width ? cells[columnIndex] : null;
  }

  /** A row without {@code r} (some writers leave it out) follows the previous one. */
  private void startRow(XmlScanner xml) {
    int r = xml.attribute("r");
    rowNumber = r < 0 ? rowNumber + 1 : xml.intValue(r);
    column = -1;
  }

  private void endRow(RowVisitor visitor) {
    if (width == 0) {
      return; // only blank or formatted cells: not a row of data
    }
    // Rows with a value count; blank formatted rows (down to 1,048,576 in some templates) do not.
    if (++rows > limits.maxRows()) {
      throw WorkbookLimitException.tooManyRows(sheet, limits.maxRows());
    }
    visitor.row(rowNumber, this);
    Arrays.fill(cells, 0, width, null);
    width = 0;
  }

  /** Reads one {@code <c>} up to its end tag. */
  private void cell(XmlScanner xml) throws IOException {
    int r = xml.attribute("r");
    // A cell without "r" (LibreOffice and others may leave it out) follows the previous one.
    column = r < 0 ? column + 1 : xml.columnValue(r, MAX_COLUMNS);
    if (column >= MAX_COLUMNS || column < 0) {
      throw new UnreadableWorkbookException(
          "На листе «" + sheet + "» ячейка за последним столбцом Excel (XFD): файл повреждён");
    }
    int type = type(xml);
    int s = xml.attribute("s");
    int style = s < 0 ? 0 : xml.intValue(s);
    String value = null;
    while (true) {
      int event = xml.next();
      if (event == XmlScanner.START) {
        if (xml.is("v")) {
          value = value(type, text(xml), style);
        } else if (xml.is("is")) {
          value = inlineString(xml);
        } else {
          xml.skipElement(); // <f> (the formula: never evaluated), <extLst>
        }
      } else if (event == XmlScanner.END) {
        break;
      } else if (event == XmlScanner.EOF) {
        throw new UnreadableWorkbookException(UnreadableWorkbookException.DEFAULT_MESSAGE);
      }
    }
    if (value == null || isBlank(value)) {
      return;
    }
    if (value.length() > limits.maxCellLength()) {
      throw cellTooLong();
    }
    if (column >= cells.length) {
      cells = Arrays.copyOf(cells, Math.max(column + 1, cells.length * 2));
    }
    cells[column] = value;
    width = Math.max(width, column + 1);
  }

  private static final int NUMBER = 0;
  private static final int SHARED = 1;
  private static final int BOOLEAN = 2;
  private static final int DATE = 3;
  private static final int TEXT = 4;

  /** The cell's type ({@code t}), compared in place: no string per cell. */
  private static int type(XmlScanner xml) {
    int t = xml.attribute("t");
    if (t < 0 || xml.valueIs(t, "n")) {
      return NUMBER;
    }
    if (xml.valueIs(t, "s")) {
      return SHARED;
    }
    if (xml.valueIs(t, "b")) {
      return BOOLEAN;
    }
    if (xml.valueIs(t, "d")) {
      return DATE;
    }
    return TEXT; // "str" (a formula's text result), "e" (#DIV/0!), "inlineStr" with a <v>
  }

  /** The text of a {@code <v>} by the cell's type. */
  private String value(int type, String raw, int style) {
    switch (type) {
      case NUMBER:
        return CellText.number(raw, style < dateStyles.length && dateStyles[style], date1904);
      case SHARED:
        return strings.get(Integer.parseInt(raw.trim()));
      case BOOLEAN:
        return raw.equals("1") || raw.equalsIgnoreCase("true") ? "TRUE" : "FALSE";
      case DATE:
        return CellText.isoDate(raw);
      default:
        return raw;
    }
  }

  /** An inline string: its {@code <t>}, or the {@code <t>} of each rich text run, in order. */
  private String inlineString(XmlScanner xml) throws IOException {
    StringBuilder joined = null;
    String single = null;
    int depth = 0;
    while (true) {
      int event = xml.next();
      if (event == XmlScanner.START) {
        if (xml.is("t")) {
          String part = text(xml);
          if (single == null) {
            single = part;
          } else {
            if (joined == null) {
              joined = new StringBuilder(single);
            }
            joined.append(part);
            if (joined.length() > limits.maxCellLength()) {
              throw cellTooLong();
            }
          }
        } else if (xml.is("rPh")) {
          xml.skipElement(); // a phonetic guide (furigana), not part of the value
        } else {
          depth++; // <r>, <rPr> and its children
        }
      } else if (event == XmlScanner.END) {
        if (depth-- == 0) {
          return joined != null ? joined.toString() : single; // </is>
        }
      } else if (event == XmlScanner.EOF) {
        throw new UnreadableWorkbookException(UnreadableWorkbookException.DEFAULT_MESSAGE);
      }
    }
  }

  /**
   * The text of the current element, up to its end tag. The scanner never holds more of a text than
   * a cell may have, so a huge cell is refused without being read whole.
   */
  private String text(XmlScanner xml) throws IOException {
    String value = "";
    StringBuilder more = null;
    while (true) {
      int event = xml.next();
      if (event == XmlScanner.TEXT) {
        if (xml.textTooLong()) {
          throw cellTooLong();
        }
        if (value.isEmpty()) {
          value = xml.text();
        } else {
          if (more == null) {
            more = new StringBuilder(value); // text, then a comment or CDATA, then text
          }
          more.append(xml.text());
          if (more.length() > limits.maxCellLength()) {
            throw cellTooLong();
          }
        }
      } else if (event == XmlScanner.START) {
        xml.skipElement();
      } else if (event == XmlScanner.END) {
        return more != null ? more.toString() : value;
      } else {
        throw new UnreadableWorkbookException(UnreadableWorkbookException.DEFAULT_MESSAGE);
      }
    }
  }

  /** Like {@link String#isBlank()}, without scanning a value that does not start with a space. */
  private static boolean isBlank(String value) {
    return value.isEmpty()
        || (Character.isWhitespace(value.charAt(0))
            && Character.isWhitespace(value.charAt(value.length() - 1))
            && value.isBlank());
  }

  private WorkbookLimitException cellTooLong() {
    return WorkbookLimitException.cellTooLong(
        sheet, CellRef.columnLetters(column) + rowNumber, limits.maxCellLength());
  }
}
