package org.oko.forms;

import java.util.List;
import org.oko.platform.web.FieldProblem;

/**
 * Where a problem of one sheet is: the sheet's title, the cell ({@code C14}, when the rows came
 * from a workbook), the row's position in the form and the column's key — the problems {@link
 * SheetValidator}, {@link PrefilledSheet} and {@link SheetRowRules} find, added to {@code found}.
 */
record SheetCellProblems(
    SheetSpec sheet, List<ColumnSpec> columns, FormProblems found, SheetValidator.CellNamer cells) {

  void add(FieldProblem problem) {
    found.add(problem);
  }

  /** A problem of a whole row (position from 1; the row's Excel number when there are cells). */
  void row(int position, int sourceRow, String message) {
    String cell = cells.name(sourceRow, 0);
    found.add(
        new FieldProblem(
            null,
            message,
            sheet.title(),
            cell == null ? null : String.valueOf(sourceRow),
            null,
            position,
            null));
  }

  /** A problem of one cell (position 0: the row has no place in the form). */
  void cell(int position, int sourceRow, int column, String value, String message) {
    found.add(
        new FieldProblem(
            null,
            message,
            sheet.title(),
            cells.name(sourceRow, column),
            value,
            position > 0 ? position : null,
            columns.get(column).key()));
  }
}
