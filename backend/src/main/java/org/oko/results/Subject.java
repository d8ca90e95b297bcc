package org.oko.results;

import java.util.List;

/**
 * A campaign subject as results need it: the task maxima (the criteria) and the grade scale.
 *
 * @param boundaries the lowest primary scores of 3, 4 and 5, or null until set
 */
record Subject(
    long campaignId,
    String key,
    String name,
    List<String> taskLabels,
    int[] taskMax,
    int[] boundaries) {

  int maxScore() {
    int sum = 0;
    for (int m : taskMax) {
      sum += m;
    }
    return sum;
  }

  int tasks() {
    return taskMax.length;
  }

  /** The отметка of a primary score, or null without a scale. */
  Integer grade(int total) {
    if (boundaries == null) {
      return null;
    }
    int grade = 2;
    for (int b : boundaries) {
      if (total >= b) {
        grade++;
      }
    }
    return grade;
  }
}
