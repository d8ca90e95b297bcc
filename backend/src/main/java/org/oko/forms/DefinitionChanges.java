package org.oko.forms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.oko.platform.web.FieldProblem;

/**
 * Which changes a form that has responses may still get (issue 19, «a form with responses can only
 * get compatible changes»): nothing that makes a saved response unreadable or wrong. A new sheet, a
 * new optional column, a new option, looser bounds, new titles and hints are compatible; a sheet or
 * column removed, a column's type changed, a column newly required or unique, an option removed, a
 * tighter bound, a longer-than-before limit made shorter or a new pattern are not — each named in
 * words, so the organizer knows what to keep (or to make a new form).
 */
final class DefinitionChanges {

  private DefinitionChanges() {}

  /** Every change of {@code next} that responses saved with {@code current} would not survive. */
  static List<FieldProblem> incompatible(FormSchema current, FormSchema next) {
    List<FieldProblem> problems = new ArrayList<>();
    for (SheetSpec was : current.sheets()) {
      SheetSpec now = next.sheet(was.key());
      if (now == null) {
        problems.add(problem(was, null, "лист удалён"));
        continue;
      }
      for (ColumnSpec column : was.columns()) {
        ColumnSpec changed =
            now.columns().stream()
                .filter(c -> c.key().equals(column.key()))
                .findFirst()
                .orElse(null);
        if (changed == null) {
          problems.add(problem(was, column, "столбец удалён"));
        } else {
          columnChanges(was, column, changed, problems);
        }
      }
      for (ColumnSpec added : now.columns()) {
        boolean isNew = was.columns().stream().noneMatch(c -> c.key().equals(added.key()));
        if (isNew && added.required()) {
          problems.add(
              problem(now, added, "новый столбец обязателен, а в сданных ответах он пуст"));
        }
      }
    }
    return problems;
  }

  private static void columnChanges(
      SheetSpec sheet, ColumnSpec was, ColumnSpec now, List<FieldProblem> problems) {
    if (was.type() != now.type()) {
      problems.add(problem(sheet, was, "изменён тип значения"));
      return;
    }
    if (!was.required() && now.required()) {
      problems.add(problem(sheet, was, "столбец стал обязательным"));
    }
    if (!was.unique() && now.unique()) {
      problems.add(problem(sheet, was, "значения столбца должны стать неповторяющимися"));
    }
    if (tighter(was.min(), now.min(), true) || tighter(was.max(), now.max(), false)) {
      problems.add(problem(sheet, was, "диапазон допустимых значений сужен"));
    }
    if (now.maxLength() != null && was.effectiveMaxLength() > now.effectiveMaxLength()) {
      problems.add(problem(sheet, was, "допустимая длина текста уменьшена"));
    }
    if (now.pattern() != null && !Objects.equals(was.pattern(), now.pattern())) {
      problems.add(
          problem(sheet, was, "изменён образец, которому должно соответствовать значение"));
    }
    if (was.options() != null && now.options() != null) {
      List<String> removed = new ArrayList<>(was.options());
      removed.removeAll(new HashSet<>(now.options()));
      if (!removed.isEmpty()) {
        problems.add(
            problem(sheet, was, "удалены варианты «" + String.join("», «", removed) + "»"));
      }
    }
  }

  /** Whether a bound now admits fewer values: a higher minimum, a lower maximum, a new bound. */
  private static boolean tighter(BigDecimal was, BigDecimal now, boolean minimum) {
    if (now == null) return false;
    if (was == null) return true;
    return minimum ? now.compareTo(was) > 0 : now.compareTo(was) < 0;
  }

  private static FieldProblem problem(SheetSpec sheet, ColumnSpec column, String what) {
    String where =
        "Лист «"
            + sheet.title()
            + "»"
            + (column == null ? "" : ", столбец «" + column.title() + "»");
    return FieldProblem.of(
        "sheets", where + ": " + what + " — форму уже начали заполнять, так её изменить нельзя");
  }
}
