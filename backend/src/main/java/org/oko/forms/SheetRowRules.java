package org.oko.forms;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a sheet's definition says about a whole row, applied once its cells are checked: computed
 * sums ({@link ColumnType#COMPUTED_SUM}) filled in, and the row rules ({@link RowRuleSpec}: when a
 * column holds one of some values, other columns must be filled in or left empty).
 */
final class SheetRowRules {

  private final SheetSpec sheet;
  private final List<ColumnSpec> columns;
  private final int[][] sums;
  private final SheetCellProblems problems;

  SheetRowRules(SheetSpec sheet, SheetCellProblems problems) {
    this.sheet = sheet;
    this.columns = sheet.columns();
    this.problems = problems;
    this.sums = new int[columns.size()][];
    for (int i = 0; i < columns.size(); i++) {
      ColumnSpec column = columns.get(i);
      if (column.type() == ColumnType.COMPUTED_SUM && column.sumOf() != null) {
        sums[i] =
            column.sumOf().stream().mapToInt(sheet::columnIndex).filter(c -> c >= 0).toArray();
      }
    }
  }

  /** Fills in the computed sums of a checked row (values normalized), then checks the rules. */
  void apply(int position, int sourceRow, String[] row) {
    computeSums(row);
    checkRules(position, sourceRow, row);
  }

  private void computeSums(String[] row) {
    for (int i = 0; i < row.length; i++) {
      if (sums[i] == null) {
        continue;
      }
      String whole = wholeSum(row, sums[i]);
      if (whole != null) {
        row[i] = whole.isEmpty() ? null : whole;
        continue;
      }
      BigDecimal total = BigDecimal.ZERO;
      boolean any = false;
      for (int source : sums[i]) {
        BigDecimal n = row[source] == null ? null : CellCheck.parseNumber(row[source]);
        if (n != null) {
          total = total.add(n);
          any = true;
        }
      }
      row[i] = any ? CellCheck.plain(total) : null;
    }
  }

  /**
   * The sum when every value summed is a whole number (scores: the common case, without
   * BigDecimal), "" when none is filled in, or null when the exact sum must be taken.
   */
  private static String wholeSum(String[] row, int[] sources) {
    long total = 0;
    boolean any = false;
    for (int source : sources) {
      String value = row[source];
      if (value == null) {
        continue;
      }
      if (!CellCheck.isPlainInteger(value)) {
        return null;
      }
      try {
        total = Math.addExact(total, Long.parseLong(value));
      } catch (ArithmeticException e) {
        return null;
      }
      any = true;
    }
    return any ? Long.toString(total) : "";
  }

  private void checkRules(int position, int sourceRow, String[] row) {
    for (RowRuleSpec rule : sheet.rules()) {
      int when = sheet.columnIndex(rule.when());
      String value = when < 0 ? null : row[when];
      if (value == null || rule.equals().stream().noneMatch(value::equalsIgnoreCase)) {
        continue;
      }
      String condition = "«" + columns.get(when).title() + "» — «" + value + "»";
      for (String key : rule.require()) {
        int i = sheet.columnIndex(key);
        if (i >= 0 && row[i] == null) {
          String fallback = "Заполните «" + columns.get(i).title() + "»: " + condition;
          problems.cell(position, sourceRow, i, null, message(rule, fallback));
        }
      }
      for (String key : rule.forbid()) {
        int i = sheet.columnIndex(key);
        if (i >= 0 && row[i] != null) {
          String fallback = "«" + columns.get(i).title() + "» должно быть пустым: " + condition;
          problems.cell(position, sourceRow, i, row[i], message(rule, fallback));
        }
      }
    }
  }

  private static String message(RowRuleSpec rule, String fallback) {
    return rule.message() == null || rule.message().isBlank() ? fallback : rule.message();
  }
}
