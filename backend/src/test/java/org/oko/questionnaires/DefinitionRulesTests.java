package org.oko.questionnaires;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oko.platform.web.FieldProblem;

/** A questionnaire definition is checked whole, each problem named by its path. */
class DefinitionRulesTests {

  private static List<FieldProblem> problems(String json) {
    return DefinitionRules.problems(AnswerRulesTests.content(json));
  }

  private static List<String> fields(String json) {
    return problems(json).stream().map(FieldProblem::field).toList();
  }

  /** One section with these questions (JSON objects joined by commas). */
  private static String section(String questions) {
    return "{\"sections\":[{\"key\":\"s\",\"title\":\"Раздел\",\"questions\":["
        + questions
        + "]}]}";
  }

  private static final String YES_NO =
      "{\"key\":\"yn\",\"text\":\"Да или нет?\",\"type\":\"SINGLE_CHOICE\","
          + "\"options\":[{\"value\":\"yes\",\"label\":\"Да\"},{\"value\":\"no\",\"label\":\"Нет\"}]}";

  @Test
  void theAnswerRulesDefinitionPasses() {
    assertThat(DefinitionRules.problems(AnswerRulesTests.CONTENT)).isEmpty();
  }

  @Test
  void atLeastOneQuestionIsNeeded() {
    assertThat(fields("{\"sections\":[]}")).containsExactly("content.sections");
    assertThat(fields(section(""))).containsExactly("content.sections");
  }

  @Test
  void keysAreUniqueInTheWholeQuestionnaire() {
    String json =
        """
        {"sections":[
          {"key":"a","title":"А","questions":[{"key":"q","text":"Q","type":"SHORT_TEXT"}]},
          {"key":"a","title":"Б","questions":[{"key":"q","text":"Q2","type":"LONG_TEXT"}]}
        ]}
        """;
    assertThat(fields(json))
        .containsExactly("content.sections[1].key", "content.sections[1].questions[0].key");
  }

  @Test
  void choicesNeedTwoDistinctOptions() {
    assertThat(
            fields(
                section(
                    "{\"key\":\"c\",\"text\":\"C\",\"type\":\"SINGLE_CHOICE\","
                        + "\"options\":[{\"value\":\"a\",\"label\":\"A\"}]}")))
        .containsExactly("content.sections[0].questions[0].options");
    assertThat(
            fields(
                section(
                    "{\"key\":\"c\",\"text\":\"C\",\"type\":\"MULTIPLE_CHOICE\","
                        + "\"options\":[{\"value\":\"a\",\"label\":\"A\"},{\"value\":\"a\",\"label\":\"B\"}]}")))
        .containsExactly("content.sections[0].questions[0].options[1].value");
  }

  @Test
  void maxChoicesIsAtMostTheOptions() {
    assertThat(
            fields(
                section(
                    "{\"key\":\"c\",\"text\":\"C\",\"type\":\"MULTIPLE_CHOICE\",\"maxChoices\":3,"
                        + "\"options\":[{\"value\":\"a\",\"label\":\"A\"},{\"value\":\"b\",\"label\":\"B\"}]}")))
        .containsExactly("content.sections[0].questions[0].maxChoices");
    assertThat(
            fields(
                section(
                    "{\"key\":\"c\",\"text\":\"C\",\"type\":\"MULTIPLE_CHOICE\",\"maxChoices\":2,"
                        + "\"options\":[{\"value\":\"a\",\"label\":\"A\"},{\"value\":\"b\",\"label\":\"B\"}]}")))
        .isEmpty();
  }

  @Test
  void aMatrixNeedsColumnsAndRows() {
    assertThat(fields(section("{\"key\":\"m\",\"text\":\"M\",\"type\":\"MATRIX\"}")))
        .containsExactly(
            "content.sections[0].questions[0].options", "content.sections[0].questions[0].rows");
    assertThat(
            fields(
                section(
                    "{\"key\":\"m\",\"text\":\"M\",\"type\":\"MATRIX\","
                        + "\"options\":[{\"value\":\"a\",\"label\":\"A\"},{\"value\":\"b\",\"label\":\"B\"}],"
                        + "\"rows\":[{\"value\":\"r\",\"label\":\"R\"},{\"value\":\"r\",\"label\":\"R2\"}]}")))
        .containsExactly("content.sections[0].questions[0].rows[1].value");
  }

  @Test
  void aScaleHasWholeBoundsAndAtMostAHundredSteps() {
    String scale = "{\"key\":\"s\",\"text\":\"S\",\"type\":\"SCALE\"%s}";
    assertThat(fields(section(scale.formatted(",\"min\":1,\"max\":5")))).isEmpty();
    assertThat(fields(section(scale.formatted(",\"min\":0,\"max\":100")))).isEmpty();
    assertThat(fields(section(scale.formatted(",\"min\":0,\"max\":101"))))
        .containsExactly("content.sections[0].questions[0].max");
    assertThat(fields(section(scale.formatted(",\"min\":5,\"max\":5"))))
        .containsExactly("content.sections[0].questions[0].max");
    assertThat(fields(section(scale.formatted(",\"min\":1.5,\"max\":5"))))
        .containsExactly("content.sections[0].questions[0].min");
    assertThat(fields(section(scale.formatted(",\"min\":1")))).hasSize(1);
    assertThat(fields(section(scale.formatted("")))).hasSize(1);
  }

  @Test
  void aNumberRangeIsOrdered() {
    String number = "{\"key\":\"n\",\"text\":\"N\",\"type\":\"NUMBER\"%s}";
    assertThat(fields(section(number.formatted(",\"min\":3,\"max\":3")))).isEmpty();
    assertThat(fields(section(number.formatted(",\"min\":3")))).isEmpty();
    assertThat(fields(section(number.formatted(",\"min\":4,\"max\":3"))))
        .containsExactly("content.sections[0].questions[0].max");
  }

  @Test
  void maxLengthIsForLongTextsOnly() {
    assertThat(
            fields(
                section("{\"key\":\"t\",\"text\":\"T\",\"type\":\"LONG_TEXT\",\"maxLength\":500}")))
        .isEmpty();
    assertThat(
            fields(
                section("{\"key\":\"t\",\"text\":\"T\",\"type\":\"SHORT_TEXT\",\"maxLength\":50}")))
        .containsExactly("content.sections[0].questions[0].maxLength");
  }

  @Test
  void showIfRefersToAnEarlierChoiceOrScaleQuestionAndItsValues() {
    String follow =
        "{\"key\":\"f\",\"text\":\"F\",\"type\":\"SHORT_TEXT\",\"showIf\":{\"question\":\"%s\",\"anyOf\":[%s]}}";
    assertThat(fields(section(YES_NO + "," + follow.formatted("yn", "\"yes\"")))).isEmpty();
    // A value the question does not have.
    List<FieldProblem> problems =
        problems(section(YES_NO + "," + follow.formatted("yn", "\"maybe\"")));
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("content.sections[0].questions[1].showIf.anyOf[0]");
              assertThat(p.message()).isEqualTo("У вопроса «yn» нет варианта «maybe»");
            });
    // A later question, itself, or a missing one.
    assertThat(fields(section(follow.formatted("yn", "\"yes\"") + "," + YES_NO)))
        .containsExactly("content.sections[0].questions[0].showIf.question");
    assertThat(fields(section(follow.formatted("f", "\"yes\""))))
        .containsExactly("content.sections[0].questions[0].showIf.question");
    // Not a choice or scale question.
    String text = "{\"key\":\"t\",\"text\":\"T\",\"type\":\"SHORT_TEXT\"}";
    assertThat(fields(section(text + "," + follow.formatted("t", "\"a\""))))
        .containsExactly("content.sections[0].questions[1].showIf.question");
    // No values at all.
    assertThat(fields(section(YES_NO + "," + follow.formatted("yn", ""))))
        .containsExactly("content.sections[0].questions[1].showIf.anyOf");
  }

  @Test
  void showIfOnAScaleTakesWholeValuesOnTheScale() {
    String scale = "{\"key\":\"sc\",\"text\":\"S\",\"type\":\"SCALE\",\"min\":1,\"max\":5}";
    String follow =
        "{\"key\":\"f\",\"text\":\"F\",\"type\":\"SHORT_TEXT\",\"showIf\":{\"question\":\"sc\",\"anyOf\":[%s]}}";
    assertThat(fields(section(scale + "," + follow.formatted("\"1\",\"5\"")))).isEmpty();
    assertThat(fields(section(scale + "," + follow.formatted("\"0\",\"3.5\",\"six\""))))
        .containsExactly(
            "content.sections[0].questions[1].showIf.anyOf[0]",
            "content.sections[0].questions[1].showIf.anyOf[1]",
            "content.sections[0].questions[1].showIf.anyOf[2]");
  }

  @Test
  void aSectionShowIfRefersToAQuestionOfAnEarlierSection() {
    String json =
        """
        {"sections":[
          {"key":"a","title":"А","questions":[%s]},
          {"key":"b","title":"Б","showIf":{"question":"%s","anyOf":["yes"]},
           "questions":[{"key":"q","text":"Q","type":"SHORT_TEXT"}, %s]}
        ]}
        """;
    String inB = YES_NO.replace("\"yn\"", "\"yb\"");
    assertThat(fields(json.formatted(YES_NO, "yn", inB))).isEmpty();
    assertThat(fields(json.formatted(YES_NO, "yb", inB)))
        .containsExactly("content.sections[1].showIf.question");
  }

  @Test
  void optionsAndBoundsOnlyWhereTheTypeHasThem() {
    assertThat(
            fields(
                section(
                    "{\"key\":\"t\",\"text\":\"T\",\"type\":\"SHORT_TEXT\",\"min\":1,"
                        + "\"options\":[{\"value\":\"a\",\"label\":\"A\"}]}")))
        .containsExactly(
            "content.sections[0].questions[0].options", "content.sections[0].questions[0].min");
  }
}
