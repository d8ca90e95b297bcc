package org.oko.questionnaires;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a questionnaire asks: sections of questions, their options, and the skip rules that show a
 * question or a section only after certain answers. It is stored as JSON of the same shape as the
 * contract's {@code QuestionnaireContent} ({@link QuestionnaireContentMapper} converts at the web
 * edge). A missing list reads as an empty one. Shared once read, so never modified.
 *
 * @param intro shown before the first question; may be null
 */
public record QuestionnaireContent(String intro, List<Section> sections) {

  public QuestionnaireContent {
    sections = orEmpty(sections);
  }

  /** A titled group of questions, itself shown only when its skip rule holds. */
  public record Section(
      String key, String title, String description, SkipRule showIf, List<Question> questions) {

    public Section {
      questions = orEmpty(questions);
    }
  }

  /**
   * One question. Options are the choices (single or multiple choice) or a matrix's columns; rows
   * only a matrix has. {@code min}/{@code max} bound a scale or a number.
   */
  public record Question(
      String key,
      String text,
      String hint,
      QuestionType type,
      Boolean required,
      List<Option> options,
      List<Option> rows,
      BigDecimal min,
      BigDecimal max,
      String minLabel,
      String maxLabel,
      Boolean integer,
      Integer maxChoices,
      Integer maxLength,
      SkipRule showIf) {

    public Question {
      options = orEmpty(options);
      rows = orEmpty(rows);
    }
  }

  /** A choice (or a matrix's row or column): the stored value and what the participant reads. */
  public record Option(String value, String label) {}

  /**
   * Skip logic: shown only when the answer to the earlier {@code question} is (or, for multiple
   * choice, contains) one of {@code anyOf}.
   */
  public record SkipRule(String question, List<String> anyOf) {

    public SkipRule {
      anyOf = orEmpty(anyOf);
    }
  }

  /** How a question is answered (see the contract's {@code QuestionType}). */
  public enum QuestionType {
    SINGLE_CHOICE,
    MULTIPLE_CHOICE,
    SCALE,
    MATRIX,
    NUMBER,
    SHORT_TEXT,
    LONG_TEXT
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
