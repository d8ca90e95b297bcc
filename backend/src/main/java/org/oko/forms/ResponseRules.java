package org.oko.forms;

import org.oko.platform.web.ConflictException;
import org.oko.platform.web.UnprocessableException;

/**
 * When a response may be written: not once submitted (until «Редактировать»), and only at the
 * version the writer read (optimistic locking); with the conflicts that say what to do instead.
 */
final class ResponseRules {

  private ResponseRules() {}

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
