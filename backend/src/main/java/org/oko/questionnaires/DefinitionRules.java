package org.oko.questionnaires;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.UnprocessableException;
import org.oko.questionnaires.QuestionnaireContent.Option;
import org.oko.questionnaires.QuestionnaireContent.Question;
import org.oko.questionnaires.QuestionnaireContent.QuestionType;
import org.oko.questionnaires.QuestionnaireContent.Section;
import org.oko.questionnaires.QuestionnaireContent.SkipRule;

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
    List<Section> sections = AnswerRules.sections(content);
    Set<String> sectionKeys = new HashSet<>();
    // Questions seen so far, in order: what skip logic may refer to.
    Map<String, Question> earlier = new HashMap<>();
    Set<String> questionKeys = new HashSet<>();
    int questions = 0;
    for (int s = 0; s < sections.size(); s++) {
      Section section = sections.get(s);
      String sectionPath = "content.sections[" + s + "]";
      if (section.key() != null && !sectionKeys.add(section.key())) {
        problems.add(
            FieldProblem.of(
                sectionPath + ".key", "Раздел «" + section.key() + "» уже есть в анкете"));
      }
      if (section.title() == null || section.title().isBlank()) {
        problems.add(FieldProblem.of(sectionPath + ".title", "Укажите название раздела"));
      }
      checkShowIf(section.showIf(), sectionPath + ".showIf", earlier, problems);
      List<Question> list = AnswerRules.questions(section);
      for (int q = 0; q < list.size(); q++) {
        Question question = list.get(q);
        String path = sectionPath + ".questions[" + q + "]";
        questions++;
        checkQuestion(question, path, problems);
        checkShowIf(question.showIf(), path + ".showIf", earlier, problems);
        if (question.key() != null) {
          if (!questionKeys.add(question.key())) {
            problems.add(
                FieldProblem.of(
                    path + ".key", "Вопрос «" + question.key() + "» уже есть в анкете"));
          } else {
            earlier.put(question.key(), question);
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
    if (q.text() == null || q.text().isBlank()) {
      problems.add(FieldProblem.of(path + ".text", "Укажите текст вопроса"));
    }
    QuestionType type = q.type();
    if (type == null) {
      problems.add(FieldProblem.of(path + ".type", "Укажите тип вопроса"));
      return;
    }
    List<Option> options = q.options() == null ? List.of() : q.options();
    List<Option> rows = q.rows() == null ? List.of() : q.rows();
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
      if (q.min() != null && q.max() != null && q.min().compareTo(q.max()) > 0) {
        problems.add(FieldProblem.of(path + ".max", "Наибольшее значение меньше наименьшего"));
      }
    } else if (q.min() != null || q.max() != null) {
      problems.add(FieldProblem.of(path + ".min", "Границы min и max — только у шкалы и числа"));
    }
    if (q.maxChoices() != null) {
      if (type != QuestionType.MULTIPLE_CHOICE) {
        problems.add(
            FieldProblem.of(
                path + ".maxChoices", "maxChoices — только у вопроса с несколькими ответами"));
      } else if (q.maxChoices() > options.size()) {
        problems.add(
            FieldProblem.of(
                path + ".maxChoices",
                "Нельзя выбрать " + q.maxChoices() + " из " + options.size() + " вариантов"));
      } else if (q.maxChoices() < 1) {
        problems.add(FieldProblem.of(path + ".maxChoices", "maxChoices — не меньше 1"));
      }
    }
    if (q.maxLength() != null) {
      if (type != QuestionType.LONG_TEXT) {
        problems.add(
            FieldProblem.of(path + ".maxLength", "maxLength — только у развёрнутого ответа"));
      } else if (q.maxLength() < 1 || q.maxLength() > AnswerRules.LONG_TEXT_MAX) {
        problems.add(
            FieldProblem.of(
                path + ".maxLength",
                "Длина ответа — от 1 до " + AnswerRules.LONG_TEXT_MAX + " символов"));
      }
    }
    if (q.integer() != null && q.integer() && type != QuestionType.NUMBER) {
      problems.add(FieldProblem.of(path + ".integer", "integer — только у числового вопроса"));
    }
  }

  private static void checkScale(Question q, String path, List<FieldProblem> problems) {
    BigDecimal min = q.min();
    BigDecimal max = q.max();
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
      SkipRule showIf, String path, Map<String, Question> earlier, List<FieldProblem> problems) {
    if (showIf == null) {
      return;
    }
    Question target = showIf.question() == null ? null : earlier.get(showIf.question());
    if (target == null) {
      problems.add(
          FieldProblem.of(
              path + ".question",
              "Условие показа должно ссылаться на один из предыдущих вопросов анкеты"
                  + (showIf.question() == null ? "" : ", а «" + showIf.question() + "» — нет")));
      return;
    }
    QuestionType type = target.type();
    if (type != QuestionType.SINGLE_CHOICE
        && type != QuestionType.MULTIPLE_CHOICE
        && type != QuestionType.SCALE) {
      problems.add(
          FieldProblem.of(
              path + ".question",
              "Условие показа — по вопросу с выбором ответа или шкалой, а «"
                  + target.key()
                  + "» не такой"));
      return;
    }
    List<String> anyOf = showIf.anyOf() == null ? List.of() : showIf.anyOf();
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
                && target.options() != null
                && target.options().stream().anyMatch(o -> value.equals(o.value()));
      }
      if (!ok) {
        problems.add(
            FieldProblem.of(
                path + ".anyOf[" + i + "]",
                type == QuestionType.SCALE
                    ? "«" + value + "» — не деление шкалы вопроса «" + target.key() + "»"
                    : "У вопроса «" + target.key() + "» нет варианта «" + value + "»"));
      }
    }
  }

  private static boolean withinScale(String value, Question scale) {
    if (value == null || scale.min() == null || scale.max() == null) {
      return false;
    }
    long n;
    try {
      n = Long.parseLong(value);
    } catch (NumberFormatException e) {
      return false;
    }
    BigDecimal v = BigDecimal.valueOf(n);
    return v.compareTo(scale.min()) >= 0 && v.compareTo(scale.max()) <= 0;
  }

  private static void checkUnique(
      List<Option> options, String path, String what, List<FieldProblem> problems) {
    Set<String> values = new HashSet<>();
    for (int i = 0; i < options.size(); i++) {
      String value = options.get(i).value();
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
