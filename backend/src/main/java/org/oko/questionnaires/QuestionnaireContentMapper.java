package org.oko.questionnaires;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.oko.api.model.QuestionOption;
import org.oko.api.model.QuestionType;
import org.oko.api.model.QuestionnaireSection;
import org.oko.api.model.ShowIf;
import org.oko.questionnaires.QuestionnaireContent.Option;
import org.oko.questionnaires.QuestionnaireContent.Question;
import org.oko.questionnaires.QuestionnaireContent.Section;
import org.oko.questionnaires.QuestionnaireContent.SkipRule;

/**
 * The contract's questionnaire content ({@code org.oko.api.model.QuestionnaireContent} and its
 * parts) to {@link QuestionnaireContent} and back, field for field. Public for the demo data, which
 * is written in the contract's types.
 */
public final class QuestionnaireContentMapper {

  private QuestionnaireContentMapper() {}

  /** The content as typed in a request; null stays null (the rules then name it). */
  public static QuestionnaireContent content(org.oko.api.model.QuestionnaireContent api) {
    if (api == null) {
      return null;
    }
    return new QuestionnaireContent(
        api.getIntro(), each(api.getSections(), QuestionnaireContentMapper::section));
  }

  /** The content as the contract shows it. */
  static org.oko.api.model.QuestionnaireContent api(QuestionnaireContent content) {
    var api =
        new org.oko.api.model.QuestionnaireContent(
            each(content.sections(), QuestionnaireContentMapper::api));
    api.setIntro(content.intro());
    return api;
  }

  private static Section section(QuestionnaireSection api) {
    if (api == null) {
      return null;
    }
    return new Section(
        api.getKey(),
        api.getTitle(),
        api.getDescription(),
        rule(api.getShowIf()),
        each(api.getQuestions(), QuestionnaireContentMapper::question));
  }

  private static QuestionnaireSection api(Section section) {
    if (section == null) {
      return null;
    }
    var api =
        new QuestionnaireSection(
            section.key(),
            section.title(),
            each(section.questions(), QuestionnaireContentMapper::api));
    api.setDescription(section.description());
    api.setShowIf(api(section.showIf()));
    return api;
  }

  private static Question question(org.oko.api.model.Question api) {
    if (api == null) {
      return null;
    }
    return new Question(
        api.getKey(),
        api.getText(),
        api.getHint(),
        api.getType() == null
            ? null
            : QuestionnaireContent.QuestionType.valueOf(api.getType().name()),
        api.getRequired(),
        each(api.getOptions(), QuestionnaireContentMapper::option),
        each(api.getRows(), QuestionnaireContentMapper::option),
        api.getMin(),
        api.getMax(),
        api.getMinLabel(),
        api.getMaxLabel(),
        api.getInteger(),
        api.getMaxChoices(),
        api.getMaxLength(),
        rule(api.getShowIf()));
  }

  private static org.oko.api.model.Question api(Question q) {
    if (q == null) {
      return null;
    }
    var api =
        new org.oko.api.model.Question(
            q.key(), q.text(), q.type() == null ? null : QuestionType.valueOf(q.type().name()));
    api.setHint(q.hint());
    api.setRequired(q.required());
    api.setOptions(each(q.options(), QuestionnaireContentMapper::api));
    api.setRows(each(q.rows(), QuestionnaireContentMapper::api));
    api.setMin(q.min());
    api.setMax(q.max());
    api.setMinLabel(q.minLabel());
    api.setMaxLabel(q.maxLabel());
    api.setInteger(q.integer());
    api.setMaxChoices(q.maxChoices());
    api.setMaxLength(q.maxLength());
    api.setShowIf(api(q.showIf()));
    return api;
  }

  private static Option option(QuestionOption api) {
    return api == null ? null : new Option(api.getValue(), api.getLabel());
  }

  private static QuestionOption api(Option option) {
    return option == null ? null : new QuestionOption(option.value(), option.label());
  }

  private static SkipRule rule(ShowIf api) {
    return api == null ? null : new SkipRule(api.getQuestion(), api.getAnyOf());
  }

  private static ShowIf api(SkipRule rule) {
    return rule == null ? null : new ShowIf(rule.question(), new ArrayList<>(rule.anyOf()));
  }

  /** Each item mapped, null items kept (the rules name them); a null list is null. */
  private static <A, B> List<B> each(List<A> items, Function<A, B> map) {
    if (items == null) {
      return null;
    }
    List<B> mapped = new ArrayList<>(items.size());
    for (A item : items) {
      mapped.add(map.apply(item));
    }
    return mapped;
  }
}
