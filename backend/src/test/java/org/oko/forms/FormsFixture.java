package org.oko.forms;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.oko.api.model.Campaign;
import org.oko.api.model.FormDefinition;
import org.oko.api.model.FormMonitoringPage;
import org.oko.api.model.FormResponse;
import org.oko.testing.TestCampaigns;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Campaigns, published samples and forms for the forms tests, made through the API (the published
 * sample is written straight into the campaigns feature's tables, the read model forms rely on).
 * Public because the authorization matrix ({@code org.oko}) uses it too.
 */
public final class FormsFixture {

  /** ВПР subjects; mathematics, class 4, has three tasks worth 1, 2 and 2 points. */
  public static final String SUBJECTS =
      """
      [{"key":"rus-4","name":"Русский язык","grade":4},
       {"key":"math-4","name":"Математика","grade":4,"maxScore":5,
        "tasks":[{"label":"1","maxScore":1},{"label":"2","maxScore":2},
                 {"label":"3","maxScore":2}]}]
      """;

  /** A results protocol: class, participant code (unique), variant, task scores and their sum. */
  public static final String RESULTS =
      """
      {"code":"%s","title":"Протокол результатов","stage":"RESULTS_PROTOCOL",
       "respondent":"ORGANIZATION","subjectKey":"math-4","sheets":[
        {"key":"results","title":"Результаты","columns":[
          {"key":"grade","title":"Класс","type":"TEXT","required":true},
          {"key":"code","title":"Код участника","type":"PARTICIPANT_CODE","required":true,
           "unique":true},
          {"key":"variant","title":"Вариант","type":"INTEGER","required":true,"min":1,"max":4},
          {"key":"tasks","title":"Баллы","type":"TASK_SCORES","required":true},
          {"key":"total","title":"Сумма","type":"COMPUTED_SUM","sumOf":["tasks"]},
          {"key":"teacherSchool","title":"Логин ОО учителя","type":"ORG_LOGIN"}]}]}
      """;

  /** Protocol 2: kit numbers pre-filled per organization, comment, teacher's school login. */
  public static final String PROTOCOL2 =
      """
      {"code":"%s","title":"Протокол 2","stage":"RESULTS_PROTOCOL","respondent":"ORGANIZATION",
       "sheets":[{"key":"kits","title":"Протокол 2","prefill":"STORED","keyColumn":"kit",
        "columns":[
          {"key":"kit","title":"Номер комплекта","type":"TEXT","readOnly":true},
          {"key":"comment","title":"Комментарий","type":"ENUM","required":true,
           "options":["использован","испорчен","не использован"]},
          {"key":"school","title":"Логин ОО, в которой работает учитель","type":"ORG_LOGIN"}],
        "rules":[
          {"when":"comment","equals":["использован"],"require":["school"]},
          {"when":"comment","equals":["испорчен","не использован"],"forbid":["school"]}]}]}
      """;

  /** The municipal objectivity analysis: one row per school of the municipality's sample. */
  public static final String OBJECTIVITY =
      """
      {"code":"%s","title":"Анализ объективности","stage":"RESULTS_PROTOCOL",
       "respondent":"MUNICIPALITY","sheets":[{"key":"schools","title":"Анализ",
        "prefill":"MUNICIPALITY_SAMPLE","keyColumn":"login","columns":[
          {"key":"login","title":"Логин ОО","type":"TEXT","readOnly":true},
          {"key":"name","title":"Наименование ОО","type":"TEXT","readOnly":true},
          {"key":"signs","title":"Признаки необъективности","type":"ENUM","required":true,
           "options":["да","нет"]},
          {"key":"measures","title":"Принятые меры","type":"TEXT"}],
        "rules":[{"when":"signs","equals":["да"],"require":["measures"]}]}]}
      """;

  private final WebTestClient federal;
  private final DatabaseClient db;
  private final Instant opens;
  private final Instant closes;

  public FormsFixture(WebTestClient federal, DatabaseClient db) {
    this.federal = federal;
    this.db = db;
    // whole seconds: PostgreSQL keeps microseconds, and a test compares what it reads back
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    this.opens = now.minus(Duration.ofDays(1));
    this.closes = now.plus(Duration.ofDays(1));
  }

  /** When the forms stage of {@link #openCampaign} opened: a day before this fixture was made. */
  public Instant opens() {
    return opens;
  }

  /** When the forms stage of {@link #openCampaign} closes: a day after this fixture was made. */
  public Instant closes() {
    return closes;
  }

  /**
   * A campaign (as {@link #campaign}) whose forms stage is open now: from {@link #opens()} to
   * {@link #closes()}.
   */
  public Campaign openCampaign(String title, String... sample) {
    return campaign(title, opens, closes, sample);
  }

  /** A campaign and its results protocol. */
  public record WithProtocol(Campaign campaign, FormDefinition protocol) {}

  /**
   * A campaign (as {@link #campaign}) whose forms stage opened a day before {@code now} and closes
   * five days after it, with its results protocol ({@code results-m4}).
   */
  public WithProtocol withResultsProtocol(String title, Instant now, String... sample) {
    Campaign campaign =
        campaign(title, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(5)), sample);
    return new WithProtocol(campaign, form(campaign.getId(), RESULTS, "results-m4"));
  }

  /**
   * A ВПР campaign of regions 64 and 02 with {@link #SUBJECTS}, its results protocol stage open
   * from {@code opens} to {@code closes}, and a published sample of these organizations.
   */
  public Campaign campaign(String title, Instant opens, Instant closes, String... sample) {
    Campaign campaign =
        federal
            .post()
            .uri("/api/campaigns")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(
                """
                {"kind":"VPR","title":"%s","academicYear":"2025/2026","subjects":%s,
                 "regionCodes":["64","02"]}
                """
                    .formatted(title, SUBJECTS))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Campaign.class)
            .returnResult()
            .getResponseBody();
    campaign = TestCampaigns.schedule(federal, campaign, "RESULTS_PROTOCOL", opens, closes);
    publishSample(campaign.getId(), sample);
    return campaign;
  }

  public void publishSample(long campaignId, String... logins) {
    db.sql(
            """
            insert into sample_entry (campaign_id, organization_id, region_code, status,
                participants, institution_type, settlement_type)
            select :campaign, o.id, o.region_code, 'SELECTED', 25, 'school', o.settlement_type
            from organization o where o.login = any(:logins)
            """)
        .bind("campaign", campaignId)
        .bind("logins", logins)
        .then()
        .then(
            db.sql(
                    """
                    insert into sample_publication (campaign_id, region_code, published_at,
                        published_by)
                    select distinct :campaign, o.region_code, now(), 'federal'
                    from organization o where o.login = any(:logins)
                    on conflict do nothing
                    """)
                .bind("campaign", campaignId)
                .bind("logins", logins)
                .then())
        .block();
  }

  /** Creates a form from one of the templates above with this code. */
  public FormDefinition form(long campaignId, String template, String code) {
    return federal
        .post()
        .uri("/api/campaigns/" + campaignId + "/forms")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(template.formatted(code))
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(FormDefinition.class)
        .returnResult()
        .getResponseBody();
  }

  /** Sets the kit numbers of protocol 2 for one organization. */
  public void kits(long formId, String login, String... kits) {
    federal
        .put()
        .uri("/api/forms/" + formId + "/prefill")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            Map.of(
                "sheet",
                "kits",
                "organizations",
                List.of(
                    Map.of(
                        "organization",
                        login,
                        "rows",
                        java.util.Arrays.stream(kits).map(k -> Map.of("kit", k)).toList()))))
        .exchange()
        .expectStatus()
        .isOk();
  }

  public static FormResponse save(
      WebTestClient as, long formId, long version, Map<String, ?> sheets) {
    return as.put()
        .uri("/api/forms/" + formId + "/response")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("version", version, "sheets", sheets))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(FormResponse.class)
        .returnResult()
        .getResponseBody();
  }

  /** One participant's row of a results protocol: class 4А, this code, variant 1, tasks 1, 1, 0. */
  public static Map<String, String> resultRow(String code) {
    Map<String, String> row = new java.util.LinkedHashMap<>();
    row.put("grade", "4А");
    row.put("code", code);
    row.put("variant", "1");
    row.put("task_1", "1");
    row.put("task_2", "1");
    row.put("task_3", "0");
    return row;
  }

  /**
   * A results protocol ({@link #RESULTS}) with one participant saved and submitted by {@code as}:
   * class 4А, this code, variant 1, tasks 1, 1 and 0.
   */
  public static void submitOneResult(WebTestClient as, long formId, String code) {
    Map<String, String> row = resultRow(code);
    FormResponse saved =
        save(as, formId, 0, Map.of("results", new java.util.ArrayList<>(java.util.List.of(row))));
    submit(as, formId, saved.getVersion());
  }

  /** Submits version {@code version} of the caller's response (200). */
  public static void submit(WebTestClient as, long formId, long version) {
    action(as, formId, "submit", version).expectStatus().isOk();
  }

  /**
   * The caller's response to the form, or the one {@code query} names ({@code ?organization=…}).
   */
  public static FormResponse response(WebTestClient as, long formId, String query) {
    return as.get()
        .uri("/api/forms/" + formId + "/response" + query)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(FormResponse.class)
        .returnResult()
        .getResponseBody();
  }

  /** The caller's own response to the form. */
  public static FormResponse response(WebTestClient as, long formId) {
    return response(as, formId, "");
  }

  /**
   * One of the response's actions ({@code submit}, {@code reopen}) on version {@code version} of
   * the caller's own response; the answer is the test's to check.
   */
  public static WebTestClient.ResponseSpec action(
      WebTestClient as, long formId, String action, long version) {
    return as.post()
        .uri("/api/forms/" + formId + "/response/" + action)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("version", version))
        .exchange();
  }

  /** Submitted version {@code number} of the caller's own response (200), its body to check. */
  public static WebTestClient.BodyContentSpec version(WebTestClient as, long formId, int number) {
    return as.get()
        .uri("/api/forms/" + formId + "/response/versions/" + number)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody();
  }

  /** The form's monitoring as the caller sees it, narrowed by {@code query} ({@code ?status=…}). */
  public static FormMonitoringPage monitoring(WebTestClient as, long formId, String query) {
    return as.get()
        .uri("/api/forms/" + formId + "/monitoring" + query)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(FormMonitoringPage.class)
        .returnResult()
        .getResponseBody();
  }
}
