package org.oko.campaigns;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import org.oko.api.model.StageCode;
import org.oko.api.model.StageInput;
import org.oko.platform.web.FieldProblem;

/**
 * What makes a schedule valid: each stage once, each window opening before it closes, and the
 * stages following one another without overlap (the database enforces the last one too).
 */
final class ScheduleRules {

  private ScheduleRules() {}

  static List<FieldProblem> check(List<StageInput> stages) {
    List<FieldProblem> problems = new ArrayList<>();
    var seen = EnumSet.noneOf(StageCode.class);
    for (int i = 0; i < stages.size(); i++) {
      StageInput stage = stages.get(i);
      String field = "stages[" + i + "]";
      if (!seen.add(stage.getCode())) {
        problems.add(
            FieldProblem.of(
                field + ".code",
                "Этап «" + StageNames.of(stage.getCode()) + "» указан в плане-графике дважды"));
      }
      if (!stage.getOpensAt().isBefore(stage.getClosesAt())) {
        problems.add(
            FieldProblem.of(
                field + ".closesAt",
                "Этап «"
                    + StageNames.of(stage.getCode())
                    + "» должен закрываться позже, чем открывается"));
      }
    }
    List<StageInput> ordered =
        stages.stream()
            .filter(s -> s.getOpensAt().isBefore(s.getClosesAt()))
            .sorted(Comparator.comparing(StageInput::getOpensAt, OffsetDateTime::compareTo))
            .toList();
    for (int i = 1; i < ordered.size(); i++) {
      StageInput previous = ordered.get(i - 1);
      StageInput next = ordered.get(i);
      if (next.getOpensAt().isBefore(previous.getClosesAt())) {
        problems.add(
            FieldProblem.of(
                "stages[" + stages.indexOf(next) + "].opensAt",
                "Этап «"
                    + StageNames.of(next.getCode())
                    + "» начинается раньше, чем закрывается этап «"
                    + StageNames.of(previous.getCode())
                    + "»: этапы не должны пересекаться"));
      }
    }
    return problems;
  }
}
