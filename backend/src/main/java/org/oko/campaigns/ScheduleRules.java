package org.oko.campaigns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import org.oko.platform.web.FieldProblem;

/**
 * What makes a schedule valid: each stage once, each window opening before it closes, and the
 * stages following one another without overlap (the database enforces the last one too).
 */
final class ScheduleRules {

  /** One stage of a schedule as asked for, in the order of the request. */
  record Window(Stage stage, Instant opensAt, Instant closesAt) {}

  private ScheduleRules() {}

  static List<FieldProblem> check(List<Window> stages) {
    List<FieldProblem> problems = new ArrayList<>();
    var seen = EnumSet.noneOf(Stage.class);
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
      }
    }
    List<Window> ordered =
        stages.stream()
            .filter(s -> s.opensAt().isBefore(s.closesAt()))
            .sorted(Comparator.comparing(Window::opensAt))
            .toList();
    for (int i = 1; i < ordered.size(); i++) {
      Window previous = ordered.get(i - 1);
      Window next = ordered.get(i);
      if (next.opensAt().isBefore(previous.closesAt())) {
        problems.add(
            FieldProblem.of(
                "stages[" + stages.indexOf(next) + "].opensAt",
                "Этап «"
                    + StageNames.of(next.stage())
                    + "» начинается раньше, чем закрывается этап «"
                    + StageNames.of(previous.stage())
                    + "»: этапы не должны пересекаться"));
      }
    }
    return problems;
  }
}
