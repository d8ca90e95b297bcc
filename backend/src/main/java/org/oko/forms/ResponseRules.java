package org.oko.forms;

import java.util.List;
import java.util.Map;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.UnprocessableException;

/**
 * When a response may be written: not once submitted (until «Редактировать»), and only at the
 * version the writer read (optimistic locking); with the conflicts that say what to do instead.
 */
final class ResponseRules {

  /**
   * Up to this many rows a response comes whole (the web grid edits them all); a larger one (a
   * protocol uploaded as .xlsx) is answered with its counts and read a page at a time.
   */
  static final int WHOLE_ROWS = 10_000;

  private ResponseRules() {}

  /**
   * Whether a response of these rows comes with every row ({@link #WHOLE_ROWS}); one only counted
   * ({@link RowCounts}) never does.
   */
  static boolean complete(Map<String, ? extends List<?>> sheets) {
    int rows = 0;
    for (List<?> sheet : sheets.values()) {
      rows += sheet.size();
    }
    return rows <= WHOLE_ROWS;
  }

  /** A draft (or no response yet) at the version read. */
  static void requireEditable(ResponseRow row, long version) {
    requireNotSubmitted(row);
    requireVersion(row, version);
  }

  static void requireNotSubmitted(ResponseRow row) {
    if (row != null && row.submitted()) {
      throw submittedAlready();
    }
  }

  static void requireVersion(ResponseRow row, long version) {
    long current = row == null ? 0 : row.version();
    if (current != version) {
      throw stale(current);
    }
  }

  static UnprocessableException notSubmitted(FormProblems problems) {
    String more =
        problems.count() > problems.list().size()
            ? " (показаны первые " + problems.list().size() + ")"
            : "";
    return new UnprocessableException(
        "Отчёт не сдан: исправьте ошибки — " + problems.count() + more, problems.list());
  }

  static ConflictException stale(long current) {
    return new ConflictException(
        "Форму уже изменили (версия "
            + current
            + "): обновите страницу, ваши изменения не сохранены — скопируйте их перед"
            + " обновлением");
  }

  static ConflictException submittedAlready() {
    return new ConflictException(
        "Отчёт сдан: нажмите «Редактировать», чтобы внести изменения, и сдайте его снова");
  }
}
