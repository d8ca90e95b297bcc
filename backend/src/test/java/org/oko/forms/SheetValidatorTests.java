package org.oko.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oko.platform.excel.CellRef;
import org.oko.platform.web.FieldProblem;

class SheetValidatorTests {

  private static final SheetSpec RESULTS =
      FormSchemas.prepare(
              new FormSchema(
                  List.of(
                      new SheetSpec(
                          "results",
                          "Протокол",
                          null,
                          List.of(
                              ColumnSpec.of("code", "Код участника", ColumnType.PARTICIPANT_CODE)
                                  .asRequired()
                                  .asUnique(),
                              ColumnSpec.of("variant", "Вариант", ColumnType.INTEGER)
                                  .withRange(1, 4)
                                  .asRequired(),
                              ColumnSpec.of("tasks", "Баллы", ColumnType.TASK_SCORES).asRequired(),
                              ColumnSpec.of("total", "Сумма", ColumnType.COMPUTED_SUM)
                                  .withSumOf(List.of("tasks"))),
                          null,
                          null,
                          null,
                          null))),
              List.of(new FormSchemas.Task("1", 1), new FormSchemas.Task("2", 2)))
          .sheets()
          .get(0);

  private static final SheetSpec PROTOCOL2 =
      new SheetSpec(
          "kits",
          "Протокол 2",
          null,
          List.of(
              ColumnSpec.of("kit", "Номер комплекта", ColumnType.TEXT).asReadOnly(),
              ColumnSpec.of("comment", "Комментарий", ColumnType.ENUM)
                  .withOptions(List.of("использован", "испорчен", "не использован"))
                  .asRequired(),
              ColumnSpec.of(
                  "school", "Логин ОО, в которой работает учитель", ColumnType.ORG_LOGIN)),
          List.of(
              new RowRuleSpec("comment", List.of("использован"), List.of("school"), null, null),
              new RowRuleSpec(
                  "comment", List.of("испорчен", "не использован"), null, List.of("school"), null)),
          SheetSpec.Prefill.STORED,
          "kit",
          null);

  private final FormProblems problems = new FormProblems();
  private final List<String[]> rows = new ArrayList<>();

  private SheetValidator excel(SheetSpec sheet, List<Map<String, String>> prefill) {
    return new SheetValidator(
        sheet, prefill, problems, (row, column) -> CellRef.columnLetters(column) + row, rows::add);
  }

  @Test
  void scoresAreNormalizedBoundedByTheTaskMaximumAndSummed() {
    var validator = excel(RESULTS, null);
    validator.row(3, new String[] {"10001.0", " 2 ", "1", "2.0"});
    validator.row(4, new String[] {"10002", "1", "1", "3"});
    validator.finish();

    assertThat(RESULTS.columns())
        .extracting(ColumnSpec::key)
        .containsExactly("code", "variant", "task_1", "task_2", "total");
    assertThat(rows.get(0)).containsExactly("10001", "2", "1", "2", "3");
    assertThat(problems.list())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.cell()).isEqualTo("D4");
              assertThat(p.value()).isEqualTo("3");
              assertThat(p.column()).isEqualTo("task_2");
              assertThat(p.row()).isEqualTo(2);
              assertThat(p.message()).isEqualTo("Допустимо от 0 до 2");
            });
  }

  @Test
  void aRepeatedParticipantCodeNamesWhereItFirstAppeared() {
    var validator = excel(RESULTS, null);
    validator.row(3, new String[] {"10001", "1", "0", "0"});
    validator.row(4, new String[] {"10001", "1", "0", "0"});

    assertThat(problems.list())
        .extracting(FieldProblem::cell, FieldProblem::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "A4", "Значение «10001» повторяется (уже есть в A3)"));
  }

  /**
   * Codes are kept as numbers while a protocol streams in (issue 24), yet compared as typed: «007»
   * and «7» are two codes, a repeat among 4,000 is still named by where it first appeared, and
   * integers come out in one spelling («007» as a variant is 7, «-0» is 0).
   */
  @Test
  void codesAreComparedAsTypedAmongManyAndNumbersGetOneSpelling() {
    var validator = excel(RESULTS, null);
    validator.row(3, new String[] {"007", "1", "0", "0"});
    validator.row(4, new String[] {"7", "001", "-0", "0"});
    for (int i = 0; i < 4_000; i++) {
      validator.row(5 + i, new String[] {String.valueOf(640_000_000_000L + i), "1", "0", "0"});
    }
    validator.row(4_005, new String[] {"640000001234", "1", "0", "0"});
    validator.row(4_006, new String[] {"007", "1", "0", "0"});

    assertThat(rows.get(0)[0]).isEqualTo("007");
    assertThat(rows.get(1)).containsExactly("7", "1", "0", "0", "0");
    assertThat(problems.list())
        .extracting(FieldProblem::cell, FieldProblem::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "A4005", "Значение «640000001234» повторяется (уже есть в A1239)"),
            org.assertj.core.groups.Tuple.tuple(
                "A4006", "Значение «007» повторяется (уже есть в A3)"));
  }

  /** Codes the codes protocol did not issue (seed 004, 6.13.2) are reported top to bottom. */
  @Test
  void unissuedCodesAreReportedInTheOrderOfTheRows() {
    var validator = excel(RESULTS, null);
    for (int i = 0; i < 2_000; i++) {
      validator.row(3 + i, new String[] {String.valueOf(10_000 + i), "1", "0", "0"});
    }
    validator.row(2_003, new String[] {"0042", "1", "0", "0"});
    validator.finish();
    Set<String> issued = new java.util.HashSet<>();
    for (int i = 0; i < 2_000; i++) {
      if (i % 500 != 499) {
        issued.add(String.valueOf(10_000 + i));
      }
    }
    validator.rejectUnissuedCodes(issued);

    assertThat(problems.list())
        .extracting(FieldProblem::cell, FieldProblem::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("A502", "10499"),
            org.assertj.core.groups.Tuple.tuple("A1002", "10999"),
            org.assertj.core.groups.Tuple.tuple("A1502", "11499"),
            org.assertj.core.groups.Tuple.tuple("A2002", "11999"),
            org.assertj.core.groups.Tuple.tuple("A2003", "0042"));
  }

  /** A computed sum is exact whatever is summed: whole numbers, fractions, or a cell left wrong. */
  @Test
  void sumsAreExactForWholeNumbersFractionsAndWrongCells() {
    SheetSpec money =
        new SheetSpec(
            "money",
            "Расходы",
            null,
            List.of(
                ColumnSpec.of("a", "Статья 1", ColumnType.DECIMAL),
                ColumnSpec.of("b", "Статья 2", ColumnType.DECIMAL),
                ColumnSpec.of("total", "Итого", ColumnType.COMPUTED_SUM)
                    .withSumOf(List.of("a", "b"))),
            null,
            null,
            null,
            null);
    var validator = excel(money, null);
    validator.row(2, new String[] {"12", "30"});
    validator.row(3, new String[] {"1,5", "2"});
    validator.row(4, new String[] {"сто", "2"});
    validator.row(5, new String[] {"99999999999999999", "99999999999999999"});
    validator.row(6, new String[] {"-0,25", null});

    assertThat(rows)
        .extracting(r -> r[2])
        .containsExactly("42", "3.5", "2", "199999999999999998", "-0.25");
    assertThat(problems.list()).extracting(FieldProblem::cell).containsExactly("A4");
  }

  @Test
  void namesInTheCodeColumnAndMissingRequiredCellsAreRefused() {
    var validator = excel(RESULTS, null);
    validator.row(3, new String[] {"Иванов", "1", "", "1"});

    assertThat(problems.list())
        .extracting(FieldProblem::cell, FieldProblem::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "A3",
                "Код участника — только цифры, не больше 12 (без ФИО и других личных данных)"),
            org.assertj.core.groups.Tuple.tuple("C3", "Обязательное поле не заполнено"));
  }

  @Test
  void emptyRowsAreSkippedAndReadOnlyInputIgnored() {
    var validator = excel(RESULTS, null);
    validator.row(3, new String[] {null, "  ", null});
    validator.row(5, new String[] {"7", "1", "1", "1", "999"});
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0)[4]).isEqualTo("2");
    assertThat(problems.isEmpty()).isTrue();
  }

  @Test
  void prefilledRowsAreMatchedByKeyAndRowRulesApply() {
    var prefill =
        List.of(Map.of("kit", "501501"), Map.of("kit", "501502"), Map.of("kit", "501503"));
    var validator = excel(PROTOCOL2, prefill);
    validator.row(2, new String[] {"501502", "Испорчен", "edu640001"});
    validator.row(3, new String[] {"501501", "использован", null});
    validator.row(4, new String[] {"501599", "использован", "edu640001"});
    validator.row(5, new String[] {"501501", "использован", "edu640002"});
    validator.finish();

    assertThat(rows).extracting(r -> r[0]).containsExactly("501501", "501502", "501503");
    assertThat(rows.get(1)[1]).isEqualTo("испорчен");
    assertThat(problems.list())
        .extracting(FieldProblem::cell, FieldProblem::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "C2",
                "«Логин ОО, в которой работает учитель» должно быть пустым: «Комментарий» — «испорчен»"),
            org.assertj.core.groups.Tuple.tuple(
                "C3",
                "Заполните «Логин ОО, в которой работает учитель»: «Комментарий» — «использован»"),
            org.assertj.core.groups.Tuple.tuple(
                "A4", "«501599» нет среди строк этой формы: строки добавлять нельзя"),
            org.assertj.core.groups.Tuple.tuple("A5", "Строка «501501» встречается дважды"),
            org.assertj.core.groups.Tuple.tuple(
                null, "Нет строки «501503»: строки формы удалять нельзя"));
  }

  @Test
  void unknownLoginsAreReportedAfterTheLookup() {
    var validator = excel(PROTOCOL2, List.of(Map.of("kit", "1"), Map.of("kit", "2")));
    validator.row(2, new String[] {"1", "использован", "EDU640001"});
    validator.row(3, new String[] {"2", "использован", "edu999999"});
    validator.finish();

    assertThat(validator.logins()).containsExactlyInAnyOrder("edu640001", "edu999999");
    validator.rejectUnknownLogins(Set.of("edu640001"));
    assertThat(problems.list())
        .extracting(FieldProblem::cell, FieldProblem::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "C3", "Организация с логином «edu999999» не найдена"));
  }

  @Test
  void datesAreReadInEverySpellingPeopleUse() {
    var sheet =
        new SheetSpec(
            "s",
            "Даты",
            null,
            List.of(ColumnSpec.of("d", "Дата", ColumnType.DATE)),
            null,
            null,
            null,
            null);
    var validator = excel(sheet, null);
    validator.row(1, new String[] {"1.9.2025"});
    validator.row(2, new String[] {"2025-09-02"});
    validator.row(3, new String[] {"45903"});
    validator.row(4, new String[] {"31.02.2025"});
    assertThat(rows)
        .extracting(r -> r[0])
        .containsExactly("01.09.2025", "02.09.2025", "03.09.2025", "31.02.2025");
    assertThat(problems.list()).extracting(FieldProblem::cell).containsExactly("A4");
  }

  @Test
  void aHugeValueIsRefusedWithoutBeingEchoed() {
    var validator = excel(PROTOCOL2, List.of(Map.of("kit", "1")));
    validator.row(2, new String[] {"1", "x".repeat(1_000_000), null});
    assertThat(problems.list().get(0).value()).hasSize(FieldProblem.MAX_VALUE + 1);
    assertThat(problems.list().get(0).message()).startsWith("Не более 1000 символов");
  }

  @Test
  void definitionsWithDanglingReferencesAreRefusedAtOnce() {
    var broken =
        new SheetSpec(
            "s",
            "Лист",
            null,
            List.of(
                ColumnSpec.of("e", "Перечисление", ColumnType.ENUM),
                ColumnSpec.of("sum", "Сумма", ColumnType.COMPUTED_SUM).withSumOf(List.of("x"))),
            List.of(new RowRuleSpec("nope", List.of("1"), List.of("e"), null, null)),
            null,
            null,
            null);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> FormSchemas.prepare(new FormSchema(List.of(broken)), List.of()))
        .isInstanceOf(org.oko.platform.web.UnprocessableException.class)
        .satisfies(
            e ->
                assertThat(((org.oko.platform.web.UnprocessableException) e).problems())
                    .extracting(FieldProblem::message)
                    .containsExactly(
                        "У перечисления нет вариантов (options)",
                        "Нет столбца «x»",
                        "Правило ссылается на несуществующий столбец"));
  }

  @Test
  void anUntouchedRecordStillHasItsRequiredFieldsToFill() {
    var record =
        new SheetSpec(
            "org",
            "Об организации",
            SheetSpec.Layout.RECORD,
            List.of(
                ColumnSpec.of("students", "Число обучающихся", ColumnType.INTEGER).asRequired(),
                ColumnSpec.of("note", "Примечание", ColumnType.TEXT)),
            null,
            null,
            null,
            null);
    var validator =
        new SheetValidator(record, null, problems, (row, column) -> "B" + (2 + column), rows::add);
    validator.finish();
    assertThat(rows).hasSize(1);
    assertThat(problems.list())
        .extracting(FieldProblem::cell, FieldProblem::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("B2", "Обязательное поле не заполнено"));
  }
}
