package org.oko.questionnaires;

import java.util.List;
import java.util.Map;
import org.oko.api.model.QuestionnaireContent;
import org.oko.platform.web.FieldProblem;

/**
 * Checks answers against a questionnaire definition. Problems name the question by its key in
 * {@code field} ("answers.q5") with a Russian reason; a value is never echoed in full.
 */
final class AnswerRules {

  private AnswerRules() {}

  /**
   * Each value of an autosave patch on its own: the question exists, the value has its type and is
   * one of the options, within the scale or range, not over the length. A null value (clearing an
   * answer) is always fine. Required questions and skip logic are not checked here.
   */
  static List<FieldProblem> checkPatch(QuestionnaireContent content, Map<String, Object> patch) {
    throw new UnsupportedOperationException("TODO(issue 6): being written");
  }

  /**
   * The whole set of answers at submission: every value as in {@link #checkPatch}, every shown
   * required question answered, and no answer to a question or section skip logic hides.
   */
  static List<FieldProblem> checkComplete(
      QuestionnaireContent content, Map<String, Object> answers) {
    throw new UnsupportedOperationException("TODO(issue 6): being written");
  }
}
