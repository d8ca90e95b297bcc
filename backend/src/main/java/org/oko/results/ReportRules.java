package org.oko.results;

import java.util.ArrayList;
import java.util.List;

/** Pure: the percentages of the reports, from a tally (one decimal). */
final class ReportRules {

  private ReportRules() {}

  static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  static List<Integer> grades(Tally t, Subject s) {
    if (s.boundaries() == null) {
      return List.of();
    }
    List<Integer> out = new ArrayList<>();
    for (int g = 2; g <= 5; g++) {
      out.add(t.gradeCount(g));
    }
    return out;
  }

  static List<Double> gradeShares(Tally t, Subject s) {
    if (s.boundaries() == null) {
      return List.of();
    }
    List<Double> out = new ArrayList<>();
    for (int g = 2; g <= 5; g++) {
      out.add(percent(t.gradeCount(g), t.participants()));
    }
    return out;
  }

  static List<Double> histogram(Tally t, Subject s) {
    List<Double> out = new ArrayList<>();
    for (int score = 0; score <= s.maxScore(); score++) {
      int n = score < t.histogram().length ? t.histogram()[score] : 0;
      out.add(percent(n, t.participants()));
    }
    return out;
  }

  static List<Double> taskSuccess(Tally t, Subject s) {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < s.tasks(); i++) {
      int sum = i < t.taskSums().length ? t.taskSums()[i] : 0;
      out.add(percent(sum, (long) t.participants() * s.taskMax()[i]));
    }
    return out;
  }

  static List<List<Double>> taskSuccessByGrade(Tally t, Subject s) {
    List<List<Double>> out = new ArrayList<>();
    int n = s.tasks();
    for (int g = 0; g < 4; g++) {
      List<Double> row = new ArrayList<>();
      int people = t.grades().length == 4 ? t.grades()[g] : 0;
      for (int i = 0; i < n; i++) {
        int idx = g * n + i;
        int sum = idx < t.gradeTaskSums().length ? t.gradeTaskSums()[idx] : 0;
        row.add(percent(sum, (long) people * s.taskMax()[i]));
      }
      out.add(row);
    }
    return out;
  }

  static double meanSuccess(Tally t, Subject s) {
    if (s.tasks() == 0) {
      return 0;
    }
    double sum = 0;
    for (double v : taskSuccess(t, s)) {
      sum += v;
    }
    return round(sum / s.tasks());
  }

  static double percent(long part, long whole) {
    return whole <= 0 ? 0 : round(100.0 * part / whole);
  }
}
