package org.oko.demo;

import java.util.ArrayList;
import java.util.List;
import org.oko.campaigns.CampaignReadModel;
import org.oko.campaigns.Stage;
import org.oko.forms.FormDefinitionService;
import org.oko.forms.FormSchema;
import org.oko.forms.FormSchemas;
import org.oko.forms.RespondentKind;
import org.oko.forms.SheetSpec;
import org.oko.kits.KitsAdmin;
import org.oko.sample.SampleParticipants;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The forms of the seeds in the demo campaigns. The spring ВПР (in verification) has its
 * application, context data, results protocol and objectivity analysis on their own stages, still
 * to come; the autumn ВПР collects its results protocol and the municipal objectivity analysis now;
 * the ОМК, being conducted, collects protocol 2 of every assessment point now, its kit numbers
 * pre-filled (edu645001: 501501–501530 in Russian, 601501–601530 in mathematics). The sheets are
 * {@link DemoFormSheets}'.
 */
@Component
class DemoForms {

  private static final int KITS_PER_POINT = 30;

  private final DatabaseClient db;
  private final FormDefinitionService forms;
  private final KitsAdmin kits;

  DemoForms(DatabaseClient db, FormDefinitionService forms, KitsAdmin kits) {
    this.db = db;
    this.forms = forms;
    this.kits = kits;
  }

  Mono<Void> create() {
    return campaign("ВПР-2026, весна")
        .flatMap(
            id ->
                application(id)
                    .then(context(id))
                    .then(results(id, Stage.RESULTS_PROTOCOL))
                    .then(objectivity(id, Stage.REPORTS)))
        .then(campaign(DemoCampaigns.VPR_AUTUMN))
        .flatMap(
            id -> results(id, Stage.RESULTS_PROTOCOL).then(objectivity(id, Stage.RESULTS_PROTOCOL)))
        .then(campaign("ОМК учителей 2026"))
        .flatMap(
            id ->
                protocol2(id, "rus", "русский язык", 501501)
                    .then(protocol2(id, "math", "математика", 601501)));
  }

  private Mono<Long> campaign(String title) {
    return db.sql(
            "select id from "
                + CampaignReadModel.campaigns()
                + " c where title = :t order by id limit 1")
        .bind("t", title)
        .map(r -> r.get("id", Long.class))
        .one();
  }

  /** Seed 004, 6.6–6.8: the application (заявка): classes, subjects and participants; its id. */
  Mono<Long> application(long campaignId) {
    return define(
        campaignId,
        "application",
        "Заявка на участие в ВПР",
        "Укажите каждую пару «класс — предмет», по которой ваша организация участвует в ВПР, и"
            + " число участников. Заполните веб-форму или скачайте шаблон Excel, заполните"
            + " и загрузите его, затем нажмите «Сдать отчёт».",
        Stage.APPLICATION,
        RespondentKind.ORGANIZATION,
        null,
        List.of(DemoFormSheets.application()),
        List.of());
  }

  /** Seed 004, 5.5, 6.9–6.11: context data about the organization and its participants. */
  private Mono<Void> context(long campaignId) {
    return define(
            campaignId,
            "context",
            "Контекстные данные",
            "Лист «Об организации» — сведения об образовательной организации; лист «Участники» —"
                + " сведения об участниках по их кодам (без фамилий и имён).",
            Stage.CONTEXT_DATA,
            RespondentKind.ORGANIZATION,
            null,
            DemoFormSheets.context(),
            List.of())
        .then();
  }

  /**
   * Seed 004, 9.1: the results protocol of mathematics, class 4, scores bounded per task; its id.
   */
  Mono<Long> results(long campaignId, Stage stage) {
    List<FormSchemas.Task> tasks = new ArrayList<>();
    for (int i = 0; i < DemoCampaigns.MATH_4_TASKS.length; i++) {
      tasks.add(new FormSchemas.Task(String.valueOf(i + 1), DemoCampaigns.MATH_4_TASKS[i]));
    }
    return define(
        campaignId,
        "results-math-4",
        "Электронный протокол: математика, 4 класс",
        "Перенесите баллы из протокола проведения: для каждого кода участника — вариант и балл"
            + " за каждое задание (не больше максимума по критериям). Первичный балл"
            + " считается сам.",
        stage,
        RespondentKind.ORGANIZATION,
        "math-4",
        List.of(DemoFormSheets.results()),
        tasks);
  }

  /** The municipal objectivity analysis: one row per school of the municipality's sample. */
  private Mono<Void> objectivity(long campaignId, Stage stage) {
    return define(
            campaignId,
            "objectivity",
            "Анализ объективности результатов",
            "Для каждой организации муниципалитета из выборки отметьте, есть ли признаки"
                + " необъективности результатов, и, если есть, какие меры приняты. Столбец"
                + " «Признаки по отчётам ОКО» заполнен по статистическим отчётам: подтвердите"
                + " или исправьте.",
            stage,
            RespondentKind.MUNICIPALITY,
            null,
            List.of(DemoFormSheets.objectivity()),
            List.of())
        .then();
  }

  /** Seed 001, figures 8–15: protocol 2 of one subject, every kit of every point pre-filled. */
  private Mono<Void> protocol2(long campaignId, String subject, String subjectName, int firstKit) {
    return define(
            campaignId,
            "protocol2-" + subject,
            "Электронный протокол 2: " + subjectName,
            "Для каждого комплекта укажите комментарий («использован», «испорчен» или «не"
                + " использован») и, для использованного, логин ОО, в которой работает учитель."
                + " ФИО не вводятся.",
            Stage.CONDUCT,
            RespondentKind.ORGANIZATION,
            subject,
            List.of(DemoFormSheets.protocol2()),
            List.of())
        .then(kits(campaignId, subject, firstKit));
  }

  /** Seed 001: each point gets 30 kits of the subject through the kits feature. */
  private Mono<Void> kits(long campaignId, String subject, int firstKit) {
    return db.sql(
            "select o.id from "
                + SampleParticipants.relation()
                + " e join organization o on o.id = e.organization_id"
                + " where e.campaign_id = :c"
                // region 64 first: its first point, edu645001, gets the kits of the seed's figures
                + " order by o.region_code <> '64', o.login")
        .bind("c", campaignId)
        .map(r -> r.get("id", Long.class))
        .all()
        .collectList()
        .flatMapMany(Flux::fromIterable)
        .index()
        .concatMap(
            point -> {
              long first = firstKit + point.getT1() * 100;
              return kits.assign(
                  campaignId, subject, point.getT2(), first, first + KITS_PER_POINT - 1, "federal");
            })
        .then();
  }

  private Mono<Long> define(
      long campaignId,
      String code,
      String title,
      String instruction,
      Stage stage,
      RespondentKind respondent,
      String subjectKey,
      List<SheetSpec> sheets,
      List<FormSchemas.Task> tasks) {
    return forms.define(
        campaignId,
        code,
        title,
        instruction,
        stage,
        respondent,
        List.of(),
        subjectKey,
        new FormSchema(sheets),
        tasks);
  }
}
