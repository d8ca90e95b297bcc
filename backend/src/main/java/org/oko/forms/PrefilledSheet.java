package org.oko.forms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.oko.platform.web.FieldProblem;

/**
 * A pre-filled sheet (the kit numbers of a point) as its rows arrive: an incoming row is matched to
 * its pre-filled row by the key column, its read-only values always come from the pre-filled row,
 * an unknown or repeated key is a problem, and at the end the rows go out in pre-filled order, a
 * missing one empty and reported (rows of such a sheet may be neither added nor removed).
 */
final class PrefilledSheet {

  private final SheetSpec sheet;
  private final List<ColumnSpec> columns;
  private final List<Map<String, String>> prefill;
  private final Map<String, Integer> positions = new LinkedHashMap<>();
  private final String[][] rows;
  private final int keyIndex;
  private final SheetCellProblems problems;

  PrefilledSheet(
      SheetSpec sheet,
      List<Map<String, String>> prefill,
      int keyIndex,
      SheetCellProblems problems) {
    this.sheet = sheet;
    this.columns = sheet.columns();
    this.prefill = prefill;
    this.keyIndex = keyIndex;
    this.problems = problems;
    for (int i = 0; i < prefill.size(); i++) {
      positions.put(prefill.get(i).get(sheet.keyColumn()), i);
    }
    this.rows = new String[prefill.size()][];
  }

  /**
   * The position (from 1) of the pre-filled row this incoming row fills in, its read-only values
   * set; -1 (and a problem unless the row is empty) when it has none or it came already.
   */
  int match(int sourceRow, String[] row) {
    String key = row[keyIndex] == null ? null : normalizedKey(row[keyIndex]);
    Integer index = key == null ? null : positions.get(key);
    if (index == null) {
      if (!isEmpty(row)) {
        problems.cell(
            0,
            sourceRow,
            keyIndex,
            row[keyIndex],
            key == null
                ? "Строка без «" + columns.get(keyIndex).title() + "»: строки добавлять нельзя"
                : "«" + key + "» нет среди строк этой формы: строки добавлять нельзя");
      }
      return -1;
    }
    if (rows[index] != null) {
      problems.cell(index + 1, sourceRow, keyIndex, key, "Строка «" + key + "» встречается дважды");
      return -1;
    }
    fill(index, row);
    return index + 1;
  }

  /** Keeps a checked row until {@link #finish}. */
  void keep(int position, String[] row) {
    rows[position - 1] = row;
  }

  /**
   * Emits the rows in pre-filled order; a missing one empty (its read-only values set), reported.
   */
  void finish(Consumer<String[]> sink) {
    for (int i = 0; i < rows.length; i++) {
      String[] row = rows[i];
      if (row == null) {
        row = new String[columns.size()];
        fill(i, row);
        problems.add(
            new FieldProblem(
                null,
                "Нет строки «" + row[keyIndex] + "»: строки формы удалять нельзя",
                sheet.title(),
                null,
                row[keyIndex],
                i + 1,
                columns.get(keyIndex).key()));
      }
      sink.accept(row);
    }
  }

  private static boolean isEmpty(String[] row) {
    for (String value : row) {
      if (value != null && !value.isBlank()) {
        return false;
      }
    }
    return true;
  }

  private static String normalizedKey(String raw) {
    String key = raw.strip();
    return key.endsWith(".0") ? key.substring(0, key.length() - 2) : key;
  }

  private void fill(int index, String[] row) {
    Map<String, String> values = prefill.get(index);
    for (int i = 0; i < row.length; i++) {
      if (columns.get(i).readOnly()) {
        row[i] = values.get(columns.get(i).key());
      }
    }
  }
}
