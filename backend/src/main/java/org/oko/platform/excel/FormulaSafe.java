package org.oko.platform.excel;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;

/**
 * Text for cells of exported workbooks. A value starting with {@code = + - @} could be taken for a
 * formula when the file is re-saved as CSV or edited by hand (formula injection), so it gets a
 * leading apostrophe, as Excel itself does for text that looks like a formula.
 */
public final class FormulaSafe {

  private FormulaSafe() {}

  public static String text(String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    char first = value.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' ? "'" + value : value;
  }

  /**
   * A text cell at {@code column} of {@code row}: the value made safe (an absent one empty), the
   * style set if one is given.
   */
  public static Cell cell(Row row, int column, String value, CellStyle style) {
    Cell cell = row.createCell(column);
    cell.setCellValue(text(value == null ? "" : value));
    if (style != null) {
      cell.setCellStyle(style);
    }
    return cell;
  }
}
