package org.oko.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.oko.api.model.ParticipantCategory;
import org.oko.api.model.Question;
import org.oko.api.model.QuestionOption;
import org.oko.api.model.QuestionType;
import org.oko.api.model.QuestionnaireContent;
import org.oko.api.model.QuestionnaireSection;
import org.oko.api.model.ShowIf;
import org.oko.campaigns.CampaignReadModel;
import org.oko.questionnaires.QuestionnaireContentMapper;
import org.oko.questionnaires.QuestionnaireDefining;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The questionnaires of the demo ОМК: one for teachers (every type of question, skip logic) and a
 * shorter one for methodists.
 */
@Component
class DemoQuestionnaires {

  static final String CAMPAIGN = "ОМК учителей 2026";

  private final DatabaseClient db;
  private final QuestionnaireDefining questionnaires;

  DemoQuestionnaires(DatabaseClient db, QuestionnaireDefining questionnaires) {
    this.db = db;
    this.questionnaires = questionnaires;
  }

  Mono<Void> create() {
    return db.sql(
            "select id from "
                + CampaignReadModel.campaigns()
                + " c where title = :t order by id limit 1")
        .bind("t", CAMPAIGN)
        .map(r -> r.get("id", Long.class))
        .one()
        .flatMap(
            id ->
                questionnaires
                    .define(
                        id,
                        ParticipantCategory.TEACHER.getValue(),
                        "Анкета участника оценки предметных и методических компетенций учителей",
                        QuestionnaireContentMapper.content(teacher()))
                    .then(
                        questionnaires.define(
                            id,
                            ParticipantCategory.METHODIST.getValue(),
                            "Анкета методиста — участника оценки компетенций",
                            QuestionnaireContentMapper.content(methodist()))))
        .then();
  }

  static QuestionnaireContent teacher() {
    List<QuestionOption> agreement =
        options(
            "full", "Полностью согласен",
            "rather", "Скорее согласен",
            "rather_not", "Скорее не согласен",
            "not", "Не согласен");
    return new QuestionnaireContent(
            List.of(
                section(
                    "about",
                    "О вас",
                    question(
                            "experience",
                            "Ваш педагогический стаж, полных лет",
                            QuestionType.NUMBER)
                        .required(true)
                        .integer(true)
                        .min(BigDecimal.ZERO)
                        .max(BigDecimal.valueOf(60)),
                    question(
                            "qualification",
                            "Ваша квалификационная категория",
                            QuestionType.SINGLE_CHOICE)
                        .required(true)
                        .options(
                            options(
                                "none", "Без категории",
                                "conformity", "Соответствие занимаемой должности",
                                "first", "Первая",
                                "highest", "Высшая")),
                    question(
                            "subjects",
                            "Какие предметы вы преподаёте?",
                            QuestionType.MULTIPLE_CHOICE)
                        .required(true)
                        .hint("Отметьте не больше трёх основных")
                        .maxChoices(3)
                        .options(
                            options(
                                "rus", "Русский язык",
                                "lit", "Литература",
                                "math", "Математика",
                                "phys", "Физика",
                                "hist", "История",
                                "other", "Другой предмет")),
                    question("other_subject", "Какой ещё предмет?", QuestionType.SHORT_TEXT)
                        .required(true)
                        .showIf(new ShowIf("subjects", List.of("other"))),
                    question("school_area", "Где находится ваша школа?", QuestionType.SINGLE_CHOICE)
                        .options(
                            options(
                                "city", "Город",
                                "town", "Посёлок городского типа",
                                "village", "Сельская местность"))),
                section(
                    "training",
                    "Повышение квалификации",
                    question(
                            "courses",
                            "Проходили ли вы курсы повышения квалификации за последние 3 года?",
                            QuestionType.SINGLE_CHOICE)
                        .required(true)
                        .options(options("yes", "Да", "no", "Нет")),
                    question("which_courses", "Какие курсы?", QuestionType.LONG_TEXT)
                        .required(true)
                        .hint("Названия курсов и организаций, которые их проводили")
                        .maxLength(1000)
                        .showIf(new ShowIf("courses", List.of("yes"))),
                    question(
                            "courses_useful",
                            "Насколько полезными оказались курсы для вашей работы?",
                            QuestionType.SCALE)
                        .min(BigDecimal.ONE)
                        .max(BigDecimal.valueOf(5))
                        .minLabel("Бесполезны")
                        .maxLabel("Очень полезны")
                        .showIf(new ShowIf("courses", List.of("yes"))),
                    question(
                            "why_no_courses",
                            "Почему вы не проходили курсы?",
                            QuestionType.MULTIPLE_CHOICE)
                        .showIf(new ShowIf("courses", List.of("no")))
                        .options(
                            options(
                                "time", "Не хватает времени",
                                "money", "Курсы платные",
                                "offer", "Не нашёл подходящих курсов",
                                "need", "Не вижу необходимости"))),
                section(
                    "assessment",
                    "Об оценочной процедуре",
                    question("difficulty", "Оцените трудность заданий работы", QuestionType.SCALE)
                        .required(true)
                        .min(BigDecimal.ONE)
                        .max(BigDecimal.valueOf(5))
                        .minLabel("Очень лёгкие")
                        .maxLabel("Очень трудные"),
                    question(
                            "hardest",
                            "Какие задания показались вам самыми трудными и почему?",
                            QuestionType.LONG_TEXT)
                        .showIf(new ShowIf("difficulty", List.of("4", "5"))),
                    question(
                            "agreement",
                            "Насколько вы согласны с утверждениями?",
                            QuestionType.MATRIX)
                        .required(true)
                        .options(agreement)
                        .rows(
                            options(
                                "clear", "Формулировки заданий были понятны",
                                "time", "Времени на выполнение хватило",
                                "relevant", "Задания связаны с моей ежедневной работой",
                                "conditions", "Условия в пункте проведения были удобными")),
                    question(
                            "minutes_left",
                            "Сколько минут у вас осталось до конца работы?",
                            QuestionType.NUMBER)
                        .integer(true)
                        .min(BigDecimal.ZERO)
                        .max(BigDecimal.valueOf(240))),
                section(
                    "closing",
                    "В завершение",
                    question(
                            "support",
                            "Какая методическая поддержка вам нужна больше всего?",
                            QuestionType.SINGLE_CHOICE)
                        .options(
                            options(
                                "mentoring", "Наставничество",
                                "courses", "Курсы по предмету",
                                "methods", "Методические материалы",
                                "community", "Профессиональное сообщество")),
                    question(
                        "wishes", "Ваши пожелания организаторам оценки", QuestionType.LONG_TEXT))))
        .intro(
            "Анкета анонимна: она связана только с номером комплекта. Ответы сохраняются"
                + " по мере заполнения — анкету можно закрыть и продолжить позже.");
  }

  static QuestionnaireContent methodist() {
    return new QuestionnaireContent(
            List.of(
                section(
                    "about",
                    "О вашей работе",
                    question(
                            "experience",
                            "Ваш стаж методической работы, полных лет",
                            QuestionType.NUMBER)
                        .required(true)
                        .integer(true)
                        .min(BigDecimal.ZERO)
                        .max(BigDecimal.valueOf(60)),
                    question("level", "Где вы работаете?", QuestionType.SINGLE_CHOICE)
                        .required(true)
                        .options(
                            options(
                                "municipal", "Муниципальная методическая служба",
                                "regional", "Региональный институт развития образования",
                                "school", "Методическое объединение школы")),
                    question(
                            "teachers", "Со сколькими учителями вы работаете?", QuestionType.NUMBER)
                        .integer(true)
                        .min(BigDecimal.ZERO)
                        .max(BigDecimal.valueOf(5000))),
                section(
                    "assessment",
                    "Об оценочной процедуре",
                    question("difficulty", "Оцените трудность заданий работы", QuestionType.SCALE)
                        .required(true)
                        .min(BigDecimal.ONE)
                        .max(BigDecimal.valueOf(5))
                        .minLabel("Очень лёгкие")
                        .maxLabel("Очень трудные"),
                    question(
                            "use_results",
                            "Будете ли вы использовать результаты в работе с учителями?",
                            QuestionType.SINGLE_CHOICE)
                        .required(true)
                        .options(options("yes", "Да", "no", "Нет", "unsure", "Пока не знаю")),
                    question("how_use", "Как именно?", QuestionType.SHORT_TEXT)
                        .showIf(new ShowIf("use_results", List.of("yes"))),
                    question("comments", "Ваши замечания и предложения", QuestionType.LONG_TEXT)
                        .maxLength(2000))))
        .intro("Анкета анонимна. Ответы сохраняются по мере заполнения.");
  }

  private static QuestionnaireSection section(String key, String title, Question... questions) {
    return new QuestionnaireSection(key, title, new ArrayList<>(List.of(questions)));
  }

  private static Question question(String key, String text, QuestionType type) {
    return new Question(key, text, type);
  }

  /** Options from alternating values and labels. */
  private static List<QuestionOption> options(String... valuesAndLabels) {
    List<QuestionOption> options = new ArrayList<>();
    for (int i = 0; i < valuesAndLabels.length; i += 2) {
      options.add(new QuestionOption(valuesAndLabels[i], valuesAndLabels[i + 1]));
    }
    return options;
  }
}
