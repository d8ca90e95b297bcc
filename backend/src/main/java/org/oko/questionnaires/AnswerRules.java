package org.oko.questionnaires;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oko.platform.web.FieldProblem;
import org.oko.questionnaires.QuestionnaireContent.Question;
import org.oko.questionnaires.QuestionnaireContent.QuestionType;
import org.oko.questionnaires.QuestionnaireContent.Section;
import org.oko.questionnaires.QuestionnaireContent.SkipRule;

/**
 * Checks answers against a questionnaire definition. Problems name the question by its key in
 * {@code field} ("answers.q5") with a Russian reason; a value is never echoed in full.
 *
 * <p>It runs on every autosave, so it allocates little: no patterns, no JSON, options looked up in
 * the definition's own lists (at most 100 each). Answers come as Jackson reads untyped JSON: {@code
 * String}, {@code Integer}/{@code Long}/{@code BigInteger}, {@code Double}/{@code BigDecimal},
 * {@code Boolean}, {@code List}, {@code Map}.
 */
final class AnswerRules {

  /** SHORT_TEXT limit; LONG_TEXT has its own {@code maxLength}, at most this default. */
  static final int SHORT_TEXT_MAX = 200;

  static final int LONG_TEXT_MAX = 5000;

  /** A request with more problems than this is reported by its first ones only. */
  static final int MAX_PROBLEMS = 100;

  static final String UNKNOWN = "Такого вопроса нет в анкете";
  static final String REQUIRED = "Ответьте на этот вопрос";

  private AnswerRules() {}

  /**
   * Each value of an autosave patch on its own: the question exists, the value has its type and is
   * one of the options, within the scale or range, not over the length. A null value (clearing an
   * answer) is always fine. Required questions and skip logic are not checked here.
   */
  static List<FieldProblem> checkPatch(QuestionnaireContent content, Map<String, Object> patch) {
    List<FieldProblem> problems = new ArrayList<>(0);
    if (patch == null || patch.isEmpty()) {
      return problems;
    }
    Map<String, Question> byKey = patch.size() > 4 ? index(content) : null;
    for (Map.Entry<String, Object> entry : patch.entrySet()) {
      if (problems.size() >= MAX_PROBLEMS) {
        break;
      }
      String key = entry.getKey();
      Question question = byKey != null ? byKey.get(key) : find(content, key);
      if (question == null) {
        problems.add(AnswerValueRules.problem(key, UNKNOWN, null));
        continue;
      }
      Object value = entry.getValue();
      if (value != null) {
        FieldProblem problem = AnswerValueRules.checkValue(question, value);
        if (problem != null) {
          problems.add(problem);
        }
      }
    }
    return problems;
  }

  /**
   * The whole set of answers at submission: every value as in {@link #checkPatch}, every shown
   * required question answered, and no answer to a question or section skip logic hides.
   */
  static List<FieldProblem> checkComplete(
      QuestionnaireContent content, Map<String, Object> answers) {
    List<FieldProblem> problems = new ArrayList<>(0);
    Map<String, Object> given = answers == null ? Map.of() : answers;
    Map<String, Question> byKey = index(content);
    for (String key : given.keySet()) {
      if (!byKey.containsKey(key)) {
        problems.add(AnswerValueRules.problem(key, UNKNOWN, null));
        if (problems.size() >= MAX_PROBLEMS) {
          return problems;
        }
      }
    }
    // The answers that count for skip logic: those of questions shown and answered, in order.
    // A question whose answer is wrong leaves the questions depending on it undecided: they are
    // neither required nor reported as hidden until it is put right.
    Map<String, Object> effective = new HashMap<>();
    Set<String> undecided = new HashSet<>();
    for (Section section : sections(content)) {
      int sectionShown = shows(section.showIf(), effective, undecided);
      for (Question question : questions(section)) {
        if (problems.size() >= MAX_PROBLEMS) {
          return problems;
        }
        int shown =
            sectionShown == HIDDEN ? HIDDEN : shows(question.showIf(), effective, undecided);
        if (sectionShown == UNDECIDED && shown == SHOWN) {
          shown = UNDECIDED;
        }
        String key = question.key();
        Object value = given.get(key);
        boolean answered = isAnswered(value);
        if (shown == HIDDEN) {
          if (answered) {
            SkipRule cause = sectionShown == HIDDEN ? section.showIf() : question.showIf();
            Question controlling = byKey.get(cause.question());
            String name = controlling == null ? cause.question() : controlling.text();
            problems.add(
                AnswerValueRules.problem(
                    key,
                    "Вопрос скрыт ответом на вопрос «"
                        + AnswerValueRules.cut(name)
                        + "» — ответ не нужен",
                    null));
          }
          continue;
        }
        if (!answered) {
          if (shown == SHOWN && Boolean.TRUE.equals(question.required())) {
            problems.add(AnswerValueRules.problem(key, REQUIRED, null));
          }
          if (shown == UNDECIDED) {
            undecided.add(key);
          }
          continue;
        }
        FieldProblem problem = AnswerValueRules.checkValue(question, value);
        if (problem == null
            && shown == SHOWN
            && question.type() == QuestionType.MATRIX
            && Boolean.TRUE.equals(question.required())) {
          problem = AnswerValueRules.missingRow(question, (Map<?, ?>) value);
        }
        if (problem != null) {
          problems.add(problem);
          undecided.add(key);
        } else if (shown == UNDECIDED) {
          undecided.add(key);
        } else {
          effective.put(key, value);
        }
      }
    }
    return problems;
  }

  private static final int HIDDEN = 0;
  private static final int SHOWN = 1;
  private static final int UNDECIDED = 2;

  private static int shows(SkipRule showIf, Map<String, Object> effective, Set<String> undecided) {
    if (showIf == null) {
      return SHOWN;
    }
    if (undecided.contains(showIf.question())) {
      return UNDECIDED;
    }
    return holds(showIf, effective) ? SHOWN : HIDDEN;
  }

  /** Whether a value counts as an answer: not null, not blank, not an empty list or object. */
  static boolean isAnswered(Object value) {
    if (value == null) {
      return false;
    }
    if (value instanceof String s) {
      return !s.isBlank();
    }
    if (value instanceof List<?> list) {
      return !list.isEmpty();
    }
    if (value instanceof Map<?, ?> map) {
      return !map.isEmpty();
    }
    return true;
  }

  /** Whether the skip-logic condition holds for the answers that count (no condition: shown). */
  static boolean holds(SkipRule showIf, Map<String, Object> effective) {
    if (showIf == null) {
      return true;
    }
    Object value = effective.get(showIf.question());
    List<String> anyOf = showIf.anyOf();
    if (value == null || anyOf == null) {
      return false;
    }
    if (value instanceof String s) {
      return anyOf.contains(s);
    }
    if (value instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof String s && anyOf.contains(s)) {
          return true;
        }
      }
      return false;
    }
    if (value instanceof Number n) {
      Long whole = AnswerValueRules.whole(n);
      return whole != null && anyOf.contains(Long.toString(whole));
    }
    return false;
  }

  private static Question find(QuestionnaireContent content, String key) {
    for (Section section : sections(content)) {
      for (Question question : questions(section)) {
        if (key.equals(question.key())) {
          return question;
        }
      }
    }
    return null;
  }

  static Map<String, Question> index(QuestionnaireContent content) {
    Map<String, Question> byKey = new HashMap<>();
    for (Section section : sections(content)) {
      for (Question question : questions(section)) {
        byKey.putIfAbsent(question.key(), question);
      }
    }
    return byKey;
  }

  static List<Section> sections(QuestionnaireContent content) {
    return content == null || content.sections() == null ? List.of() : content.sections();
  }

  static List<Question> questions(Section section) {
    return section.questions() == null ? List.of() : section.questions();
  }
}
