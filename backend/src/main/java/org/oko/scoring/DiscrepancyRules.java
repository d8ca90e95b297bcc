package org.oko.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oko.scans.SchemeDirectory.Criterion;
import org.oko.scans.SchemeDirectory.Scheme;
import org.oko.scoring.ScoringTaskStore.Score;
import org.oko.scoring.ScoringTaskStore.TaskRow;

/**
 * When a work's result is settled, and what it is.
 *
 * <ul>
 *   <li>Only a first expert: their scores, once given.
 *   <li>A first and a second expert whose totals differ by at most the threshold: per criterion,
 *       the mean of the two rounded up (as in the state exams).
 *   <li>Totals that differ by more: a third expert scores the work and their scores stand.
 * </ul>
 */
final class DiscrepancyRules {

  private DiscrepancyRules() {}

  enum State {
    /** A required score is missing. */
    IN_PROGRESS,
    /** First and second differ by more than the threshold and no third expert is assigned. */
    NEEDS_THIRD,
    /** A third expert is assigned and has not scored yet. */
    DISCREPANCY,
    FINAL
  }

  /** The state of a work; {@code scores} and {@code total} for FINAL only. */
  record Verdict(State state, List<Score> scores, Integer total) {
    static Verdict of(State state) {
      return new Verdict(state, null, null);
    }
  }

  /** Decides from the work's tasks (any order) and the subject's scheme. */
  static Verdict decide(List<TaskRow> tasks, Scheme scheme) {
    TaskRow first = round(tasks, 1);
    TaskRow second = round(tasks, 2);
    TaskRow third = round(tasks, 3);
    if (third != null) {
      return third.scored() ? settled(third.scores(), scheme) : Verdict.of(State.DISCREPANCY);
    }
    if (first == null || !first.scored()) {
      return Verdict.of(State.IN_PROGRESS);
    }
    if (second == null) {
      return settled(first.scores(), scheme);
    }
    if (!second.scored()) {
      return Verdict.of(State.IN_PROGRESS);
    }
    if (Math.abs(first.total() - second.total()) > scheme.discrepancyThreshold()) {
      return Verdict.of(State.NEEDS_THIRD);
    }
    Map<String, Integer> a = byCode(first.scores());
    Map<String, Integer> b = byCode(second.scores());
    List<Score> mean = new ArrayList<>();
    for (Criterion c : scheme.criteria()) {
      int sum = a.getOrDefault(c.code(), 0) + b.getOrDefault(c.code(), 0);
      mean.add(new Score(c.code(), (sum + 1) / 2));
    }
    return settled(mean, scheme);
  }

  private static Verdict settled(List<Score> scores, Scheme scheme) {
    Map<String, Integer> given = byCode(scores);
    List<Score> ordered = new ArrayList<>();
    for (Criterion c : scheme.criteria()) {
      ordered.add(new Score(c.code(), given.getOrDefault(c.code(), 0)));
    }
    int total = ordered.stream().mapToInt(Score::score).sum();
    return new Verdict(State.FINAL, ordered, total);
  }

  private static Map<String, Integer> byCode(List<Score> scores) {
    Map<String, Integer> map = new HashMap<>();
    for (Score s : scores) {
      map.put(s.code(), s.score());
    }
    return map;
  }

  private static TaskRow round(List<TaskRow> tasks, int round) {
    for (TaskRow t : tasks) {
      if (t.round() == round) {
        return t;
      }
    }
    return null;
  }
}
