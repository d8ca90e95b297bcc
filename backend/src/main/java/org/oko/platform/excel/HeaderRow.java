package org.oko.platform.excel;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntFunction;
import org.oko.platform.web.FieldProblem;

/**
 * The titles row of a sheet OKO handed out, checked before any row below it is read: a table is
 * read by column position, so an edited, moved or inserted column, or a row inserted above the
 * titles, would otherwise turn into errors in unrelated cells (or values in the wrong field). One
 * problem names what is wrong and where; nothing below is read then.
 *
 * <ul>
 *   <li>The titles in their row (or higher, when the user deleted a row above them): the sheet is
 *       read.
 *   <li>A row in the titles' place that has most of the titles but not all in place: the first
 *       column out of place is named by its cell, with where its title went if it is elsewhere.
 *   <li>Anything else in the titles' place (a note typed into an inserted row, data rows): the
 *       titles are looked for in the next {@value #SEARCH_ROWS} rows; if found, the problem says
 *       the titles row is lower than it should be; if not, that it was not found.
 * </ul>
 *
 * <p>Titles compare whatever their case, surrounding spaces and line breaks. Feed it the rows that
 * have a value, in order, until it is no longer {@link State#PENDING}; then call {@link #finish}.
 */
public final class HeaderRow {

  /** How far below its place the titles row is looked for. */
  public static final int SEARCH_ROWS = 10;

  /** Where the check stands. */
  public enum State {
    /** The titles have not been found yet; the rows offered so far are not data. */
    PENDING,
    /** The titles are in place: the rows after them are data. */
    FOUND,
    /** The sheet cannot be read by position: see {@link #problem()}. */
    REFUSED
  }

  private final String sheet;
  private final List<String> titles;
  private final int row;
  private State state = State.PENDING;
  private FieldProblem problem;
  private String firstCellOfRow;

  /**
   * @param sheet the sheet's name, for the problem
   * @param titles the titles of the columns from A on, as the template writes them
   * @param row the 1-based row the titles stand in
   */
  public HeaderRow(String sheet, List<String> titles, int row) {
    this.sheet = sheet;
    this.titles = List.copyOf(titles);
    this.row = row;
  }

  public State state() {
    return state;
  }

  /** Why the sheet cannot be read, once {@link State#REFUSED}. */
  public Optional<FieldProblem> problem() {
    return Optional.ofNullable(problem);
  }

  /**
   * Judges the next row that has a value.
   *
   * @param number its 1-based number
   * @param cell its text by 0-based column, null when blank
   * @return the state after it; once not {@link State#PENDING}, further rows are not looked at
   */
  public State offer(int number, IntFunction<String> cell) {
    if (state != State.PENDING) {
      return state;
    }
    if (number == row) {
      firstCellOfRow = cell.apply(0);
    }
    int wrong = firstMismatch(cell);
    if (wrong < 0) {
      // Higher than its place is fine: a row above it (a group row) was deleted.
      return number <= row ? found() : refused(displaced(number));
    }
    boolean header = looksLikeTitles(cell);
    if (number == row && header) {
      return refused(columnProblem(wrong, cell));
    }
    if (number > row && header) {
      return refused(displaced(number));
    }
    if (number >= row + SEARCH_ROWS) {
      return refused(notFound());
    }
    return state;
  }

  /** At the end of the sheet: a titles row never found is a problem too. */
  public State finish() {
    return state == State.PENDING ? refused(notFound()) : state;
  }

  /** Whether a cell's text is the title, as people retype it. */
  public static boolean sameTitle(String expected, String found) {
    return found != null && normalized(expected).equals(normalized(found));
  }

  private State found() {
    state = State.FOUND;
    return state;
  }

  private State refused(FieldProblem why) {
    problem = why;
    state = State.REFUSED;
    return state;
  }

  private int firstMismatch(IntFunction<String> cell) {
    for (int i = 0; i < titles.size(); i++) {
      if (!sameTitle(titles.get(i), cell.apply(i))) {
        return i;
      }
    }
    return -1;
  }

  /** At least half of the titles (and one) somewhere in the row: it is the titles row, edited. */
  private boolean looksLikeTitles(IntFunction<String> cell) {
    int present = 0;
    for (String title : titles) {
      if (columnOf(title, cell) >= 0) {
        present++;
      }
    }
    return present > 0 && present * 2 >= titles.size();
  }

  /** The 0-based column holding {@code title} in the row, looking a little beyond the table. */
  private int columnOf(String title, IntFunction<String> cell) {
    for (int i = 0; i < titles.size() + SEARCH_ROWS; i++) {
      if (sameTitle(title, cell.apply(i))) {
        return i;
      }
    }
    return -1;
  }

  private FieldProblem columnProblem(int column, IntFunction<String> cell) {
    String address = CellRef.columnLetters(column) + row;
    String expected = titles.get(column);
    String found = cell.apply(column) == null ? null : cell.apply(column).strip();
    int elsewhere = columnOf(expected, cell);
    String message =
        "В ячейке "
            + address
            + " должен быть заголовок «"
            + expected
            + "», а "
            + (found == null ? "ячейка пуста" : "стоит «" + cut(found) + "»")
            + (elsewhere >= 0
                ? "; столбец «" + expected + "» стоит в столбце " + CellRef.columnLetters(elsewhere)
                : "")
            + ": не вставляйте, не удаляйте и не переставляйте столбцы шаблона";
    return FieldProblem.inCell(sheet, address, found, message);
  }

  private FieldProblem displaced(int number) {
    return FieldProblem.inCell(
        sheet,
        "A" + number,
        null,
        "Строка заголовков должна быть строкой "
            + row
            + ", а найдена в строке "
            + number
            + ": удалите строки, вставленные над ней, и загрузите файл снова");
  }

  private FieldProblem notFound() {
    return FieldProblem.inCell(
        sheet,
        "A" + row,
        firstCellOfRow == null ? null : firstCellOfRow.strip(),
        "Строка заголовков не найдена: она должна быть строкой "
            + row
            + " (первый столбец — «"
            + titles.get(0)
            + "»). Не вставляйте строки над заголовками, не удаляйте и не сдвигайте их");
  }

  private static String normalized(String title) {
    return title.replace('\u00A0', ' ').strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  private static String cut(String text) {
    return text.length() > 60 ? text.substring(0, 60) + "…" : text;
  }
}
