package org.oko.campaigns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.oko.platform.web.FieldProblem;

/**
 * What makes a schedule valid: each stage once, each window opening before it closes, and the order
 * the procedure really has. Stages may overlap — preparation duties run side by side (seed {@code
 * 003_c72cd2feee1a719e.txt} 8.2–8.5), the collector's uploading and expert checking run together
 * (seed {@code 000_c9abf0b417e3d9bf.txt}), and each school enters its results right after its own
 * test day (seed {@code 004_900d14c936e55d94.txt} 9.1) — but some stages only make sense after
 * another:
 *
 * <ul>
 *   <li>results are entered after the test: «Загрузка протоколов» opens no earlier than
 *       «Проведение» and closes no earlier than it (a school testing on the last day still enters
 *       its results);
 *   <li>scans are of works already written: «Сканирование» opens no earlier than «Проведение»;
 *   <li>a work is scored after it is accepted: «Проверка экспертами» opens no earlier than
 *       «Сканирование» and closes no earlier than it;
 *   <li>reports come from results: «Получение отчётов» opens no earlier than the results or the
 *       scoring it reports.
 * </ul>
 */
final class ScheduleRules {

  /** One stage of a schedule as asked for, in the order of the request. */
  record Window(Stage stage, Instant opensAt, Instant closesAt) {}

  /** {@code later} may not open before {@code earlier} opens (and, if {@code closing}, close). */
  private record Order(Stage later, Stage earlier, boolean closing, String why) {}

  private static final List<Order> ORDER =
      List.of(
          new Order(
              Stage.RESULTS_PROTOCOL,
              Stage.CONDUCT,
              true,
              "результаты вносятся после проведения работы"),
          new Order(Stage.SCANNING, Stage.CONDUCT, false, "сканируются уже написанные работы"),
          new Order(
              Stage.SCORING,
              Stage.SCANNING,
              true,
              "работа проверяется экспертом после того, как её скан принят"),
          new Order(Stage.REPORTS, Stage.RESULTS_PROTOCOL, false, "отчёты строятся по результатам"),
          new Order(Stage.REPORTS, Stage.SCORING, false, "отчёты строятся по результатам"));

  private ScheduleRules() {}

  static List<FieldProblem> check(List<Window> stages) {
    List<FieldProblem> problems = new ArrayList<>();
    var seen = EnumSet.noneOf(Stage.class);
    Map<Stage, Integer> index = new EnumMap<>(Stage.class);
    for (int i = 0; i < stages.size(); i++) {
      Window stage = stages.get(i);
      String field = "stages[" + i + "]";
      if (!seen.add(stage.stage())) {
        problems.add(
            FieldProblem.of(
                field + ".code",
                "Этап «" + StageNames.of(stage.stage()) + "» указан в плане-графике дважды"));
      }
      if (!stage.opensAt().isBefore(stage.closesAt())) {
        problems.add(
            FieldProblem.of(
                field + ".closesAt",
                "Этап «"
                    + StageNames.of(stage.stage())
                    + "» должен закрываться позже, чем открывается"));
      } else {
        index.putIfAbsent(stage.stage(), i);
      }
    }
    for (Order order : ORDER) {
      Integer later = index.get(order.later());
      Integer earlier = index.get(order.earlier());
      if (later != null && earlier != null) {
        problems.addAll(violations(order, later, stages.get(later), stages.get(earlier)));
      }
    }
    return problems;
  }

  private static List<FieldProblem> violations(
      Order order, int index, Window later, Window earlier) {
    List<FieldProblem> problems = new ArrayList<>();
    String names =
        "Этап «"
            + StageNames.of(later.stage())
            + "» не может %s раньше этапа «"
            + StageNames.of(earlier.stage())
            + "»: "
            + order.why();
    if (later.opensAt().isBefore(earlier.opensAt())) {
      problems.add(
          FieldProblem.of("stages[" + index + "].opensAt", names.formatted("открываться")));
    }
    if (order.closing() && later.closesAt().isBefore(earlier.closesAt())) {
      problems.add(
          FieldProblem.of("stages[" + index + "].closesAt", names.formatted("закрываться")));
    }
    return problems;
  }
}
