package org.oko.platform.excel;

import java.io.InputStream;
import java.util.Arrays;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.oko.platform.excel.WorkbookReader.Limits;
import org.oko.platform.excel.WorkbookReader.RowVisitor;
import org.oko.platform.excel.WorkbookReader.SheetRow;

/**
 * One pass over a sheet's XML ({@code <row r><c r t s><v>|<is><t>}) with StAX, turning each cell's
 * raw value into its text and handing over each row with a value. Nothing per cell is kept after
 * its row, no formatter runs per cell, formulas are never evaluated (their cached {@code <v>} is
 * the value), so memory stays constant and the cost is little more than the XML parse itself.
 */
final class SheetParser implements SheetRow {

  /** Excel's last column (XFD): a reference beyond it is a forged file, not a big one. */
  private static final int MAX_COLUMNS = 16_384;

  /**
   * The JDK's own StAX parser, whatever else is on the class path, with the settings of POI's
   * {@code XMLHelper.newXMLInputFactory()}: no DTD, no external entities. A DOCTYPE is refused
   * outright when the parser reports it (Excel never writes one).
   */
  private static final XMLInputFactory XML = XMLInputFactory.newDefaultFactory();

  static {
    XML.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    XML.setProperty(XMLInputFactory.IS_VALIDATING, false);
    XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
  }

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
  private final StringBuilder text = new StringBuilder();

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

  /** A secure StAX reader over {@code in}. */
  static XMLStreamReader xml(InputStream in) throws XMLStreamException {
    return XML.createXMLStreamReader(in);
  }

  void parse(InputStream in, RowVisitor visitor) throws XMLStreamException {
    XMLStreamReader xml = xml(in);
    try {
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          String name = xml.getLocalName();
          if (name.equals("c")) {
            cell(xml);
          } else if (name.equals("row")) {
            startRow(xml);
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          if (xml.getLocalName().equals("row")) {
            endRow(visitor);
          }
        } else if (event == XMLStreamConstants.DTD) {
          throw new UnreadableWorkbookException(WorkbookGuard.DOCTYPE);
        }
      }
    } finally {
      xml.close();
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
  private void startRow(XMLStreamReader xml) {
    String r = attribute(xml, "r");
    rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
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
  private void cell(XMLStreamReader xml) throws XMLStreamException {
    String reference = null;
    String type = null;
    int style = 0;
    for (int i = 0, n = xml.getAttributeCount(); i < n; i++) {
      String name = xml.getAttributeLocalName(i);
      if (name.equals("r")) {
        reference = xml.getAttributeValue(i);
      } else if (name.equals("t")) {
        type = xml.getAttributeValue(i);
      } else if (name.equals("s")) {
        style = Integer.parseInt(xml.getAttributeValue(i));
      }
    }
    // A cell without "r" (LibreOffice and others may leave it out) follows the previous one.
    column = reference == null ? column + 1 : columnIndex(reference);
    if (column >= MAX_COLUMNS) {
      throw new UnreadableWorkbookException(
          "На листе «" + sheet + "» ячейка за последним столбцом Excel (XFD): файл повреждён");
    }
    String value = null;
    while (true) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        String name = xml.getLocalName();
        if (name.equals("v")) {
          value = value(type, xml, style);
        } else if (name.equals("is")) {
          value = inlineString(xml);
        } else {
          skip(xml); // <f> (the formula: never evaluated), <extLst>
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        break;
      }
    }
    if (value == null || value.isBlank()) {
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

  /** The text of a {@code <v>} by the cell's type ({@code t}); consumes up to {@code </v>}. */
  private String value(String type, XMLStreamReader xml, int style) throws XMLStreamException {
    if (type == null || type.equals("n")) {
      String raw = text(xml);
      return CellText.number(raw, style < dateStyles.length && dateStyles[style], date1904);
    }
    if (type.equals("s")) {
      return strings.get(Integer.parseInt(text(xml).trim()));
    }
    String raw = text(xml);
    if (type.equals("b")) {
      return raw.equals("1") || raw.equalsIgnoreCase("true") ? "TRUE" : "FALSE";
    }
    if (type.equals("d")) {
      return CellText.isoDate(raw);
    }
    return raw; // "str" (a formula's text result), "e" (#DIV/0!), "inlineStr" with a <v>
  }

  /** An inline string: its {@code <t>}, or the {@code <t>} of each rich text run, in order. */
  private String inlineString(XMLStreamReader xml) throws XMLStreamException {
    StringBuilder joined = null;
    String single = null;
    int depth = 0;
    while (true) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        String name = xml.getLocalName();
        if (name.equals("t")) {
          String part = text(xml);
          if (single == null && joined == null) {
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
        } else if (name.equals("rPh")) {
          skip(xml); // a phonetic guide (furigana), not part of the value
        } else {
          depth++; // <r>, <rPr> and its children
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        if (depth-- == 0) {
          return joined != null ? joined.toString() : single; // </is>
        }
      }
    }
  }

  /**
   * The text of the current element, up to its end tag. Refuses early a text longer than a cell may
   * be, so a huge cell is never held whole.
   */
  private String text(XMLStreamReader xml) throws XMLStreamException {
    int event = xml.next();
    if (event == XMLStreamConstants.END_ELEMENT) {
      return "";
    }
    String first = xml.getText();
    event = xml.next();
    if (event == XMLStreamConstants.END_ELEMENT) {
      return first; // the usual case: one piece of text, no copy
    }
    text.setLength(0);
    text.append(first);
    while (event != XMLStreamConstants.END_ELEMENT) {
      if (event == XMLStreamConstants.CHARACTERS
          || event == XMLStreamConstants.CDATA
          || event == XMLStreamConstants.SPACE) {
        text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
        if (text.length() > limits.maxCellLength()) {
          throw cellTooLong();
        }
      }
      event = xml.next();
    }
    return text.toString();
  }

  private static void skip(XMLStreamReader xml) throws XMLStreamException {
    for (int depth = 1; depth > 0; ) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  private WorkbookLimitException cellTooLong() {
    return WorkbookLimitException.cellTooLong(
        sheet, CellRef.columnLetters(column) + rowNumber, limits.maxCellLength());
  }

  private static String attribute(XMLStreamReader xml, String localName) {
    for (int i = 0, n = xml.getAttributeCount(); i < n; i++) {
      if (xml.getAttributeLocalName(i).equals(localName)) {
        return xml.getAttributeValue(i);
      }
    }
    return null;
  }

  /** The 0-based column of a reference such as {@code AB12}, without allocating. */
  private static int columnIndex(String reference) {
    int index = 0;
    for (int i = 0; i < reference.length(); i++) {
      char c = reference.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        index = index * 26 + (c - 'A' + 1);
      } else if (c >= 'a' && c <= 'z') {
        index = index * 26 + (c - 'a' + 1);
      } else {
        break;
      }
      if (index > MAX_COLUMNS) {
        break;
      }
    }
    return index - 1;
  }
}
