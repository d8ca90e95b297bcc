package org.oko.results;

import java.util.Arrays;

/**
 * The figures of one unit's reports, additive over organizations (so a unit above moves by the
 * difference of one organization's), see {@code result_tally}.
 */
record Tally(
    int participants,
    long scoreSum,
    long scoreSqSum,
    int[] grades,
    int[] histogram,
    int[] taskSums,
    int[] gradeTaskSums,
    int[] journal,
    int identicalMax,
    int identicalCount,
    int schools,
    double schoolMeanSum,
    double schoolMeanSqSum) {

  static Tally empty(int tasks, int maxScore) {
    return new Tally(
        0,
        0,
        0,
        new int[4],
        new int[maxScore + 1],
        new int[tasks],
        new int[4 * tasks],
        new int[3],
        0,
        0,
        0,
        0,
        0);
  }

  /** This minus {@code other}, component by component (the change one organization makes). */
  Tally minus(Tally other) {
    return new Tally(
        participants - other.participants,
        scoreSum - other.scoreSum,
        scoreSqSum - other.scoreSqSum,
        diff(grades, other.grades),
        diff(histogram, other.histogram),
        diff(taskSums, other.taskSums),
        diff(gradeTaskSums, other.gradeTaskSums),
        diff(journal, other.journal),
        0,
        0,
        schools - other.schools,
        schoolMeanSum - other.schoolMeanSum,
        schoolMeanSqSum - other.schoolMeanSqSum);
  }

  Tally plus(Tally other) {
    return new Tally(
        participants + other.participants,
        scoreSum + other.scoreSum,
        scoreSqSum + other.scoreSqSum,
        sum(grades, other.grades),
        sum(histogram, other.histogram),
        sum(taskSums, other.taskSums),
        sum(gradeTaskSums, other.gradeTaskSums),
        sum(journal, other.journal),
        0,
        0,
        schools + other.schools,
        schoolMeanSum + other.schoolMeanSum,
        schoolMeanSqSum + other.schoolMeanSqSum);
  }

  double meanScore() {
    return participants == 0 ? 0 : (double) scoreSum / participants;
  }

  int tasks() {
    return taskSums.length;
  }

  int gradeCount(int grade) {
    return grades.length == 4 ? grades[grade - 2] : 0;
  }

  private static int[] diff(int[] a, int[] b) {
    int[] out = new int[Math.max(a.length, b.length)];
    for (int i = 0; i < out.length; i++) {
      out[i] = (i < a.length ? a[i] : 0) - (i < b.length ? b[i] : 0);
    }
    return out;
  }

  private static int[] sum(int[] a, int[] b) {
    int[] out = new int[Math.max(a.length, b.length)];
    for (int i = 0; i < out.length; i++) {
      out[i] = (i < a.length ? a[i] : 0) + (i < b.length ? b[i] : 0);
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tally t
        && participants == t.participants
        && scoreSum == t.scoreSum
        && Arrays.equals(grades, t.grades)
        && Arrays.equals(histogram, t.histogram)
        && Arrays.equals(taskSums, t.taskSums)
        && Arrays.equals(gradeTaskSums, t.gradeTaskSums)
        && Arrays.equals(journal, t.journal);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(histogram) * 31 + participants;
  }

  @Override
  public String toString() {
    return "Tally[" + participants + " participants, mean " + meanScore() + "]";
  }
}
