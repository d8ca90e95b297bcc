package org.oko.results;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oko.forms.ColumnType;
import org.oko.forms.FormSchemas;
import org.oko.forms.SubmittedFormDirectory;

/** Pure: a protocol's rows as participants, and participants as a tally. */
final class TallyRules {

  /** Column keys a results protocol may carry besides the task scores. */
  static final List<String> CLASS_KEYS = List.of("classLetter", "class", "grade");

  static final String VARIANT_KEY = "variant";
  static final String JOURNAL_KEY = "journalGrade";

  /** Groups of identical task-score vectors counted from this size on. */
  static final int IDENTICAL_GROUP = 3;

  private TallyRules() {}

  /**
   * Where a submitted results protocol keeps its participants: the sheet with a participant code
   * column and the subject's task columns ({@code task_1…task_n}), and its class column if any.
   */
  record ParticipantColumns(String sheet, String codeKey, String classKey) {}

  /** The protocol's participant columns; null when the version is no results protocol. */
  static ParticipantColumns participantColumns(
      SubmittedFormDirectory.Version version, Subject subject) {
    for (SubmittedFormDirectory.Sheet sheet : version.sheets()) {
      String codeKey = null;
      Map<String, ColumnType> types = new HashMap<>();
      for (SubmittedFormDirectory.Column c : sheet.columns()) {
        types.put(c.key(), c.type());
        if (c.type() == ColumnType.PARTICIPANT_CODE && codeKey == null) {
          codeKey = c.key();
        }
      }
      if (codeKey == null || subject.tasks() == 0) {
        continue;
      }
      boolean allTasks = true;
      for (int i = 1; i <= subject.tasks(); i++) {
        allTasks &= types.containsKey(FormSchemas.taskKey(i));
      }
      if (!allTasks) {
        continue;
      }
      String classKey = null;
      for (String k : CLASS_KEYS) {
        if (types.get(k) == ColumnType.TEXT || types.get(k) == ColumnType.INTEGER) {
          classKey = k;
          break;
        }
      }
      return new ParticipantColumns(sheet.key(), codeKey, classKey);
    }
    return null;
  }

  /** One row of the protocol as a participant; null for a row without a code. */
  static Participant participant(
      Map<String, String> row, ParticipantColumns columns, Subject subject) {
    String code = blankToNull(row.get(columns.codeKey()));
    if (code == null) {
      return null;
    }
    int[] scores = new int[subject.tasks()];
    int total = 0;
    for (int i = 0; i < scores.length; i++) {
      Integer score = integer(row.get(FormSchemas.taskKey(i + 1)));
      scores[i] = score == null ? 0 : Math.max(0, Math.min(score, subject.taskMax()[i]));
      total += scores[i];
    }
    Integer journal = integer(row.get(JOURNAL_KEY));
    if (journal != null && (journal < 2 || journal > 5)) {
      journal = null;
    }
    return new Participant(
        code,
        columns.classKey() == null ? null : blankToNull(row.get(columns.classKey())),
        integer(row.get(VARIANT_KEY)),
        scores,
        total,
        subject.grade(total),
        journal);
  }

  /** The tally of one organization's participants. */
  static Tally tally(List<Participant> participants, Subject subject) {
    int tasks = subject.tasks();
    int max = subject.maxScore();
    int[] grades = new int[4];
    int[] histogram = new int[max + 1];
    int[] taskSums = new int[tasks];
    int[] gradeTaskSums = new int[4 * tasks];
    int[] journal = new int[3];
    long sum = 0;
    long sq = 0;
    Map<String, Integer> vectors = new HashMap<>();
    for (Participant p : participants) {
      sum += p.total();
      sq += (long) p.total() * p.total();
      histogram[Math.min(p.total(), max)]++;
      for (int t = 0; t < tasks; t++) {
        taskSums[t] += p.scores()[t];
      }
      if (p.grade() != null) {
        int g = p.grade() - 2;
        grades[g]++;
        for (int t = 0; t < tasks; t++) {
          gradeTaskSums[g * tasks + t] += p.scores()[t];
        }
        if (p.journalGrade() != null) {
          journal[Integer.signum(p.grade() - p.journalGrade()) + 1]++;
        }
      }
      if (p.total() > 0 && p.total() < max) {
        vectors.merge(Arrays.toString(p.scores()), 1, Integer::sum);
      }
    }
    int identicalMax = 0;
    int identicalCount = 0;
    for (int n : vectors.values()) {
      identicalMax = Math.max(identicalMax, n);
      if (n >= IDENTICAL_GROUP) {
        identicalCount += n;
      }
    }
    int n = participants.size();
    double mean = n == 0 ? 0 : (double) sum / n;
    return new Tally(
        n,
        sum,
        sq,
        grades,
        histogram,
        taskSums,
        gradeTaskSums,
        journal,
        identicalMax,
        identicalCount,
        n == 0 ? 0 : 1,
        mean,
        mean * mean);
  }

  private static Integer integer(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return (int) Math.round(Double.parseDouble(value.trim().replace(',', '.')));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
