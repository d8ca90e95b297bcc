package org.oko.forms;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.UnprocessableException;

/**
 * Makes a form definition as typed by the federal organizer into the one stored: task-score columns
 * expanded from the subject's criteria, then every inconsistency reported at once.
 */
public final class FormSchemas {

  /** A task of a campaign subject and its maximum score (the criteria). */
  public record Task(String label, int maxScore) {}

  /** The key of a task column (task «2.1» → {@code task_2}, by position). */
  public static String taskKey(int position) {
    return "task_" + position;
  }

  /** The keys a {@code sumOf} entry {@code tasks} stands for. */
  public static final String ALL_TASKS = "tasks";

  private FormSchemas() {}

  /**
   * Expands {@code TASK_SCORES} columns into one INTEGER column per task, bounded by the task's
   * maximum, and {@code sumOf: [tasks]} into those keys; then checks the whole schema.
   *
   * @param tasks the tasks of the form's subject, or an empty list when it has none
   * @throws UnprocessableException listing every problem
   */
  public static FormSchema prepare(FormSchema schema, List<Task> tasks) {
    List<FieldProblem> problems = new ArrayList<>();
    List<SheetSpec> sheets = new ArrayList<>();
    for (SheetSpec sheet : schema.sheets()) {
      sheets.add(expand(sheet, tasks, problems));
    }
    FormSchema prepared = new FormSchema(List.copyOf(sheets));
    check(prepared, problems);
    if (!problems.isEmpty()) {
      throw new UnprocessableException("Определение формы содержит ошибки", problems);
    }
    return prepared;
  }

  private static SheetSpec expand(SheetSpec sheet, List<Task> tasks, List<FieldProblem> problems) {
    List<ColumnSpec> columns = new ArrayList<>();
    List<String> taskKeys = new ArrayList<>();
    for (ColumnSpec column : sheet.columns()) {
      if (column.type() != ColumnType.TASK_SCORES) {
        columns.add(column);
        continue;
      }
      if (tasks.isEmpty()) {
        problems.add(
            field(
                sheet,
                column.key(),
                "Баллы по заданиям берутся из заданий предмета: укажите subjectKey предмета"
                    + " с заданиями (tasks)"));
      }
      for (int i = 0; i < tasks.size(); i++) {
        Task task = tasks.get(i);
        String key = taskKey(i + 1);
        taskKeys.add(key);
        columns.add(
            ColumnSpec.of(key, task.label(), ColumnType.INTEGER)
                .withRange(0, task.maxScore())
                .inGroup(column.group() != null ? column.group() : column.title())
                .withHint("Балл за задание " + task.label() + ": от 0 до " + task.maxScore())
                .asRequiredIf(column.required()));
      }
    }
    List<ColumnSpec> resolved = new ArrayList<>();
    for (ColumnSpec column : columns) {
      if (column.sumOf() != null && column.sumOf().contains(ALL_TASKS)) {
        List<String> keys = new ArrayList<>();
        for (String key : column.sumOf()) {
          if (key.equals(ALL_TASKS)) {
            keys.addAll(taskKeys);
          } else {
            keys.add(key);
          }
        }
        column = column.withSumOf(keys);
      }
      resolved.add(column);
    }
    return new SheetSpec(
        sheet.key(),
        sheet.title(),
        sheet.layout(),
        List.copyOf(resolved),
        sheet.rules(),
        sheet.prefill(),
        sheet.keyColumn(),
        sheet.maxRows());
  }

  private static void check(FormSchema schema, List<FieldProblem> problems) {
    if (schema.sheets().isEmpty()) {
      problems.add(FieldProblem.of("sheets", "В форме должен быть хотя бы один лист"));
    }
    Set<String> sheetKeys = new HashSet<>();
    Set<String> sheetTitles = new HashSet<>();
    for (SheetSpec sheet : schema.sheets()) {
      if (!sheetKeys.add(sheet.key())) {
        problems.add(FieldProblem.of("sheets", "Лист «" + sheet.key() + "» повторяется"));
      }
      if (!sheetTitles.add(sheet.title().toLowerCase())
          || sheet.title().equalsIgnoreCase(FormWorkbookNames.INSTRUCTION)
          || sheet.title().equalsIgnoreCase(FormWorkbookNames.SIGNATURE)) {
        problems.add(
            field(sheet, null, "Название листа «" + sheet.title() + "» занято или повторяется"));
      }
      checkColumns(sheet, problems);
      checkRules(sheet, problems);
    }
  }

  private static void checkColumns(SheetSpec sheet, List<FieldProblem> problems) {
    if (sheet.columns().isEmpty()) {
      problems.add(field(sheet, null, "В листе нет столбцов"));
    }
    Set<String> keys = new HashSet<>();
    for (ColumnSpec column : sheet.columns()) {
      if (!keys.add(column.key())) {
        problems.add(field(sheet, column.key(), "Столбец повторяется"));
      }
      if (column.type() == ColumnType.ENUM
          && (column.options() == null || column.options().isEmpty())) {
        problems.add(field(sheet, column.key(), "У перечисления нет вариантов (options)"));
      }
      if (column.min() != null
          && column.max() != null
          && column.min().compareTo(column.max()) > 0) {
        problems.add(field(sheet, column.key(), "min больше max"));
      }
      if (column.pattern() != null) {
        try {
          Pattern.compile(column.pattern());
        } catch (PatternSyntaxException e) {
          problems.add(field(sheet, column.key(), "Неверное регулярное выражение pattern"));
        }
      }
      if (column.type() == ColumnType.COMPUTED_SUM) {
        if (column.sumOf() == null || column.sumOf().isEmpty()) {
          problems.add(field(sheet, column.key(), "Сумма без слагаемых (sumOf)"));
        } else {
          column.sumOf().stream()
              .filter(key -> sheet.columnIndex(key) < 0)
              .forEach(
                  key -> problems.add(field(sheet, column.key(), "Нет столбца «" + key + "»")));
        }
      }
    }
    if (sheet.prefilled()) {
      int key = sheet.keyColumn() == null ? -1 : sheet.columnIndex(sheet.keyColumn());
      if (key < 0 || !sheet.columns().get(key).readOnly()) {
        problems.add(
            field(
                sheet,
                sheet.keyColumn(),
                "У листа с предзаполненными строками должен быть столбец-ключ (keyColumn),"
                    + " только для чтения"));
      }
    }
  }

  private static void checkRules(SheetSpec sheet, List<FieldProblem> problems) {
    for (RowRuleSpec rule : sheet.rules()) {
      List<String> named = new ArrayList<>();
      named.add(rule.when());
      named.addAll(rule.require());
      named.addAll(rule.forbid());
      for (String key : named) {
        if (sheet.columnIndex(key) < 0) {
          problems.add(field(sheet, key, "Правило ссылается на несуществующий столбец"));
        }
      }
    }
  }

  private static FieldProblem field(SheetSpec sheet, String column, String message) {
    return new FieldProblem(
        "sheets." + sheet.key() + (column == null ? "" : ".columns." + column),
        message,
        sheet.title(),
        null,
        null,
        null,
        column);
  }
}
