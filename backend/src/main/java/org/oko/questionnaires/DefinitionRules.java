package org.oko.questionnaires;

import java.math.BigDecimal;
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
import org.oko.platform.web.UnprocessableException;

/**
 * Whether a questionnaire definition can be answered: unique keys, options for choice and matrix
 * questions, a sane scale and number range, and skip logic that refers to an earlier choice or
 * scale question and one of its values. Every problem is named by its path, such as {@code
 * content.sections[1].questions[0].showIf}. Public so that the demo data can be checked too.
 */
public final class DefinitionRules {

  /** At most this many steps on a scale (1–5, 0–10, 0–100). */
  public static final int MAX_SCALE_STEPS = 100;

  private DefinitionRules() {}

  /** Every problem of the definition; empty if it is fine. */
  public static List<FieldProblem> problems(QuestionnaireContent content) {
    List<FieldProblem> problems = new ArrayList<>();
    if (content == null) {
      problems.add(FieldProblem.of("content", "Нет содержания анкеты"));
      return problems;
    }
    List<QuestionnaireSection> sections = AnswerRules.sections(content);
    Set<String> sectionKeys = new HashSet<>();
    // Questions seen so far, in order: what skip logic may refer to.
    Map<String, Question> earlier = new HashMap<>();
    Set<String> questionKeys = new HashSet<>();
    int questions = 0;
    for (int s = 0; s < sections.size(); s++) {
      QuestionnaireSection section = sections.get(s);
      String sectionPath = "content.sections[" + s + "]";
      if (section.getKey() != null && !sectionKeys.add(section.getKey())) {
        problems.add(
            FieldProblem.of(
                sectionPath + ".key", "Раздел «" + section.getKey() + "» уже есть в анкете"));
      }
      if (section.getTitle() == null || section.getTitle().isBlank()) {
        problems.add(FieldProblem.of(sectionPath + ".title", "Укажите название раздела"));
      }
      checkShowIf(section.getShowIf(), sectionPath + ".showIf", earlier, problems);
      List<Question> list = AnswerRules.questions(section);
      for (int q = 0; q < list.size(); q++) {
        Question question = list.get(q);
        String path = sectionPath + ".questions[" + q + "]";
        questions++;
        checkQuestion(question, path, problems);
        checkShowIf(question.getShowIf(), path + ".showIf", earlier, problems);
        if (question.getKey() != null) {
          if (!questionKeys.add(question.getKey())) {
            problems.add(
                FieldProblem.of(
                    path + ".key", "Вопрос «" + question.getKey() + "» уже есть в анкете"));
          } else {
            earlier.put(question.getKey(), question);
          }
        }
      }
    }
    if (questions == 0) {
      problems.add(FieldProblem.of("content.sections", "В анкете должен быть хотя бы один вопрос"));
    }
    return problems;
  }

  /** Throws a 422 naming every problem, if there is any. */
  static void require(QuestionnaireContent content) {
    List<FieldProblem> problems = problems(content);
    if (!problems.isEmpty()) {
      throw new UnprocessableException("Анкета составлена с ошибками", problems);
    }
  }

  private static void checkQuestion(Question q, String path, List<FieldProblem> problems) {
    if (q.getText() == null || q.getText().isBlank()) {
      problems.add(FieldProblem.of(path + ".text", "Укажите текст вопроса"));
    }
    QuestionType type = q.getType();
    if (type == null) {
      problems.add(FieldProblem.of(path + ".type", "Укажите тип вопроса"));
      return;
    }
    List<QuestionOption> options = q.getOptions() == null ? List.of() : q.getOptions();
    List<QuestionOption> rows = q.getRows() == null ? List.of() : q.getRows();
    boolean choice = type == QuestionType.SINGLE_CHOICE || type == QuestionType.MULTIPLE_CHOICE;
    if (choice) {
      if (options.size() < 2) {
        problems.add(FieldProblem.of(path + ".options", "Нужно не меньше двух вариантов ответа"));
      }
      checkUnique(options, path + ".options", "Вариант", problems);
    } else if (type == QuestionType.MATRIX) {
      if (options.size() < 2) {
        problems.add(
            FieldProblem.of(
                path + ".options", "Нужно не меньше двух столбцов (вариантов ответа) таблицы"));
      }
      if (rows.isEmpty()) {
        problems.add(FieldProblem.of(path + ".rows", "Нужна хотя бы одна строка таблицы"));
      }
      checkUnique(options, path + ".options", "Столбец", problems);
      checkUnique(rows, path + ".rows", "Строка", problems);
    } else if (!options.isEmpty()) {
      problems.add(
          FieldProblem.of(
              path + ".options", "Варианты ответа — только у вопросов с выбором и таблиц"));
    }
    if (type != QuestionType.MATRIX && !rows.isEmpty()) {
      problems.add(FieldProblem.of(path + ".rows", "Строки — только у вопроса-таблицы"));
    }
    if (type == QuestionType.SCALE) {
      checkScale(q, path, problems);
    } else if (type == QuestionType.NUMBER) {
      if (q.getMin() != null && q.getMax() != null && q.getMin().compareTo(q.getMax()) > 0) {
        problems.add(FieldProblem.of(path + ".max", "Наибольшее значение меньше наименьшего"));
      }
    } else if (q.getMin() != null || q.getMax() != null) {
      problems.add(FieldProblem.of(path + ".min", "Границы min и max — только у шкалы и числа"));
    }
    if (q.getMaxChoices() != null) {
      if (type != QuestionType.MULTIPLE_CHOICE) {
        problems.add(
            FieldProblem.of(
                path + ".maxChoices", "maxChoices — только у вопроса с несколькими ответами"));
      } else if (q.getMaxChoices() > options.size()) {
        problems.add(
            FieldProblem.of(
                path + ".maxChoices",
                "Нельзя выбрать " + q.getMaxChoices() + " из " + options.size() + " вариантов"));
      } else if (q.getMaxChoices() < 1) {
        problems.add(FieldProblem.of(path + ".maxChoices", "maxChoices — не меньше 1"));
      }
    }
    if (q.getMaxLength() != null) {
      if (type != QuestionType.LONG_TEXT) {
        problems.add(
            FieldProblem.of(path + ".maxLength", "maxLength — только у развёрнутого ответа"));
      } else if (q.getMaxLength() < 1 || q.getMaxLength() > AnswerRules.LONG_TEXT_MAX) {
        problems.add(
            FieldProblem.of(
                path + ".maxLength",
                "Длина ответа — от 1 до " + AnswerRules.LONG_TEXT_MAX + " символов"));
      }
    }
    if (q.getInteger() != null && q.getInteger() && type != QuestionType.NUMBER) {
      problems.add(FieldProblem.of(path + ".integer", "integer — только у числового вопроса"));
    }
  }

  private static void checkScale(Question q, String path, List<FieldProblem> problems) {
    BigDecimal min = q.getMin();
    BigDecimal max = q.getMax();
    if (min == null || max == null) {
      problems.add(
          FieldProblem.of(path + (min == null ? ".min" : ".max"), "У шкалы нужны min и max"));
      return;
    }
    if (!isWhole(min) || !isWhole(max)) {
      problems.add(
          FieldProblem.of(path + (isWhole(min) ? ".max" : ".min"), "Границы шкалы — целые числа"));
      return;
    }
    if (min.compareTo(max) >= 0) {
      problems.add(
          FieldProblem.of(path + ".max", "Наибольшее значение шкалы — больше наименьшего"));
    } else if (max.subtract(min).compareTo(BigDecimal.valueOf(MAX_SCALE_STEPS)) > 0) {
      problems.add(
          FieldProblem.of(path + ".max", "На шкале не больше " + MAX_SCALE_STEPS + " делений"));
    }
  }

  private static void checkShowIf(
      ShowIf showIf, String path, Map<String, Question> earlier, List<FieldProblem> problems) {
    if (showIf == null) {
      return;
    }
    Question target = showIf.getQuestion() == null ? null : earlier.get(showIf.getQuestion());
    if (target == null) {
      problems.add(
          FieldProblem.of(
              path + ".question",
              "Условие показа должно ссылаться на один из предыдущих вопросов анкеты"
                  + (showIf.getQuestion() == null
                      ? ""
                      : ", а «" + showIf.getQuestion() + "» — нет")));
      return;
    }
    QuestionType type = target.getType();
    if (type != QuestionType.SINGLE_CHOICE
        && type != QuestionType.MULTIPLE_CHOICE
        && type != QuestionType.SCALE) {
      problems.add(
          FieldProblem.of(
              path + ".question",
              "Условие показа — по вопросу с выбором ответа или шкалой, а «"
                  + target.getKey()
                  + "» не такой"));
      return;
    }
    List<String> anyOf = showIf.getAnyOf() == null ? List.of() : showIf.getAnyOf();
    if (anyOf.isEmpty()) {
      problems.add(
          FieldProblem.of(path + ".anyOf", "Укажите, при каких ответах показывать вопрос"));
      return;
    }
    for (int i = 0; i < anyOf.size(); i++) {
      String value = anyOf.get(i);
      boolean ok;
      if (type == QuestionType.SCALE) {
        ok = withinScale(value, target);
      } else {
        ok =
            value != null
                && target.getOptions() != null
                && target.getOptions().stream().anyMatch(o -> value.equals(o.getValue()));
      }
      if (!ok) {
        problems.add(
            FieldProblem.of(
                path + ".anyOf[" + i + "]",
                type == QuestionType.SCALE
                    ? "«" + value + "» — не деление шкалы вопроса «" + target.getKey() + "»"
                    : "У вопроса «" + target.getKey() + "» нет варианта «" + value + "»"));
      }
    }
  }

  private static boolean withinScale(String value, Question scale) {
    if (value == null || scale.getMin() == null || scale.getMax() == null) {
      return false;
    }
    long n;
    try {
      n = Long.parseLong(value);
    } catch (NumberFormatException e) {
      return false;
    }
    BigDecimal v = BigDecimal.valueOf(n);
    return v.compareTo(scale.getMin()) >= 0 && v.compareTo(scale.getMax()) <= 0;
  }

  private static void checkUnique(
      List<QuestionOption> options, String path, String what, List<FieldProblem> problems) {
    Set<String> values = new HashSet<>();
    for (int i = 0; i < options.size(); i++) {
      String value = options.get(i).getValue();
      if (value != null && !values.add(value)) {
        problems.add(
            FieldProblem.of(path + "[" + i + "].value", what + " «" + value + "» повторяется"));
      }
    }
  }

  private static boolean isWhole(BigDecimal value) {
    return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
  }
}
