package org.oko.forms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.oko.platform.web.FieldProblem;

/**
 * Checks the rows of one sheet as they arrive, so that a 200,000-row upload streams through in
 * bounded memory: each row is normalized ({@link CellCheck}), computed columns are filled in,
 * required columns, row rules and unique columns are checked, and the row goes to a sink. The same
 * rules serve the web form, the Excel upload and the JSON API.
 *
 * <p>A pre-filled sheet (the kit numbers of a point) matches incoming rows to its pre-filled rows
 * by the key column: the read-only values always come from the pre-filled row, an unknown or
 * repeated key is a problem, and {@link #finish()} emits the rows in pre-filled order, missing ones
 * empty.
 *
 * <p>Organization logins cannot be checked row by row (that needs the directory); they are
 * collected, and {@link #rejectUnknownLogins} reports those that do not exist.
 */
public final class SheetValidator {

  /** Names the cell of a value for messages ({@code C14}), or null when there are no cells. */
  @FunctionalInterface
  public interface CellNamer {
    String name(int sourceRow, int columnIndex);

    CellNamer NONE = (row, column) -> null;
  }

  private static final int MAX_LOGIN_PLACES = 20;

  private final SheetSpec sheet;
  private final List<ColumnSpec> columns;
  private final CellCheck[] checks;
  private final int[][] sums;
  private final List<Map<String, String>> prefill;
  private final Map<String, Integer> prefillPosition;
  private final String[][] prefilledRows;
  private final int keyIndex;
  private final FormProblems problems;
  private final CellNamer cells;
  private final Consumer<String[]> sink;
  private final List<Map<String, String>> uniqueSeen = new ArrayList<>();
  private final Map<String, List<Place>> logins = new HashMap<>();
  private int rows;

  private record Place(int position, int sourceRow, int column) {}

  /**
   * @param prefill the pre-filled rows (column key → value), or null for a free sheet
   * @param sink receives each checked row (values in column order, normalized; the array is the
   *     sink's to keep)
   */
  public SheetValidator(
      SheetSpec sheet,
      List<Map<String, String>> prefill,
      FormProblems problems,
      CellNamer cells,
      Consumer<String[]> sink) {
    this.sheet = sheet;
    this.columns = sheet.columns();
    this.problems = problems;
    this.cells = cells;
    this.sink = sink;
    this.checks = new CellCheck[columns.size()];
    this.sums = new int[columns.size()][];
    for (int i = 0; i < columns.size(); i++) {
      ColumnSpec column = columns.get(i);
      checks[i] = new CellCheck(column);
      if (column.type() == ColumnType.COMPUTED_SUM && column.sumOf() != null) {
        sums[i] =
            column.sumOf().stream().mapToInt(sheet::columnIndex).filter(c -> c >= 0).toArray();
      }
      uniqueSeen.add(column.unique() ? new HashMap<>() : null);
    }
    this.keyIndex = sheet.keyColumn() == null ? -1 : sheet.columnIndex(sheet.keyColumn());
    this.prefill = prefill;
    if (prefill != null && keyIndex >= 0) {
      prefillPosition = new LinkedHashMap<>();
      for (int i = 0; i < prefill.size(); i++) {
        prefillPosition.put(prefill.get(i).get(sheet.keyColumn()), i);
      }
      prefilledRows = new String[prefill.size()][];
    } else {
      prefillPosition = null;
      prefilledRows = null;
    }
  }

  /**
   * Checks one incoming row.
   *
   * @param sourceRow where it came from, for messages: the Excel row, or the grid row from 1
   * @param values in column order; shorter arrays mean empty trailing cells
   */
  public void row(int sourceRow, String[] values) {
    String[] row = new String[columns.size()];
    boolean anyEditable = false;
    for (int i = 0; i < row.length; i++) {
      String raw = i < values.length ? values[i] : null;
      row[i] = raw;
      if (raw != null && !raw.isBlank() && columns.get(i).editable()) {
        anyEditable = true;
      }
    }
    int position;
    if (prefillPosition != null) {
      position = matchPrefilled(sourceRow, row);
      if (position < 0) {
        return;
      }
    } else {
      if (!anyEditable) {
        return; // an empty line between rows, or trailing formatted rows
      }
      position = ++rows;
      if (position > sheet.effectiveMaxRows()) {
        if (position == sheet.effectiveMaxRows() + 1) {
          problems.add(
              rowProblem(
                  position,
                  sourceRow,
                  "На листе «"
                      + sheet.title()
                      + "» не может быть больше "
                      + sheet.effectiveMaxRows()
                      + " строк"));
        }
        return;
      }
    }
    check(position, sourceRow, row);
    if (prefilledRows != null) {
      prefilledRows[position - 1] = row;
    } else {
      sink.accept(row);
    }
  }

  /**
   * Ends the sheet: a pre-filled sheet emits its rows in pre-filled order (a missing one empty, and
   * checked as such).
   */
  public void finish() {
    if (prefilledRows == null) {
      return;
    }
    for (int i = 0; i < prefilledRows.length; i++) {
      String[] row = prefilledRows[i];
      if (row == null) {
        row = new String[columns.size()];
        fillPrefilled(i, row);
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

  /** The distinct organization logins typed in the sheet, to be looked up. */
  public Set<String> logins() {
    return logins.keySet();
  }

  /** Reports every place where a login that is not in {@code known} was typed. */
  public void rejectUnknownLogins(Set<String> known) {
    logins.forEach(
        (login, places) -> {
          if (!known.contains(login)) {
            for (Place place : places) {
              problems.add(
                  cellProblem(
                      place.position(),
                      place.sourceRow(),
                      place.column(),
                      login,
                      "Организация с логином «" + login + "» не найдена"));
            }
          }
        });
  }

  private int matchPrefilled(int sourceRow, String[] row) {
    String key = row[keyIndex] == null ? null : normalizedKey(row[keyIndex]);
    Integer index = key == null ? null : prefillPosition.get(key);
    if (index == null) {
      boolean empty = true;
      for (int i = 0; i < row.length; i++) {
        empty &= row[i] == null || row[i].isBlank();
      }
      if (!empty) {
        problems.add(
            cellProblem(
                0,
                sourceRow,
                keyIndex,
                row[keyIndex],
                key == null
                    ? "Строка без «" + columns.get(keyIndex).title() + "»: строки добавлять нельзя"
                    : "«" + key + "» нет среди строк этой формы: строки добавлять нельзя"));
      }
      return -1;
    }
    if (prefilledRows[index] != null) {
      problems.add(
          cellProblem(
              index + 1, sourceRow, keyIndex, key, "Строка «" + key + "» встречается дважды"));
      return -1;
    }
    fillPrefilled(index, row);
    return index + 1;
  }

  private String normalizedKey(String raw) {
    String key = raw.strip();
    return key.endsWith(".0") ? key.substring(0, key.length() - 2) : key;
  }

  private void fillPrefilled(int index, String[] row) {
    Map<String, String> values = prefill.get(index);
    for (int i = 0; i < row.length; i++) {
      if (columns.get(i).readOnly()) {
        row[i] = values.get(columns.get(i).key());
      }
    }
  }

  private void check(int position, int sourceRow, String[] row) {
    for (int i = 0; i < row.length; i++) {
      ColumnSpec column = columns.get(i);
      if (column.type() == ColumnType.COMPUTED_SUM) {
        continue;
      }
      if (column.readOnly() && prefilledRows == null) {
        row[i] = null; // read-only columns of a free sheet are never taken from the input
        continue;
      }
      CellCheck check = checks[i];
      String raw = row[i];
      if (!check.check(raw)) {
        problems.add(cellProblem(position, sourceRow, i, raw, check.error()));
        continue; // the raw value stays, so the grid shows what was typed
      }
      row[i] = check.value();
      if (row[i] == null) {
        if (column.required()) {
          problems.add(cellProblem(position, sourceRow, i, null, "Обязательное поле не заполнено"));
        }
        continue;
      }
      if (column.unique()) {
        checkUnique(position, sourceRow, i, row[i]);
      }
      if (column.type() == ColumnType.ORG_LOGIN) {
        List<Place> places = logins.computeIfAbsent(row[i], l -> new ArrayList<>(1));
        if (places.size() < MAX_LOGIN_PLACES) {
          places.add(new Place(position, sourceRow, i));
        }
      }
    }
    computeSums(row);
    checkRules(position, sourceRow, row);
  }

  private void checkUnique(int position, int sourceRow, int column, String value) {
    Map<String, String> seen = uniqueSeen.get(column);
    String cell = cells.name(sourceRow, column);
    String where = cell != null ? cell : "строке " + position;
    String first = seen.putIfAbsent(value, where);
    if (first != null) {
      problems.add(
          cellProblem(
              position,
              sourceRow,
              column,
              value,
              "Значение «" + value + "» повторяется (уже есть в " + first + ")"));
    }
  }

  private void computeSums(String[] row) {
    for (int i = 0; i < row.length; i++) {
      if (sums[i] == null) {
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
          problems.add(
              cellProblem(
                  position,
                  sourceRow,
                  i,
                  null,
                  message(rule, "Заполните «" + columns.get(i).title() + "»: " + condition)));
        }
      }
      for (String key : rule.forbid()) {
        int i = sheet.columnIndex(key);
        if (i >= 0 && row[i] != null) {
          problems.add(
              cellProblem(
                  position,
                  sourceRow,
                  i,
                  row[i],
                  message(
                      rule, "«" + columns.get(i).title() + "» должно быть пустым: " + condition)));
        }
      }
    }
  }

  private static String message(RowRuleSpec rule, String fallback) {
    return rule.message() == null || rule.message().isBlank() ? fallback : rule.message();
  }

  private FieldProblem rowProblem(int position, int sourceRow, String message) {
    String cell = cells.name(sourceRow, 0);
    return new FieldProblem(
        null,
        message,
        sheet.title(),
        cell == null ? null : String.valueOf(sourceRow),
        null,
        position,
        null);
  }

  private FieldProblem cellProblem(
      int position, int sourceRow, int column, String value, String message) {
    return new FieldProblem(
        null,
        message,
        sheet.title(),
        cells.name(sourceRow, column),
        value,
        position > 0 ? position : null,
        columns.get(column).key());
  }
}
