package org.oko.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.oko.api.model.ParticipantCategory;
import org.oko.api.model.Question;
import org.oko.api.model.QuestionType;
import org.oko.api.model.Questionnaire;
import org.oko.api.model.QuestionnaireContent;
import org.oko.questionnaires.DefinitionRules;
import org.oko.questionnaires.QuestionnaireContentMapper;
import org.oko.testing.ApiTest;
import org.oko.testing.TestCampaigns;

/** The demo ОМК has a questionnaire for teachers and one for methodists, ready to answer. */
class DemoQuestionnairesTests extends ApiTest {

  private static List<Question> questions(QuestionnaireContent content) {
    return content.getSections().stream().flatMap(s -> s.getQuestions().stream()).toList();
  }

  @Test
  void theDemoDefinitionsPassTheDefinitionChecks() {
    assertThat(
            DefinitionRules.problems(
                QuestionnaireContentMapper.content(DemoQuestionnaires.teacher())))
        .isEmpty();
    assertThat(
            DefinitionRules.problems(
                QuestionnaireContentMapper.content(DemoQuestionnaires.methodist())))
        .isEmpty();
  }

  @Test
  void theTeacherQuestionnaireUsesEveryTypeOfQuestionAndSkipLogic() {
    QuestionnaireContent teacher = DemoQuestionnaires.teacher();
    assertThat(teacher.getSections()).hasSizeBetween(3, 4);
    List<Question> questions = questions(teacher);
    assertThat(questions.size()).isBetween(12, 20);
    Set<QuestionType> types = questions.stream().map(Question::getType).collect(Collectors.toSet());
    assertThat(types).containsExactlyInAnyOrder(QuestionType.values());
    assertThat(questions.stream().map(Question::getShowIf).filter(Objects::nonNull).count())
        .isGreaterThanOrEqualTo(2);
    assertThat(questions).anyMatch(q -> Boolean.TRUE.equals(q.getRequired()));
  }

  @Test
  void theDemoOmkHasBothQuestionnairesForItsRegions() {
    long campaign = TestCampaigns.titled(client, DemoQuestionnaires.CAMPAIGN).getId();
    List<Questionnaire> listed =
        as("region64")
            .get()
            .uri("/api/campaigns/" + campaign + "/questionnaires")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBodyList(Questionnaire.class)
            .returnResult()
            .getResponseBody();
    assertThat(listed)
        .extracting(Questionnaire::getCategory)
        .containsExactly(ParticipantCategory.TEACHER, ParticipantCategory.METHODIST);
    assertThat(questions(listed.get(0).getContent()))
        .extracting(Question::getKey)
        .contains("experience", "courses", "which_courses", "agreement");
  }
}
