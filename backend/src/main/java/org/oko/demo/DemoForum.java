package org.oko.demo;

import org.oko.campaigns.CampaignReadModel;
import org.oko.forum.ForumAdmin;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The support forum's demo: sections of the general forum, the spring ВПР and the СПО study, and a
 * few questions — answered by the federal organizer, one by region 64 in a delegated section, one
 * in region 64's own thread, one still open. Loaded once the rest of the demo is in place (after
 * every start-up runner), when no forum has a section yet; through the forum's own use cases, so
 * its events reach the bells as the API's would.
 */
@Component
@ConditionalOnProperty(name = "oko.demo-data", havingValue = "true")
class DemoForum {

  private static final Logger log = LoggerFactory.getLogger(DemoForum.class);

  private static final Caller FEDERAL =
      new Caller("federal", "Федеральный организатор", Role.FEDERAL, null, null, null);
  private static final Caller REGION64 =
      new Caller("region64", "Региональный координатор", Role.REGIONAL, "64", null, null);
  private static final Caller REGION02 =
      new Caller("region02", "Региональный координатор", Role.REGIONAL, "02", null, null);
  private static final Caller RESP64 =
      new Caller("resp64", "Ответственный координатор", Role.RESPONSIBLE, "64", null, null);

  private final ForumAdmin forum;
  private final DatabaseClient db;

  DemoForum(ForumAdmin forum, DatabaseClient db) {
    this.forum = forum;
    this.db = db;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void load() {
    try {
      Boolean loaded =
          forum
              .isEmpty()
              .flatMap(empty -> empty ? create().thenReturn(true) : Mono.just(false))
              .block(java.time.Duration.ofMinutes(1));
      if (Boolean.TRUE.equals(loaded)) {
        log.info("Demo forum created: sections and answered questions of ВПР-2026 and СПО 2026");
      }
    } catch (RuntimeException e) {
      log.warn("Demo forum not loaded: {}", e.toString());
    }
  }

  private Mono<Void> create() {
    return Mono.zip(campaign("ВПР-2026, весна"), campaign("Исследование СПО 2026"))
        .flatMap(
            ids -> {
              long vpr = ids.getT1();
              long spo = ids.getT2();
              return forum
                  .section(null, "Общие вопросы", false, 0)
                  .then(forum.section(vpr, "Выборка", false, 1))
                  .flatMap(this::sampleQuestions)
                  .then(forum.section(vpr, "Материалы", false, 2))
                  .flatMap(this::materialsQuestions)
                  .then(forum.section(vpr, "Протоколы", false, 3))
                  .flatMap(this::protocolsQuestions)
                  .then(forum.section(vpr, "Сканирование", true, 4))
                  .flatMap(this::scanningQuestions)
                  .then(forum.section(spo, "Анкетирование", false, 1))
                  .then();
            });
  }

  /** Region 64 asks about small schools; the federal organizer answers, and pins it. */
  private Mono<Void> sampleQuestions(long sample) {
    return askAndAnswer(
            REGION64,
            sample,
            "Как попадают в выборку малокомплектные школы?",
            "В регионе много малокомплектных сельских школ. Попадут ли они в"
                + " выборку и можно ли их исключить из списка?",
            false,
            FEDERAL,
            "Выборку формирует федеральный организатор по предварительному списку региона, с"
                + " учётом типа населённого пункта. Исключить школу можно только через форму"
                + " выверки.")
        .flatMap(forum::pin);
  }

  /** Three questions: answered by the federal organizer, still open, and in region 64's thread. */
  private Mono<Void> materialsQuestions(long materials) {
    Caller mun64 = municipal();
    return askAndAnswer(
            mun64,
            materials,
            "Когда появятся архивы с вариантами?",
            "Школы района спрашивают, когда в личном кабинете появится архив с вариантами"
                + " проверочной работы.",
            false,
            FEDERAL,
            "Архивы публикуются в личном кабинете каждой школы в 08:00 по местному времени в день"
                + " проведения.")
        .then(
            forum.ask(
                REGION02,
                materials,
                "Нужно ли печатать критерии оценивания заранее?",
                "Можно ли распечатать критерии до дня проведения?",
                false))
        .then(
            askAndAnswer(
                mun64,
                materials,
                "В двух школах не будет интернета в день проведения",
                "Как им получить материалы? Прошу помочь региональный центр.",
                true,
                REGION64,
                "Материалы для этих школ скачает муниципальный координатор и передаст на флешке"
                    + " под подпись."))
        .then();
  }

  private Mono<Void> protocolsQuestions(long protocols) {
    return askAndAnswer(
            REGION02,
            protocols,
            "Можно ли исправить протокол после «Сдать отчёт»?",
            "Школа нашла ошибку в баллах после отправки протокола.",
            false,
            FEDERAL,
            "Да: кнопка «Редактировать» открывает протокол снова, пока этап открыт. Затем снова"
                + " «Сдать отчёт».")
        .then();
  }

  /**
   * In the section delegated to the regions: the responsible coordinator asks, region 64 answers.
   */
  private Mono<Void> scanningQuestions(long scans) {
    return askAndAnswer(
            RESP64,
            scans,
            "Какое разрешение нужно для сканов бланков?",
            "Сканер колледжа по умолчанию сканирует в 150 dpi.",
            false,
            REGION64,
            "Не меньше 300 dpi, в оттенках серого; файлы называйте по номеру комплекта и"
                + " страницы.")
        .then();
  }

  /** A question and its answer; the question's id. */
  private Mono<Long> askAndAnswer(
      Caller asker,
      long section,
      String title,
      String body,
      boolean regional,
      Caller answerer,
      String answer) {
    return forum
        .ask(asker, section, title, body, regional)
        .flatMap(q -> forum.answer(answerer, q, answer).thenReturn(q));
  }

  private Caller municipal() {
    return new Caller(
        "mun64-engels", "Муниципальный координатор", Role.MUNICIPAL, "64", null, null);
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
}
