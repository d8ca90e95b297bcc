package org.oko.questionnaires;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oko.api.model.Question;
import org.oko.api.model.QuestionOption;
import org.oko.api.model.QuestionType;
import org.oko.api.model.QuestionnaireContent;
import org.oko.api.model.QuestionnaireSection;
import org.oko.api.model.ShowIf;
import org.oko.platform.web.FieldProblem;

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
        problems.add(problem(key, UNKNOWN, null));
        continue;
      }
      Object value = entry.getValue();
      if (value != null) {
        FieldProblem problem = checkValue(question, value);
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
        problems.add(problem(key, UNKNOWN, null));
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
    for (QuestionnaireSection section : sections(content)) {
      int sectionShown = shows(section.getShowIf(), effective, undecided);
      for (Question question : questions(section)) {
        if (problems.size() >= MAX_PROBLEMS) {
          return problems;
        }
        int shown =
            sectionShown == HIDDEN ? HIDDEN : shows(question.getShowIf(), effective, undecided);
        if (sectionShown == UNDECIDED && shown == SHOWN) {
          shown = UNDECIDED;
        }
        String key = question.getKey();
        Object value = given.get(key);
        boolean answered = isAnswered(value);
        if (shown == HIDDEN) {
          if (answered) {
            ShowIf cause = sectionShown == HIDDEN ? section.getShowIf() : question.getShowIf();
            Question controlling = byKey.get(cause.getQuestion());
            String name = controlling == null ? cause.getQuestion() : controlling.getText();
            problems.add(
                problem(
                    key,
                    "Вопрос скрыт ответом на вопрос «" + cut(name) + "» — ответ не нужен",
                    null));
          }
          continue;
        }
        if (!answered) {
          if (shown == SHOWN && Boolean.TRUE.equals(question.getRequired())) {
            problems.add(problem(key, REQUIRED, null));
          }
          if (shown == UNDECIDED) {
            undecided.add(key);
          }
          continue;
        }
        FieldProblem problem = checkValue(question, value);
        if (problem == null
            && shown == SHOWN
            && question.getType() == QuestionType.MATRIX
            && Boolean.TRUE.equals(question.getRequired())) {
          problem = missingRow(question, (Map<?, ?>) value);
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

  private static int shows(ShowIf showIf, Map<String, Object> effective, Set<String> undecided) {
    if (showIf == null) {
      return SHOWN;
    }
    if (undecided.contains(showIf.getQuestion())) {
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
  static boolean holds(ShowIf showIf, Map<String, Object> effective) {
    if (showIf == null) {
      return true;
    }
    Object value = effective.get(showIf.getQuestion());
    List<String> anyOf = showIf.getAnyOf();
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
      Long whole = whole(n);
      return whole != null && anyOf.contains(Long.toString(whole));
    }
    return false;
  }

  /** The problem with one non-null value of a question, or null. */
  static FieldProblem checkValue(Question question, Object value) {
    String key = question.getKey();
    switch (question.getType()) {
      case SINGLE_CHOICE:
        if (!(value instanceof String s)) {
          return problem(key, "Выберите один вариант ответа", null);
        }
        if (s.isBlank()) {
          return null;
        }
        return hasValue(question.getOptions(), s)
            ? null
            : problem(key, "Такого варианта ответа нет", s);
      case MULTIPLE_CHOICE:
        return checkMultiple(question, value);
      case SCALE:
        return checkScale(question, value);
      case MATRIX:
        return checkMatrix(question, value);
      case NUMBER:
        return checkNumber(question, value);
      case SHORT_TEXT:
        return checkText(key, value, SHORT_TEXT_MAX);
      case LONG_TEXT:
        Integer max = question.getMaxLength();
        return checkText(key, value, max == null ? LONG_TEXT_MAX : Math.min(max, LONG_TEXT_MAX));
      default:
        return problem(key, "Неизвестный тип вопроса", null);
    }
  }

  private static FieldProblem checkMultiple(Question question, Object value) {
    String key = question.getKey();
    if (!(value instanceof List<?> list)) {
      return problem(key, "Ответ — список выбранных вариантов", null);
    }
    List<QuestionOption> options = question.getOptions();
    int size = list.size();
    if (options == null || size > options.size()) {
      return problem(key, "Выбрано больше вариантов, чем есть в вопросе", null);
    }
    for (int i = 0; i < size; i++) {
      Object item = list.get(i);
      if (!(item instanceof String s)) {
        return problem(key, "Каждый выбранный вариант — строка", null);
      }
      if (!hasValue(options, s)) {
        return problem(key, "Такого варианта ответа нет", s);
      }
      for (int j = 0; j < i; j++) {
        if (s.equals(list.get(j))) {
          return problem(key, "Вариант выбран дважды", s);
        }
      }
    }
    Integer maxChoices = question.getMaxChoices();
    if (maxChoices != null && size > maxChoices) {
      return problem(
          key, "Можно выбрать не больше " + maxChoices + " " + variants(maxChoices), null);
    }
    return null;
  }

  private static FieldProblem checkScale(Question question, Object value) {
    String key = question.getKey();
    Long whole = value instanceof Number n ? whole(n) : null;
    if (whole == null) {
      return problem(key, "Ответ — целое число на шкале", shortText(value));
    }
    BigDecimal min = question.getMin();
    BigDecimal max = question.getMax();
    if ((min != null && BigDecimal.valueOf(whole).compareTo(min) < 0)
        || (max != null && BigDecimal.valueOf(whole).compareTo(max) > 0)) {
      return problem(
          key, "Значение вне шкалы: от " + plain(min) + " до " + plain(max), Long.toString(whole));
    }
    return null;
  }

  private static FieldProblem checkMatrix(Question question, Object value) {
    String key = question.getKey();
    if (!(value instanceof Map<?, ?> map)) {
      return problem(key, "Ответ — по одному варианту в каждой строке таблицы", null);
    }
    List<QuestionOption> rows = question.getRows();
    if (rows == null || map.size() > rows.size()) {
      return problem(key, "В таблице нет таких строк", null);
    }
    for (Map.Entry<?, ?> cell : map.entrySet()) {
      Object row = cell.getKey();
      if (!(row instanceof String r) || !hasValue(rows, r)) {
        return problem(key, "В таблице нет такой строки", shortText(row));
      }
      Object column = cell.getValue();
      if (column == null) {
        continue;
      }
      if (!(column instanceof String c) || !hasValue(question.getOptions(), c)) {
        return problem(
            key, "В строке «" + cut(label(rows, r)) + "» нет такого варианта", shortText(column));
      }
    }
    return null;
  }

  private static FieldProblem missingRow(Question question, Map<?, ?> answer) {
    for (QuestionOption row : question.getRows()) {
      if (answer.get(row.getValue()) == null) {
        return problem(
            question.getKey(),
            "Ответьте в каждой строке: нет ответа «" + cut(row.getLabel()) + "»",
            null);
      }
    }
    return null;
  }

  private static FieldProblem checkNumber(Question question, Object value) {
    String key = question.getKey();
    if (!(value instanceof Number n) || !finite(n)) {
      return problem(key, "Ответ — число", shortText(value));
    }
    if (Boolean.TRUE.equals(question.getInteger()) && whole(n) == null) {
      return problem(key, "Ответ — целое число", shortText(value));
    }
    BigDecimal min = question.getMin();
    BigDecimal max = question.getMax();
    if (min != null && compare(n, min) < 0) {
      return problem(
          key,
          max == null
              ? "Число не меньше " + plain(min)
              : "Число от " + plain(min) + " до " + plain(max),
          shortText(value));
    }
    if (max != null && compare(n, max) > 0) {
      return problem(
          key,
          min == null
              ? "Число не больше " + plain(max)
              : "Число от " + plain(min) + " до " + plain(max),
          shortText(value));
    }
    return null;
  }

  private static FieldProblem checkText(String key, Object value, int max) {
    if (!(value instanceof String s)) {
      return problem(key, "Ответ — текст", null);
    }
    if (s.length() > max) {
      return problem(key, "Текст длиннее " + max + " символов (" + s.length() + ")", null);
    }
    return null;
  }

  private static boolean hasValue(List<QuestionOption> options, String value) {
    if (options == null) {
      return false;
    }
    for (int i = 0, n = options.size(); i < n; i++) {
      if (value.equals(options.get(i).getValue())) {
        return true;
      }
    }
    return false;
  }

  private static String label(List<QuestionOption> options, String value) {
    for (QuestionOption option : options) {
      if (value.equals(option.getValue())) {
        return option.getLabel();
      }
    }
    return value;
  }

  /** The whole value of a number, or null if it has a fraction (or is not finite). */
  static Long whole(Number n) {
    if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
      return n.longValue();
    }
    if (n instanceof BigInteger b) {
      return b.bitLength() < 64 ? b.longValue() : null;
    }
    if (n instanceof BigDecimal d) {
      try {
        return d.longValueExact();
      } catch (ArithmeticException e) {
        return null;
      }
    }
    double d = n.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d) || d != Math.rint(d) || Math.abs(d) > 9e15) {
      return null;
    }
    return (long) d;
  }

  private static boolean finite(Number n) {
    if (n instanceof Double || n instanceof Float) {
      double d = n.doubleValue();
      return !Double.isNaN(d) && !Double.isInfinite(d);
    }
    return true;
  }

  private static int compare(Number n, BigDecimal bound) {
    if (n instanceof BigDecimal d) {
      return d.compareTo(bound);
    }
    if (n instanceof BigInteger b) {
      return new BigDecimal(b).compareTo(bound);
    }
    if (n instanceof Double || n instanceof Float) {
      return Double.compare(n.doubleValue(), bound.doubleValue());
    }
    return BigDecimal.valueOf(n.longValue()).compareTo(bound);
  }

  private static String plain(BigDecimal value) {
    return value == null ? "—" : value.stripTrailingZeros().toPlainString();
  }

  private static String variants(int n) {
    int mod10 = n % 10;
    int mod100 = n % 100;
    if (mod10 == 1 && mod100 != 11) {
      return "варианта";
    }
    return "вариантов";
  }

  /** A scalar value to show back (numbers, short strings); never a list, object or long text. */
  private static String shortText(Object value) {
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof String s) {
      return cut(s);
    }
    return null;
  }

  private static String cut(String text) {
    return text == null || text.length() <= 100 ? text : text.substring(0, 100) + "…";
  }

  private static FieldProblem problem(String key, String message, String value) {
    return new FieldProblem("answers." + cut(key), message, null, null, value);
  }

  private static Question find(QuestionnaireContent content, String key) {
    for (QuestionnaireSection section : sections(content)) {
      for (Question question : questions(section)) {
        if (key.equals(question.getKey())) {
          return question;
        }
      }
    }
    return null;
  }

  static Map<String, Question> index(QuestionnaireContent content) {
    Map<String, Question> byKey = new HashMap<>();
    for (QuestionnaireSection section : sections(content)) {
      for (Question question : questions(section)) {
        byKey.putIfAbsent(question.getKey(), question);
      }
    }
    return byKey;
  }

  static List<QuestionnaireSection> sections(QuestionnaireContent content) {
    return content == null || content.getSections() == null ? List.of() : content.getSections();
  }

  static List<Question> questions(QuestionnaireSection section) {
    return section.getQuestions() == null ? List.of() : section.getQuestions();
  }
}
