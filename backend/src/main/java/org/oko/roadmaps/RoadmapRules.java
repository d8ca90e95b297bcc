package org.oko.roadmaps;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.oko.campaigns.Stage;
import org.oko.campaigns.StageNames;
import org.oko.campaigns.StageWindow;
import org.oko.platform.web.FieldProblem;

/**
 * A regional roadmap's deadlines stay inside the federal windows (issue 19: narrower, never wider):
 * each after its stage opens and no later than the stage closes for the region.
 */
final class RoadmapRules {

  private RoadmapRules() {}

  /** Every item outside its window, or of a stage the schedule lacks, by its path. */
  static List<FieldProblem> problems(List<RoadmapItem> items, Map<Stage, StageWindow> windows) {
    List<FieldProblem> problems = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      RoadmapItem item = items.get(i);
      String path = "items[" + i + "]";
      if (item.title() == null || item.title().isBlank()) {
        problems.add(FieldProblem.of(path + ".title", "укажите, что нужно сделать к сроку"));
      }
      StageWindow window = windows.get(item.stage());
      if (window == null) {
        problems.add(
            FieldProblem.of(
                path + ".stage",
                "этапа «"
                    + StageNames.of(item.stage())
                    + "» нет в плане-графике кампании: срок региона ставится внутри этапа"));
        continue;
      }
      boolean inside =
          item.dueAt().isAfter(window.opensAt())
              && !item.dueAt().isAfter(window.effectiveClosesAt());
      if (!inside) {
        problems.add(
            FieldProblem.of(
                path + ".dueAt",
                "срок «"
                    + item.title().strip()
                    + "» "
                    + StageNames.localTime(item.dueAt(), window.zone())
                    + " вне федерального окна этапа «"
                    + StageNames.of(item.stage())
                    + "»: с "
                    + StageNames.localTime(window.opensAt(), window.zone())
                    + " по "
                    + StageNames.localTime(window.effectiveClosesAt(), window.zone())
                    + "; срок региона может быть только внутри него"));
      }
    }
    return problems;
  }
}
