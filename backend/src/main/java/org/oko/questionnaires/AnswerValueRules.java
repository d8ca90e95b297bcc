package org.oko.questionnaires;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.RussianPlural;
import org.oko.questionnaires.QuestionnaireContent.Option;
import org.oko.questionnaires.QuestionnaireContent.Question;

/**
 * Whether one answer fits its question, whatever else is answered: its type, options, bounds and
 * length. {@link AnswerRules} decides which questions apply and must be answered, and asks here
 * about each value. Every problem names the answer ({@code answers.<key>}) and shows the value back
 * only when it is short.
 */
final class AnswerValueRules {

  private AnswerValueRules() {}

  /** The problem with one non-null value of a question, or null. */
  static FieldProblem checkValue(Question question, Object value) {
    String key = question.key();
    switch (question.type()) {
      case SINGLE_CHOICE:
        if (!(value instanceof String s)) {
          return problem(key, "Выберите один вариант ответа", null);
        }
        if (s.isBlank()) {
          return null;
        }
        return hasValue(question.options(), s)
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
        return checkText(key, value, AnswerRules.SHORT_TEXT_MAX);
      case LONG_TEXT:
        Integer max = question.maxLength();
        return checkText(
            key,
            value,
            max == null ? AnswerRules.LONG_TEXT_MAX : Math.min(max, AnswerRules.LONG_TEXT_MAX));
      default:
        return problem(key, "Неизвестный тип вопроса", null);
    }
  }

  private static FieldProblem checkMultiple(Question question, Object value) {
    String key = question.key();
    if (!(value instanceof List<?> list)) {
      return problem(key, "Ответ — список выбранных вариантов", null);
    }
    List<Option> options = question.options();
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
    Integer maxChoices = question.maxChoices();
    if (maxChoices != null && size > maxChoices) {
      return problem(
          key,
          "Можно выбрать не больше "
              + maxChoices
              + " "
              + RussianPlural.of(maxChoices, "варианта", "вариантов", "вариантов"),
          null);
    }
    return null;
  }

  private static FieldProblem checkScale(Question question, Object value) {
    String key = question.key();
    Long whole = value instanceof Number n ? whole(n) : null;
    if (whole == null) {
      return problem(key, "Ответ — целое число на шкале", shortText(value));
    }
    BigDecimal min = question.min();
    BigDecimal max = question.max();
    if ((min != null && BigDecimal.valueOf(whole).compareTo(min) < 0)
        || (max != null && BigDecimal.valueOf(whole).compareTo(max) > 0)) {
      return problem(
          key, "Значение вне шкалы: от " + plain(min) + " до " + plain(max), Long.toString(whole));
    }
    return null;
  }

  private static FieldProblem checkMatrix(Question question, Object value) {
    String key = question.key();
    if (!(value instanceof Map<?, ?> map)) {
      return problem(key, "Ответ — по одному варианту в каждой строке таблицы", null);
    }
    List<Option> rows = question.rows();
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
      if (!(column instanceof String c) || !hasValue(question.options(), c)) {
        return problem(
            key, "В строке «" + cut(label(rows, r)) + "» нет такого варианта", shortText(column));
      }
    }
    return null;
  }

  static FieldProblem missingRow(Question question, Map<?, ?> answer) {
    for (Option row : question.rows()) {
      if (answer.get(row.value()) == null) {
        return problem(
            question.key(),
            "Ответьте в каждой строке: нет ответа «" + cut(row.label()) + "»",
            null);
      }
    }
    return null;
  }

  private static FieldProblem checkNumber(Question question, Object value) {
    String key = question.key();
    if (!(value instanceof Number n) || !finite(n)) {
      return problem(key, "Ответ — число", shortText(value));
    }
    if (Boolean.TRUE.equals(question.integer()) && whole(n) == null) {
      return problem(key, "Ответ — целое число", shortText(value));
    }
    BigDecimal min = question.min();
    BigDecimal max = question.max();
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

  private static boolean hasValue(List<Option> options, String value) {
    if (options == null) {
      return false;
    }
    for (int i = 0, n = options.size(); i < n; i++) {
      if (value.equals(options.get(i).value())) {
        return true;
      }
    }
    return false;
  }

  private static String label(List<Option> options, String value) {
    for (Option option : options) {
      if (value.equals(option.value())) {
        return option.label();
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

  static String cut(String text) {
    return text == null || text.length() <= 100 ? text : text.substring(0, 100) + "…";
  }

  static FieldProblem problem(String key, String message, String value) {
    return new FieldProblem("answers." + cut(key), message, null, null, value);
  }
}
