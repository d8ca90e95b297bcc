package org.oko.logistics;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

/** Writing the cells of the logistics workbooks. */
final class Cells {

  private Cells() {}

  /** A text cell that no spreadsheet program takes for a formula (see {@link #safe}). */
  static Cell text(Row row, int column, String value) {
    Cell cell = row.createCell(column);
    cell.setCellValue(safe(value));
    return cell;
  }

  static Cell number(Row row, int column, long value) {
    Cell cell = row.createCell(column);
    cell.setCellValue(value);
    return cell;
  }

  /**
   * POI writes string cells, which Excel does not evaluate, but a user who saves the sheet as CSV
   * or edits the cell would turn «=HYPERLINK(…)» in an organization's name into a live formula; a
   * leading apostrophe keeps such text text everywhere (OWASP, CSV injection).
   */
  static String safe(String text) {
    if (text == null) {
      return "";
    }
    if (text.isEmpty()) {
      return text;
    }
    char first = text.charAt(0);
    boolean formulaLike =
        first == '='
            || first == '+'
            || first == '-'
            || first == '@'
            || first == '\t'
            || first == '\r';
    return formulaLike ? "'" + text : text;
  }

  static CellStyle bold(Workbook workbook) {
    CellStyle bold = workbook.createCellStyle();
    Font font = workbook.createFont();
    font.setBold(true);
    bold.setFont(font);
    return bold;
  }
}
