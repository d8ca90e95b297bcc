package org.oko.forms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Checks the rows of one sheet as they arrive, so that a 200,000-row upload streams through in
 * bounded memory: each row is normalized ({@link CellCheck}), computed columns are filled in,
 * required columns, row rules and unique columns are checked, and the row goes to a sink. The same
 * rules serve the web form, the Excel upload and the JSON API.
 *
 * <p>A pre-filled sheet (the kit numbers of a point) matches incoming rows to its pre-filled rows
 * by the key column ({@link PrefilledSheet}), and {@link #finish()} emits the rows in pre-filled
 * order, missing ones empty. Sums and row rules are {@link SheetRowRules}'.
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
  private final SheetRowRules rowRules;
  private final PrefilledSheet prefilled;
  private final SheetCellProblems problems;
  private final CellNamer cells;
  private final Consumer<String[]> sink;

  /** Per column: where each value was first seen, for unique columns and participant codes. */
  private final FirstPlaces[] firstPlaces;

  private final Map<String, List<Place>> logins = new HashMap<>();
  private int codesColumn = -1;
  private int rows;

  private record Place(int position, int sourceRow, int column, String value) {}

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
    this.problems = new SheetCellProblems(sheet, columns, problems, cells);
    this.cells = cells;
    this.sink = sink;
    this.checks = new CellCheck[columns.size()];
    this.firstPlaces = new FirstPlaces[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      ColumnSpec column = columns.get(i);
      checks[i] = new CellCheck(column);
      boolean codes = column.type() == ColumnType.PARTICIPANT_CODE;
      firstPlaces[i] = column.unique() || codes ? new FirstPlaces() : null;
      if (codes && codesColumn < 0) {
        codesColumn = i;
      }
    }
    this.rowRules = new SheetRowRules(sheet, this.problems);
    int keyIndex = sheet.keyColumn() == null ? -1 : sheet.columnIndex(sheet.keyColumn());
    this.prefilled =
        prefill != null && keyIndex >= 0
            ? new PrefilledSheet(sheet, prefill, keyIndex, this.problems)
            : null;
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
    if (prefilled != null) {
      position = prefilled.match(sourceRow, row);
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
          problems.row(
              position,
              sourceRow,
              "На листе «"
                  + sheet.title()
                  + "» не может быть больше "
                  + sheet.effectiveMaxRows()
                  + " строк");
        }
        return;
      }
    }
    check(position, sourceRow, row);
    if (prefilled != null) {
      prefilled.keep(position, row);
    } else {
      sink.accept(row);
    }
  }

  /**
   * Ends the sheet: a pre-filled sheet emits its rows in pre-filled order (a missing one empty, and
   * checked as such).
   */
  public void finish() {
    if (sheet.layout() == SheetSpec.Layout.RECORD && rows == 0) {
      // An untouched record still has its required fields to fill.
      String[] empty = new String[columns.size()];
      rows = 1;
      check(1, 1, empty);
      sink.accept(empty);
      return;
    }
    if (prefilled != null) {
      prefilled.finish(sink);
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
              problems.cell(
                  place.position(),
                  place.sourceRow(),
                  place.column(),
                  login,
                  "Организация с логином «" + login + "» не найдена");
            }
          }
        });
  }

  /**
   * Reports every place where a participant code that is not in {@code issued} was typed (the codes
   * protocol's codes, seed 004 6.13.2).
   */
  public void rejectUnissuedCodes(Set<String> issued) {
    if (codesColumn < 0) {
      return;
    }
    List<Place> unissued = new ArrayList<>();
    firstPlaces[codesColumn].forEach(
        (code, position, sourceRow) -> {
          if (!issued.contains(code)) {
            unissued.add(new Place(position, sourceRow, codesColumn, code));
          }
        });
    unissued.sort(Comparator.comparingInt(Place::position));
    for (Place place : unissued) {
      problems.cell(
          place.position(),
          place.sourceRow(),
          place.column(),
          place.value(),
          issued.isEmpty() ? noCodesYet(place.value()) : notIssued(place.value()));
    }
  }

  private static String notIssued(String code) {
    return "Кода участника «"
        + code
        + "» нет в протоколе проведения с кодами вашей организации по этому предмету";
  }

  /** With the codes-protocol stage in the schedule, a school without codes makes them first. */
  private static String noCodesYet(String code) {
    return "Код участника «"
        + code
        + "» не выдан: по этому предмету у вашей организации ещё нет кодов. Сначала сформируйте"
        + " «Протокол проведения с кодами» в личном кабинете и вносите результаты по его кодам";
  }

  private void check(int position, int sourceRow, String[] row) {
    for (int i = 0; i < row.length; i++) {
      ColumnSpec column = columns.get(i);
      if (column.type() == ColumnType.COMPUTED_SUM) {
        continue;
      }
      if (column.readOnly() && prefilled == null) {
        row[i] = null; // read-only columns of a free sheet are never taken from the input
        continue;
      }
      CellCheck check = checks[i];
      String raw = row[i];
      if (!check.check(raw)) {
        problems.cell(position, sourceRow, i, raw, check.error());
        continue; // the raw value stays, so the grid shows what was typed
      }
      row[i] = check.value();
      if (row[i] == null) {
        if (column.required()) {
          problems.cell(position, sourceRow, i, null, "Обязательное поле не заполнено");
        }
        continue;
      }
      if (column.unique()) {
        checkUnique(position, sourceRow, i, row[i]);
      }
      if (column.type() == ColumnType.ORG_LOGIN) {
        List<Place> places = logins.computeIfAbsent(row[i], l -> new ArrayList<>(1));
        if (places.size() < MAX_LOGIN_PLACES) {
          places.add(new Place(position, sourceRow, i, row[i]));
        }
      } else if (!column.unique() && firstPlaces[i] != null) {
        firstPlaces[i].putIfAbsent(row[i], position, sourceRow); // a code that may repeat
      }
    }
    rowRules.apply(position, sourceRow, row);
  }

  private void checkUnique(int position, int sourceRow, int column, String value) {
    long first = firstPlaces[column].putIfAbsent(value, position, sourceRow);
    if (first == FirstPlaces.NONE) {
      return;
    }
    String cell = cells.name(FirstPlaces.sourceRow(first), column);
    String where = cell != null ? cell : "строке " + FirstPlaces.position(first);
    problems.cell(
        position,
        sourceRow,
        column,
        value,
        "Значение «" + value + "» повторяется (уже есть в " + where + ")");
  }
}
