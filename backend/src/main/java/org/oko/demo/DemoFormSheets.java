package org.oko.demo;

import java.util.List;
import org.oko.forms.ColumnSpec;
import org.oko.forms.ColumnType;
import org.oko.forms.FormSchemas;
import org.oko.forms.RowRuleSpec;
import org.oko.forms.SheetSpec;

/**
 * The sheets of the demo's forms, as the seeds lay them out: their columns, types, ranges and row
 * rules ({@link DemoForms} defines the forms with them).
 */
final class DemoFormSheets {

  private DemoFormSheets() {}

  /** Seed 004, 6.6–6.8: the application (заявка): classes, subjects and participants. */
  static SheetSpec application() {
    return table(
        "classes",
        "Заявка",
        List.of(
            ColumnSpec.of("grade", "Класс", ColumnType.INTEGER).withRange(4, 11).asRequired(),
            ColumnSpec.of("subject", "Предмет", ColumnType.ENUM)
                .withOptions(
                    List.of("Русский язык", "Математика", "Окружающий мир", "История", "Биология"))
                .asRequired(),
            ColumnSpec.of("participants", "Число участников", ColumnType.INTEGER)
                .withRange(0, 300)
                .asRequired()
                .withHint("Сколько обучающихся класса (параллели) пишут работу")),
        List.of());
  }

  /** Seed 004, 5.5, 6.9–6.11: the organization (a record) and its participants (a table). */
  static List<SheetSpec> context() {
    SheetSpec school =
        new SheetSpec(
            "school",
            "Об организации",
            SheetSpec.Layout.RECORD,
            List.of(
                ColumnSpec.of("students", "Число обучающихся", ColumnType.INTEGER)
                    .withRange(0, 10000)
                    .asRequired(),
                ColumnSpec.of("teachers", "Число учителей", ColumnType.INTEGER)
                    .withRange(0, 1000)
                    .asRequired(),
                ColumnSpec.of(
                        "topTeachers",
                        "Доля учителей с высшей квалификационной категорией, %",
                        ColumnType.DECIMAL)
                    .withRange(0, 100)
                    .asRequired(),
                ColumnSpec.of("internet", "Есть доступ в интернет", ColumnType.ENUM)
                    .withOptions(List.of("да", "нет"))
                    .asRequired(),
                ColumnSpec.of("computers", "Число компьютеров для обучающихся", ColumnType.INTEGER)
                    .withRange(0, 5000)),
            List.of(),
            null,
            null,
            null);
    SheetSpec participants =
        table(
            "participants",
            "Участники",
            List.of(
                ColumnSpec.of("code", "Код участника", ColumnType.PARTICIPANT_CODE)
                    .asRequired()
                    .asUnique()
                    .withHint("Код из протокола проведения; ФИО не вводятся"),
                ColumnSpec.of("grade", "Класс", ColumnType.INTEGER).withRange(4, 11).asRequired(),
                ColumnSpec.of("sex", "Пол", ColumnType.ENUM)
                    .withOptions(List.of("мужской", "женский"))
                    .asRequired(),
                ColumnSpec.of("language", "Язык обучения", ColumnType.ENUM)
                    .withOptions(List.of("русский", "родной (нерусский)"))
                    .asRequired(),
                ColumnSpec.of("homeLanguage", "Язык общения в семье", ColumnType.ENUM)
                    .withOptions(List.of("русский", "другой"))),
            List.of());
    return List.of(school, participants);
  }

  /** Seed 004, 9.1: the results protocol, scores per task, the primary score summed. */
  static SheetSpec results() {
    return table(
        "results",
        "Протокол",
        List.of(
            ColumnSpec.of("classLetter", "Класс", ColumnType.TEXT)
                .withPattern("[0-9]{1,2}[А-Яа-я]?", "номер и буква, например 4А")
                .asRequired(),
            ColumnSpec.of("code", "Код участника", ColumnType.PARTICIPANT_CODE)
                .asRequired()
                .asUnique(),
            ColumnSpec.of("variant", "Вариант", ColumnType.INTEGER).withRange(1, 4).asRequired(),
            ColumnSpec.of("tasks", "Баллы за задания", ColumnType.TASK_SCORES).asRequired(),
            ColumnSpec.of("total", "Первичный балл", ColumnType.COMPUTED_SUM)
                .withSumOf(List.of(FormSchemas.ALL_TASKS))),
        List.of());
  }

  /** The municipal objectivity analysis: one row per school of the municipality's sample. */
  static SheetSpec objectivity() {
    return new SheetSpec(
        "schools",
        "Анализ объективности",
        SheetSpec.Layout.TABLE,
        List.of(
            ColumnSpec.of("login", "Логин ОО", ColumnType.TEXT).asReadOnly(),
            ColumnSpec.of("name", "Наименование ОО", ColumnType.TEXT).asReadOnly(),
            // Pre-filled from the results' reports (ObjectivitySignsDirectory), to confirm
            ColumnSpec.of("flags", "Признаки по отчётам ОКО", ColumnType.TEXT)
                .withMaxLength(4000)
                .asReadOnly(),
            ColumnSpec.of("signs", "Признаки необъективности", ColumnType.ENUM)
                .withOptions(List.of("да", "нет"))
                .asRequired(),
            ColumnSpec.of("measures", "Принятые меры", ColumnType.TEXT).withMaxLength(2000)),
        List.of(
            new RowRuleSpec(
                "signs",
                List.of("да"),
                List.of("measures"),
                null,
                "Опишите принятые меры: отмечены признаки необъективности")),
        SheetSpec.Prefill.MUNICIPALITY_SAMPLE,
        "login",
        null);
  }

  /** Seed 001, figures 8–15: protocol 2 of one subject, every kit of the point pre-filled. */
  static SheetSpec protocol2() {
    return new SheetSpec(
        "kits",
        "Протокол 2",
        SheetSpec.Layout.TABLE,
        List.of(
            ColumnSpec.of("kit", "Номер комплекта", ColumnType.TEXT).asReadOnly(),
            ColumnSpec.of("comment", "Комментарий", ColumnType.ENUM)
                .withOptions(List.of("использован", "испорчен", "не использован"))
                .asRequired(),
            ColumnSpec.of("school", "Логин ОО, в которой работает учитель", ColumnType.ORG_LOGIN)
                .withHint(
                    "Для использованного комплекта: логин школы учителя, например edu640001")),
        List.of(
            new RowRuleSpec("comment", List.of("использован"), List.of("school"), null, null),
            new RowRuleSpec(
                "comment", List.of("испорчен", "не использован"), null, List.of("school"), null)),
        SheetSpec.Prefill.KITS,
        "kit",
        null);
  }

  private static SheetSpec table(
      String key, String title, List<ColumnSpec> columns, List<RowRuleSpec> rules) {
    return new SheetSpec(key, title, SheetSpec.Layout.TABLE, columns, rules, null, null, null);
  }
}
