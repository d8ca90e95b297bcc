package org.oko.results;

/**
 * One participant's result: its code (never a name), class, variant, score per task, total, grade
 * by the subject's scale (null until the scale is set) and journal grade (null when the protocol
 * has none).
 */
record Participant(
    String code,
    String classLetter,
    Integer variant,
    int[] scores,
    int total,
    Integer grade,
    Integer journalGrade) {

  Participant withGrade(Integer newGrade) {
    return new Participant(code, classLetter, variant, scores, total, newGrade, journalGrade);
  }
}
