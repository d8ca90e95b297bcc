package org.oko.platform.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.oko.platform.excel.HeaderRow.State;
import org.oko.platform.web.FieldProblem;

/** The titles row is found in its place, or the problem says what moved and where. */
class HeaderRowTests {

  private static final List<String> TITLES = List.of("Логин", "Участвует", "Количество");

  private static IntFunction<String> row(String... cells) {
    return i -> i < cells.length ? cells[i] : null;
  }

  private static HeaderRow header() {
    return new HeaderRow("Список", TITLES, 1);
  }

  @Test
  void titlesInPlaceAreFoundWhateverTheirCaseAndSpaces() {
    HeaderRow header = header();

    assertThat(header.offer(1, row(" логин", "Участвует\n", "КОЛИЧЕСТВО", "заметка")))
        .isEqualTo(State.FOUND);
    assertThat(header.finish()).isEqualTo(State.FOUND);
    assertThat(header.problem()).isEmpty();
  }

  @Test
  void anEditedTitleIsNamedByItsCell() {
    HeaderRow header = header();

    assertThat(header.offer(1, row("Логин", "Участие", "Количество"))).isEqualTo(State.REFUSED);
    assertThat(header.problem())
        .get()
        .extracting(FieldProblem::sheet, FieldProblem::cell, FieldProblem::value)
        .containsExactly("Список", "B1", "Участие");
    assertThat(header.problem().get().message())
        .isEqualTo(
            "В ячейке B1 должен быть заголовок «Участвует», а стоит «Участие»: не вставляйте, не"
                + " удаляйте и не переставляйте столбцы шаблона");
  }

  @Test
  void aMovedColumnSaysWhereItWent() {
    HeaderRow header = header();

    header.offer(1, row("Логин", "Количество", "Участвует"));

    assertThat(header.problem().get().message())
        .isEqualTo(
            "В ячейке B1 должен быть заголовок «Участвует», а стоит «Количество»; столбец"
                + " «Участвует» стоит в столбце C: не вставляйте, не удаляйте и не переставляйте"
                + " столбцы шаблона");
  }

  @Test
  void aRowInsertedAboveTheTitlesIsNamedAsSuchNotAsAColumn() {
    HeaderRow header = header();

    assertThat(header.offer(1, row("Список школ района"))).isEqualTo(State.PENDING);
    assertThat(header.offer(2, row("Логин", "Участвует", "Количество"))).isEqualTo(State.REFUSED);
    assertThat(header.problem().get())
        .extracting(FieldProblem::cell, FieldProblem::message)
        .containsExactly(
            "A2",
            "Строка заголовков должна быть строкой 1, а найдена в строке 2: удалите строки,"
                + " вставленные над ней, и загрузите файл снова");
  }

  @Test
  void titlesMissingAltogetherAreNotFound() {
    HeaderRow header = header();
    for (int r = 1; r <= 5; r++) {
      assertThat(header.offer(r, row("edu64000" + r, "да", "12"))).isEqualTo(State.PENDING);
    }

    assertThat(header.finish()).isEqualTo(State.REFUSED);
    assertThat(header.problem().get())
        .extracting(FieldProblem::cell, FieldProblem::value, FieldProblem::message)
        .containsExactly(
            "A1",
            "edu640001",
            "Строка заголовков не найдена: она должна быть строкой 1 (первый столбец — «Логин»)."
                + " Не вставляйте строки над заголовками, не удаляйте и не сдвигайте их");
  }

  @Test
  void aGroupRowAboveTheTitlesIsNoProblemAndNeitherIsItsDeletion() {
    HeaderRow withGroups = new HeaderRow("Результаты", TITLES, 2);
    assertThat(withGroups.offer(1, row(null, "Баллы за задания"))).isEqualTo(State.PENDING);
    assertThat(withGroups.offer(2, row("Логин", "Участвует", "Количество"))).isEqualTo(State.FOUND);

    HeaderRow groupsDeleted = new HeaderRow("Результаты", TITLES, 2);
    assertThat(groupsDeleted.offer(1, row("Логин", "Участвует", "Количество")))
        .isEqualTo(State.FOUND);
  }

  @Test
  void theSearchStopsTenRowsBelow() {
    HeaderRow header = header();
    String[] data = {"x"};

    assertThat(header.offer(11, row(Arrays.copyOf(data, 1)))).isEqualTo(State.REFUSED);
  }
}
