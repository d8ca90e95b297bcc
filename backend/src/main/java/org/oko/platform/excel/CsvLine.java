package org.oko.platform.excel;

import java.math.BigDecimal;
import java.util.List;

/**
 * One line of a CSV for Excel (the streamed exports, {@link StreamedExport}): {@code ;} between
 * cells, RFC 4180 quoting, CRLF at the end.
 */
public final class CsvLine {

  private CsvLine() {}

  /** The line of these cells (text, numbers, or null for empty). */
  public static String of(List<Object> cells) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      if (c > 0) {
        line.append(';');
      }
      Object value = cells.get(c);
      if (value != null) {
        line.append(
            value instanceof Number n ? number(n) : quoted(FormulaSafe.text(value.toString())));
      }
    }
    return line.append("\r\n").toString();
  }

  /** A number as Russian Excel reads it: a decimal comma. */
  public static String number(Number n) {
    String text = n instanceof BigDecimal d ? d.toPlainString() : n.toString();
    if (n instanceof Double || n instanceof Float) {
      double value = n.doubleValue();
      boolean whole = value == Math.rint(value) && Math.abs(value) < 1e15;
      text = whole ? Long.toString((long) value) : BigDecimal.valueOf(value).toPlainString();
    }
    return text.replace('.', ',');
  }

  /** RFC 4180: quoted when it holds the separator, a quote or a line break; quotes doubled. */
  public static String quoted(String text) {
    boolean quote = false;
    for (int i = 0; i < text.length() && !quote; i++) {
      char ch = text.charAt(i);
      quote = ch == ';' || ch == '"' || ch == '\n' || ch == '\r';
    }
    return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }
}
