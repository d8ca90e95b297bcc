package org.oko.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.oko.campaigns.Stage;
import org.oko.forms.FormsAdmin;
import org.oko.orgs.OrganizationDirectory;
import org.oko.publications.PublicationsAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A ВПР at the moment of seed 004, 6.13.2: the applications of Saratov's first schools are in
 * (edu640001–edu640005), the stage «Протокол проведения с кодами» is open, the test is under way,
 * and the results protocol of mathematics, class 4, accepts exactly the codes a school has taken
 * (the codes stage is in the schedule, so codes are strict). {@code edu640001} opens its cabinet →
 * «Протокол проведения с кодами» → «Математика, 4 класс», takes its 22 codes, prints the protocol
 * and the strips, then enters the results by those codes. Two publications lead there too:
 * «Протокол проведения с кодами» and «Электронный протокол: математика, 4 класс», each with its
 * «Сбор данных».
 */
@Component
class DemoCodesProtocol {

  private static final Logger log = LoggerFactory.getLogger(DemoCodesProtocol.class);

  static final String TITLE = "ВПР-2026 (апрель): коды участников и результаты";

  /** The schools whose application is submitted: edu640001 … edu640005. */
  static final int SCHOOLS = 5;

  private final DemoCampaigns campaigns;
  private final DemoForms forms;
  private final DemoPublications publications;
  private final FormsAdmin responses;
  private final PublicationsAdmin carried;
  private final OrganizationDirectory organizations;

  DemoCodesProtocol(
      DemoCampaigns campaigns,
      DemoForms forms,
      DemoPublications publications,
      FormsAdmin responses,
      PublicationsAdmin carried,
      OrganizationDirectory organizations) {
    this.campaigns = campaigns;
    this.forms = forms;
    this.publications = publications;
    this.responses = responses;
    this.carried = carried;
    this.organizations = organizations;
  }

  /** Creates it; logs how long it took (the demo's start-up time is kept flat, issue 20). */
  Mono<Void> create(Instant now) {
    return Mono.defer(
        () -> {
          long started = System.nanoTime();
          return build(now)
              .doOnSuccess(
                  done ->
                      log.info(
                          "Demo ВПР with the codes protocol created in {} ms",
                          (System.nanoTime() - started) / 1_000_000));
        });
  }

  private Mono<Void> build(Instant now) {
    Instant day0 =
        LocalDate.ofInstant(now, DemoCampaigns.MOSCOW)
            .atStartOfDay(DemoCampaigns.MOSCOW)
            .toInstant();
    return campaigns
        .campaign("VPR", TITLE, DemoCampaigns.VPR_SUBJECTS, List.of("64"))
        .flatMap(
            id ->
                campaigns
                    .stages(
                        id,
                        day0,
                        "PRELIMINARY_LIST",
                        -90,
                        -75,
                        "VERIFICATION",
                        -75,
                        -60,
                        "APPLICATION",
                        -60,
                        -30,
                        "CONTEXT_DATA",
                        -30,
                        -10,
                        "MATERIALS",
                        -3,
                        10,
                        "CODES_PROTOCOL",
                        -3,
                        10,
                        "CONDUCT",
                        -1,
                        10,
                        "RESULTS_PROTOCOL",
                        -1,
                        20,
                        "REPORTS",
                        30,
                        60)
                    .then(campaigns.publishedSample(id, "SCHOOL", "rus-4,math-4"))
                    .then(forms.application(id))
                    .flatMap(
                        application ->
                            apply(application).then(forms.results(id, Stage.RESULTS_PROTOCOL)))
                    .flatMap(results -> publish(id, day0, results)));
  }

  /**
   * Seed 004 6.13.2 and 6.13.5 as the school receives them in its personal account: a publication
   * carrying the codes protocol, and one carrying the results protocol (issue 20: a publication's
   * «Сбор данных»).
   */
  private Mono<Void> publish(long campaignId, Instant day0, long resultsForm) {
    return publications
        .publication(
            campaignId,
            "Протокол проведения с кодами",
            "Получите коды участников по каждому предмету (столько, сколько участников в заявке),"
                + " распечатайте протокол проведения с кодами и листы с кодами, разрежьте их и"
                + " выдайте участникам перед началом работы. ФИО вписываются только на вашем"
                + " компьютере и в систему не передаются.",
            day0.minus(Duration.ofDays(3)))
        .flatMap(id -> carried.carryCodesProtocol(id, null))
        .then(
            publications.publication(
                campaignId,
                "Электронный протокол: математика, 4 класс",
                "После проверки работ внесите баллы участников по их кодам в блоке «Сбор данных»"
                    + " и нажмите «Сдать отчёт».",
                day0.minus(Duration.ofDays(1))))
        .flatMap(id -> carried.carryForm(id, resultsForm));
  }

  /** The first schools of Saratov submit their applications: classes 4, two subjects. */
  private Mono<Void> apply(long applicationForm) {
    return Flux.range(1, SCHOOLS)
        .concatMap(
            n ->
                organizations
                    .byLogin(String.format("edu64%04d", n))
                    .flatMap(
                        school ->
                            responses.submitAsOrganization(
                                applicationForm, school.id(), application(n))))
        .then();
  }

  /** edu640001: 22 in mathematics and 21 in Russian; each next school one more. */
  static Map<String, List<Map<String, String>>> application(int n) {
    return Map.of(
        "classes",
        List.of(
            Map.of("grade", "4", "subject", "Математика", "participants", "" + (21 + n)),
            Map.of("grade", "4", "subject", "Русский язык", "participants", "" + (20 + n))));
  }
}
