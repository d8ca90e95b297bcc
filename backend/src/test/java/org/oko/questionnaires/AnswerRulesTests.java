package org.oko.questionnaires;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oko.platform.web.FieldProblem;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Answers checked against a definition, value by value (autosave) and whole (submission). */
class AnswerRulesTests {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * Every type of question, two skip rules on questions (one depending on another shown only
   * conditionally) and one on a section.
   */
  static final QuestionnaireContent CONTENT =
      content(
          """
          {"sections":[
            {"key":"general","title":"Общие сведения","questions":[
              {"key":"exp","text":"Стаж работы, лет","type":"NUMBER","integer":true,"min":0,"max":60,
               "required":true},
              {"key":"cat","text":"Квалификационная категория","type":"SINGLE_CHOICE","required":true,
               "options":[{"value":"none","label":"Без категории"},{"value":"first","label":"Первая"},
                          {"value":"high","label":"Высшая"}]},
              {"key":"subj","text":"Предметы","type":"MULTIPLE_CHOICE","required":true,"maxChoices":3,
               "options":[{"value":"rus","label":"Русский язык"},{"value":"math","label":"Математика"},
                          {"value":"lit","label":"Литература"},{"value":"hist","label":"История"}]},
              {"key":"courses","text":"Проходили ли вы курсы?","type":"SINGLE_CHOICE","required":true,
               "options":[{"value":"yes","label":"Да"},{"value":"no","label":"Нет"}]},
              {"key":"which","text":"Какие курсы?","type":"SHORT_TEXT","required":true,
               "showIf":{"question":"courses","anyOf":["yes"]}},
              {"key":"format","text":"В каком формате?","type":"SINGLE_CHOICE",
               "showIf":{"question":"courses","anyOf":["yes"]},
               "options":[{"value":"online","label":"Дистанционно"},{"value":"offline","label":"Очно"}]}
            ]},
            {"key":"tasks","title":"Задания","questions":[
              {"key":"hard","text":"Оцените трудность","type":"SCALE","min":1,"max":5,"required":true},
              {"key":"why","text":"Что было трудным?","type":"LONG_TEXT","maxLength":300,"required":true,
               "showIf":{"question":"hard","anyOf":["4","5"]}},
              {"key":"platform","text":"Какая платформа?","type":"SHORT_TEXT","required":true,
               "showIf":{"question":"format","anyOf":["online"]}},
              {"key":"agree","text":"Насколько вы согласны","type":"MATRIX","required":true,
               "rows":[{"value":"clear","label":"Задания понятны"},{"value":"time","label":"Времени хватило"}],
               "options":[{"value":"yes","label":"Согласен"},{"value":"no","label":"Не согласен"}]},
              {"key":"ratio","text":"Доля","type":"NUMBER","min":0.5,"max":10},
              {"key":"opinion","text":"Ваше мнение","type":"LONG_TEXT"},
              {"key":"extra","text":"Необязательная таблица","type":"MATRIX",
               "rows":[{"value":"a","label":"А"},{"value":"b","label":"Б"}],
               "options":[{"value":"x","label":"X"},{"value":"y","label":"Y"}]}
            ]},
            {"key":"maths","title":"О математике","showIf":{"question":"subj","anyOf":["math"]},
             "questions":[
              {"key":"math_note","text":"Что нового в математике?","type":"SHORT_TEXT","required":true}
            ]}
          ]}
          """);

  static QuestionnaireContent content(String json) {
    return JSON.readValue(json, QuestionnaireContent.class);
  }

  static Map<String, Object> answers(String json) {
    return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
  }

  /** A complete, valid set of answers: courses taken online, a hard test, mathematics taught. */
  static Map<String, Object> full() {
    return answers(
        """
        {"exp":12,"cat":"high","subj":["rus","math"],"courses":"yes","which":"ФГОС-2026",
         "format":"online","hard":5,"why":"Задание 7","platform":"Сферум",
         "agree":{"clear":"yes","time":"no"},"ratio":2.5,"math_note":"Вероятность"}
        """);
  }

  private static List<FieldProblem> patch(String json) {
    return AnswerRules.checkPatch(CONTENT, answers(json));
  }

  private static List<FieldProblem> complete(Map<String, Object> answers) {
    return AnswerRules.checkComplete(CONTENT, answers);
  }

  private static List<String> fields(List<FieldProblem> problems) {
    return problems.stream().map(FieldProblem::field).toList();
  }

  @Test
  void aValidPatchAndNullsThatClearAnswersPass() {
    assertThat(patch("{\"exp\":12,\"cat\":\"first\",\"subj\":[\"rus\"],\"hard\":3}")).isEmpty();
    assertThat(patch("{\"exp\":null,\"agree\":null,\"which\":null}")).isEmpty();
    assertThat(patch("{}")).isEmpty();
    // A skipped or hidden question is not checked for being required or shown while saving.
    assertThat(patch("{\"courses\":\"no\",\"which\":\"всё равно\"}")).isEmpty();
  }

  @Test
  void anUnknownQuestionIsNamed() {
    List<FieldProblem> problems = patch("{\"exp\":1,\"nope\":\"x\"}");
    assertThat(fields(problems)).containsExactly("answers.nope");
    assertThat(problems.get(0).message()).isEqualTo("Такого вопроса нет в анкете");
    // The same through the indexed path (more than a few keys at once).
    assertThat(
            fields(
                patch(
                    "{\"exp\":1,\"cat\":\"high\",\"hard\":2,\"ratio\":1,\"opinion\":\"\",\"x\":1}")))
        .containsExactly("answers.x");
  }

  @Test
  void anOverlongUnknownKeyIsCutInTheProblem() {
    String key = "k".repeat(10_000);
    List<FieldProblem> problems = AnswerRules.checkPatch(CONTENT, Map.of(key, 1));
    assertThat(problems.get(0).field().length()).isLessThan(120);
  }

  @Test
  void singleChoiceTakesOneOfTheOptionValues() {
    assertThat(patch("{\"cat\":\"none\"}")).isEmpty();
    List<FieldProblem> problems = patch("{\"cat\":\"Высшая\"}");
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("answers.cat");
              assertThat(p.message()).isEqualTo("Такого варианта ответа нет");
            });
    assertThat(fields(patch("{\"cat\":[\"high\"]}"))).containsExactly("answers.cat");
    assertThat(fields(patch("{\"cat\":1}"))).containsExactly("answers.cat");
    assertThat(fields(patch("{\"cat\":true}"))).containsExactly("answers.cat");
  }

  @Test
  void multipleChoiceTakesDistinctOptionValuesUpToMaxChoices() {
    assertThat(patch("{\"subj\":[\"rus\",\"math\",\"lit\"]}")).isEmpty();
    assertThat(patch("{\"subj\":[]}")).isEmpty();
    assertThat(patch("{\"subj\":[\"rus\",\"math\",\"lit\",\"hist\"]}"))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).isEqualTo("Можно выбрать не больше 3 вариантов"));
    assertThat(patch("{\"subj\":[\"rus\",\"rus\"]}"))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).isEqualTo("Вариант выбран дважды"));
    assertThat(patch("{\"subj\":[\"rus\",\"geo\"]}"))
        .singleElement()
        .satisfies(p -> assertThat(p.value()).isEqualTo("geo"));
    assertThat(fields(patch("{\"subj\":\"rus\"}"))).containsExactly("answers.subj");
    assertThat(fields(patch("{\"subj\":[1]}"))).containsExactly("answers.subj");
    assertThat(fields(patch("{\"subj\":[null]}"))).containsExactly("answers.subj");
  }

  @Test
  void aScaleTakesAWholeNumberWithinItsBounds() {
    assertThat(patch("{\"hard\":1}")).isEmpty();
    assertThat(patch("{\"hard\":5}")).isEmpty();
    assertThat(patch("{\"hard\":4.0}")).isEmpty();
    assertThat(patch("{\"hard\":0}"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.message()).isEqualTo("Значение вне шкалы: от 1 до 5");
              assertThat(p.value()).isEqualTo("0");
            });
    assertThat(fields(patch("{\"hard\":6}"))).containsExactly("answers.hard");
    assertThat(fields(patch("{\"hard\":3.5}"))).containsExactly("answers.hard");
    assertThat(fields(patch("{\"hard\":\"3\"}"))).containsExactly("answers.hard");
    assertThat(fields(patch("{\"hard\":99999999999999999999999}"))).containsExactly("answers.hard");
  }

  @Test
  void aMatrixMapsItsRowsToItsColumns() {
    assertThat(patch("{\"agree\":{\"clear\":\"yes\"}}")).isEmpty();
    assertThat(patch("{\"agree\":{\"clear\":\"yes\",\"time\":null}}")).isEmpty();
    assertThat(patch("{\"agree\":{\"clear\":\"maybe\"}}"))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.message())
                    .isEqualTo("В строке «Задания понятны» нет такого варианта"));
    assertThat(patch("{\"agree\":{\"colour\":\"yes\"}}"))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).isEqualTo("В таблице нет такой строки"));
    assertThat(fields(patch("{\"agree\":[\"yes\"]}"))).containsExactly("answers.agree");
    assertThat(fields(patch("{\"agree\":{\"clear\":1}}"))).containsExactly("answers.agree");
  }

  @Test
  void aNumberIsWithinItsRangeAndWholeWhenItMustBe() {
    assertThat(patch("{\"exp\":0,\"ratio\":0.5}")).isEmpty();
    assertThat(patch("{\"exp\":60,\"ratio\":10}")).isEmpty();
    assertThat(patch("{\"ratio\":7.25}")).isEmpty();
    assertThat(patch("{\"exp\":61}"))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).isEqualTo("Число от 0 до 60"));
    assertThat(fields(patch("{\"exp\":-1}"))).containsExactly("answers.exp");
    assertThat(patch("{\"exp\":12.5}"))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).isEqualTo("Ответ — целое число"));
    assertThat(fields(patch("{\"ratio\":0.49}"))).containsExactly("answers.ratio");
    assertThat(fields(patch("{\"ratio\":10.01}"))).containsExactly("answers.ratio");
    assertThat(fields(patch("{\"exp\":\"12\"}"))).containsExactly("answers.exp");
  }

  @Test
  void textsHaveTheirLengthLimits() {
    assertThat(AnswerRules.checkPatch(CONTENT, Map.of("which", "я".repeat(200)))).isEmpty();
    assertThat(AnswerRules.checkPatch(CONTENT, Map.of("which", "я".repeat(201))))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).isEqualTo("Текст длиннее 200 символов (201)"));
    assertThat(AnswerRules.checkPatch(CONTENT, Map.of("why", "a".repeat(300)))).isEmpty();
    assertThat(fields(AnswerRules.checkPatch(CONTENT, Map.of("why", "a".repeat(301)))))
        .containsExactly("answers.why");
    // The default for a long text is 5 000.
    assertThat(AnswerRules.checkPatch(CONTENT, Map.of("opinion", "a".repeat(5000)))).isEmpty();
    assertThat(fields(AnswerRules.checkPatch(CONTENT, Map.of("opinion", "a".repeat(5001)))))
        .containsExactly("answers.opinion");
    assertThat(fields(patch("{\"which\":12}"))).containsExactly("answers.which");
  }

  @Test
  void aMegabyteOfTextIsRefusedWithoutBeingEchoed() {
    String huge = "=".repeat(1 << 20);
    List<FieldProblem> problems =
        AnswerRules.checkPatch(CONTENT, Map.of("opinion", huge, "cat", huge));
    assertThat(problems).hasSize(2);
    for (FieldProblem p : problems) {
      assertThat(p.message().length()).isLessThan(200);
      assertThat(p.value() == null ? 0 : p.value().length()).isLessThanOrEqualTo(101);
    }
  }

  @Test
  void problemsAreCappedForAnAbsurdPatch() {
    Map<String, Object> many = new LinkedHashMap<>();
    for (int i = 0; i < 10_000; i++) {
      many.put("q" + i, i);
    }
    assertThat(AnswerRules.checkPatch(CONTENT, many)).hasSize(AnswerRules.MAX_PROBLEMS);
  }

  @Test
  void aCompleteSetOfAnswersPasses() {
    assertThat(complete(full())).isEmpty();
    // Hidden questions left unanswered are not required: no courses, an easy test, no maths.
    assertThat(
            complete(
                answers(
                    """
                    {"exp":1,"cat":"none","subj":["rus"],"courses":"no","hard":2,
                     "agree":{"clear":"yes","time":"yes"}}
                    """)))
        .isEmpty();
  }

  @Test
  void everyShownRequiredQuestionMustBeAnswered() {
    Map<String, Object> answers = full();
    answers.remove("exp");
    answers.put("which", "   ");
    answers.put("subj", List.of());
    answers.remove("math_note"); // hidden now that no subject is chosen
    List<FieldProblem> problems = complete(answers);
    assertThat(fields(problems)).containsExactly("answers.exp", "answers.subj", "answers.which");
    assertThat(problems).allMatch(p -> p.message().equals("Ответьте на этот вопрос"));
  }

  @Test
  void aRequiredMatrixNeedsEveryRow() {
    Map<String, Object> answers = full();
    answers.put("agree", Map.of("clear", "yes"));
    assertThat(complete(answers))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("answers.agree");
              assertThat(p.message())
                  .isEqualTo("Ответьте в каждой строке: нет ответа «Времени хватило»");
            });
    // An optional matrix may be answered in part.
    answers = full();
    answers.put("extra", Map.of("a", "x"));
    assertThat(complete(answers)).isEmpty();
  }

  @Test
  void anAnswerToAHiddenQuestionIsASkipLogicViolation() {
    Map<String, Object> answers = full();
    answers.put("hard", 2);
    List<FieldProblem> problems = complete(answers);
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("answers.why");
              assertThat(p.message())
                  .isEqualTo("Вопрос скрыт ответом на вопрос «Оцените трудность» — ответ не нужен");
            });
  }

  @Test
  void anAnswerInAHiddenSectionIsASkipLogicViolation() {
    Map<String, Object> answers = full();
    answers.put("subj", List.of("rus", "lit"));
    assertThat(complete(answers))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("answers.math_note");
              assertThat(p.message()).contains("«Предметы»");
            });
    // And the section's required question is not required once it is hidden.
    answers.remove("math_note");
    assertThat(complete(answers)).isEmpty();
  }

  @Test
  void aMultipleChoiceShowsWhenItContainsOneOfTheValues() {
    Map<String, Object> answers = full();
    answers.put("subj", List.of("hist", "math"));
    assertThat(complete(answers)).isEmpty();
    answers.remove("math_note");
    assertThat(fields(complete(answers))).containsExactly("answers.math_note");
  }

  @Test
  void skipLogicIsTransitive() {
    // «format» is hidden by «courses» = no, so its answer does not count: «platform», shown only
    // for an online format, is hidden too and not required.
    Map<String, Object> answers = full();
    answers.put("courses", "no");
    answers.remove("which");
    answers.remove("platform");
    List<FieldProblem> problems = complete(answers);
    assertThat(fields(problems)).containsExactly("answers.format");
    // Answered too, both are violations, each naming its own controlling question.
    answers.put("platform", "Сферум");
    problems = complete(answers);
    assertThat(fields(problems)).containsExactly("answers.format", "answers.platform");
    assertThat(problems.get(1).message()).contains("«В каком формате?»");
    // With the format hidden and left out, nothing is wrong.
    answers.remove("format");
    answers.remove("platform");
    assertThat(complete(answers)).isEmpty();
  }

  @Test
  void aScaleControlsByItsWholeValue() {
    Map<String, Object> answers = full();
    answers.put("hard", 4.0);
    assertThat(complete(answers)).isEmpty();
    answers.put("hard", 3);
    assertThat(fields(complete(answers))).containsExactly("answers.why");
  }

  @Test
  void submissionAlsoChecksValuesAndUnknownQuestions() {
    Map<String, Object> answers = full();
    answers.put("hard", 9);
    answers.put("ghost", "boo");
    List<FieldProblem> problems = complete(answers);
    assertThat(fields(problems)).containsExactlyInAnyOrder("answers.ghost", "answers.hard");
    // A wrong scale answer leaves the question depending on it undecided: its answer is not
    // reported as hidden, and its absence would not be reported as missing.
    assertThat(fields(problems)).doesNotContain("answers.why");
    answers.remove("why");
    assertThat(fields(complete(answers)))
        .containsExactlyInAnyOrder("answers.ghost", "answers.hard");
  }

  @Test
  void anEmptySubmissionNamesEveryRequiredShownQuestion() {
    assertThat(fields(complete(new LinkedHashMap<>())))
        .containsExactly(
            "answers.exp",
            "answers.cat",
            "answers.subj",
            "answers.courses",
            "answers.hard",
            "answers.agree");
    assertThat(fields(AnswerRules.checkComplete(CONTENT, null))).hasSize(6);
  }
}
