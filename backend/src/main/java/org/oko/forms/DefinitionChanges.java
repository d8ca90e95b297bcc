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

  /**
   * Every change from {@code was} to {@code now} in words, for the list of a form's versions («что
   * изменилось»): sheets and columns added, removed or renamed, a column's type, obligation,
   * uniqueness, range, pattern and options, and a sheet's row rules.
   */
  static List<String> described(FormSchema was, FormSchema now) {
    List<String> changes = new ArrayList<>();
    for (SheetSpec sheet : now.sheets()) {
      SheetSpec before = was.sheet(sheet.key());
      if (before == null) {
        changes.add("Добавлен лист «" + sheet.title() + "»");
        continue;
      }
      if (!before.title().equals(sheet.title())) {
        changes.add("Лист «" + before.title() + "» назван «" + sheet.title() + "»");
      }
      sheetChanges(before, sheet, changes);
    }
    for (SheetSpec before : was.sheets()) {
      if (now.sheet(before.key()) == null) {
        changes.add("Удалён лист «" + before.title() + "»");
      }
    }
    return changes;
  }

  private static void sheetChanges(SheetSpec before, SheetSpec sheet, List<String> changes) {
    String on = "Лист «" + sheet.title() + "»";
    for (ColumnSpec column : sheet.columns()) {
      ColumnSpec old = column(before, column.key());
      if (old == null) {
        changes.add(on + ": добавлен столбец «" + column.title() + "»");
      } else {
        columnDescribed(on + ", столбец «" + column.title() + "»", old, column, changes);
      }
    }
    for (ColumnSpec old : before.columns()) {
      if (column(sheet, old.key()) == null) {
        changes.add(on + ": удалён столбец «" + old.title() + "»");
      }
    }
    if (!rulesOf(before).equals(rulesOf(sheet))) {
      changes.add(on + ": правила строк изменены");
    }
    if (before.prefill() != sheet.prefill()) {
      changes.add(on + ": изменено, откуда берутся предзаполненные строки");
    }
  }

  private static void columnDescribed(
      String where, ColumnSpec old, ColumnSpec now, List<String> changes) {
    if (!old.title().equals(now.title())) {
      changes.add(where + ": прежде «" + old.title() + "»");
    }
    if (old.type() != now.type()) {
      changes.add(where + ": изменён тип значения");
    }
    if (old.required() != now.required()) {
      changes.add(where + (now.required() ? ": стал обязательным" : ": больше не обязателен"));
    }
    if (old.unique() != now.unique()) {
      changes.add(
          where + (now.unique() ? ": значения не повторяются" : ": значения могут повторяться"));
    }
    if (!same(old.min(), now.min()) || !same(old.max(), now.max())) {
      changes.add(where + ": диапазон изменён");
    }
    if (!Objects.equals(old.pattern(), now.pattern())) {
      changes.add(where + ": образец изменён");
    }
    List<String> was = old.options() == null ? List.of() : old.options();
    List<String> is = now.options() == null ? List.of() : now.options();
    List<String> added = is.stream().filter(o -> !was.contains(o)).toList();
    List<String> removed = was.stream().filter(o -> !is.contains(o)).toList();
    if (!added.isEmpty()) {
      changes.add(where + ": добавлены варианты «" + String.join("», «", added) + "»");
    }
    if (!removed.isEmpty()) {
      changes.add(where + ": удалены варианты «" + String.join("», «", removed) + "»");
    }
  }

  private static List<RowRuleSpec> rulesOf(SheetSpec sheet) {
    return sheet.rules() == null ? List.of() : sheet.rules();
  }

  private static ColumnSpec column(SheetSpec sheet, String key) {
    return sheet.columns().stream().filter(c -> c.key().equals(key)).findFirst().orElse(null);
  }

  private static boolean same(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
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
