package org.oko.questionnaires;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oko.api.model.Campaign;
import org.oko.api.model.FormDefinition;
import org.oko.api.model.FormResponse;
import org.oko.forms.FormsFixture;
import org.oko.forum.ForumFixture;
import org.oko.kits.KitsFixture;
import org.oko.testing.ApiTest;
import org.oko.testing.TestCampaigns;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * ОМК campaigns with kits, their questionnaire credentials and a published questionnaire, for the
 * participant tests. Public because the authorization matrix ({@code org.oko}) uses it too.
 *
 * <p>Kit credentials are read from {@code kit_credential} as the kits feature made them on
 * assignment; where it did not, the fixture adds them (same shape) so that the tests do not depend
 * on how passwords are drawn.
 */
public final class SessionFixture {

  /**
   * A questionnaire: q1 single choice (required), q2 a scale 1..5, q3 a long text; section "more"
   * shown only when q1 is "yes", with q4 (required) inside it.
   */
  public static final String CONTENT =
      """
      {"sections":[
        {"key":"main","title":"Основное","questions":[
          {"key":"q1","text":"Вы ведёте уроки?","type":"SINGLE_CHOICE","required":true,
           "options":[{"value":"yes","label":"Да"},{"value":"no","label":"Нет"}]},
          {"key":"q2","text":"Оцените","type":"SCALE","min":1,"max":5},
          {"key":"q3","text":"Комментарий","type":"LONG_TEXT","maxLength":5000}]}]}
      """;

  /** A kit's questionnaire credential. */
  public record Credential(long kit, String login, String password) {}

  private final WebTestClient federal;
  private final WebTestClient anonymous;
  private final DatabaseClient db;
  private final Map<Long, Long> nextKit = new HashMap<>();

  public SessionFixture(WebTestClient federal, WebTestClient anonymous, DatabaseClient db) {
    this.federal = federal;
    this.anonymous = anonymous;
    this.db = db;
  }

  /**
   * An ОМК of regions 64 and 02 (subjects rus and math): conduct from {@code conductOpens} to
   * {@code questionnaireOpens}, the questionnaire stage until {@code questionnaireCloses}; these
   * points are in its published sample.
   */
  public Campaign campaign(
      String title,
      Instant conductOpens,
      Instant questionnaireOpens,
      Instant questionnaireCloses,
      String... points) {
    Campaign campaign =
        federal
            .post()
            .uri("/api/campaigns")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(
                """
                {"kind":"OMK","title":"%s","academicYear":"2025/2026",
                 "subjects":[{"key":"rus","name":"Русский язык"},
                             {"key":"math","name":"Математика"}],
                 "regionCodes":["64","02"]}
                """
                    .formatted(title))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Campaign.class)
            .returnResult()
            .getResponseBody();
    campaign =
        TestCampaigns.schedule(
            federal,
            campaign,
            "CONDUCT",
            conductOpens,
            questionnaireOpens,
            "QUESTIONNAIRE",
            questionnaireOpens,
            questionnaireCloses);
    new FormsFixture(federal, db).publishSample(campaign.getId(), points);
    return campaign;
  }

  /**
   * Assigns {@code count} kits of the subject to the point (numbers of this campaign only, so that
   * logins never repeat between tests) and answers their credentials, ascending by kit.
   */
  public List<Credential> kits(long campaignId, String subject, String point, int count) {
    long first = nextKit.getOrDefault(campaignId, 700_000_000L + campaignId * 1000 + 1);
    long last = first + count - 1;
    nextKit.put(campaignId, last + 1);
    long range = new KitsFixture(federal, db).assign(campaignId, subject, point, first, last);
    db.sql(
            """
            insert into kit_credential (login, range_id, campaign_id, subject_key, category,
                kit_number, organization_id, region_code, password)
            select case r.category when 'METHODIST' then 'm' else 'u' end
                       || left(r.subject_key, 3) || r.region_code || n,
                   r.id, r.campaign_id, r.subject_key, r.category, n, r.organization_id,
                   r.region_code, lpad(floor(random() * 100000)::int::text, 5, '0')
            from kit_range r, generate_series(r.first_number, r.last_number) n
            where r.id = :range
            on conflict do nothing
            """)
        .bind("range", range)
        .then()
        .block();
    return db.sql(
            "select kit_number, login, password from kit_credential where campaign_id = :c"
                + " and subject_key = :s and kit_number between :first and :last"
                + " order by kit_number")
        .bind("c", campaignId)
        .bind("s", subject)
        .bind("first", first)
        .bind("last", last)
        .map(
            r ->
                new Credential(
                    r.get("kit_number", Long.class),
                    r.get("login", String.class),
                    r.get("password", String.class)))
        .all()
        .collectList()
        .block();
  }

  /**
   * A СПО study of regions 64 and 02 (no kits) whose questionnaire stage runs from {@code opens} to
   * {@code closes}, with these organizations in its published sample and the teachers'
   * questionnaire ({@link #CONTENT}) defined through the API.
   */
  public long spoStudy(String title, Instant opens, Instant closes, String... organizations) {
    Campaign campaign =
        federal
            .post()
            .uri("/api/campaigns")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(
                """
                {"kind":"SPO","title":"%s","academicYear":"2026/2027",
                 "subjects":[{"key":"rus","name":"Русский язык"}],"regionCodes":["64","02"]}
                """
                    .formatted(title))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Campaign.class)
            .returnResult()
            .getResponseBody();
    campaign = TestCampaigns.schedule(federal, campaign, "QUESTIONNAIRE", opens, closes);
    new FormsFixture(federal, db).publishSample(campaign.getId(), organizations);
    federal
        .post()
        .uri("/api/campaigns/" + campaign.getId() + "/questionnaires")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(DefinitionFixture.input("TEACHER", "Анкета преподавателя", CONTENT))
        .exchange()
        .expectStatus()
        .isCreated();
    return campaign.getId();
  }

  /**
   * The college {@code spo640001} as an account that signs in with a password (the demo has none
   * for it): the same password as the forum's tests give it, so that either may run first.
   */
  public static void collegeAccount(DatabaseClient db) {
    db.sql(
            "insert into account (login, display_name, role, region_code, municipality_id,"
                + " organization_id, password_hash) select o.login, o.name, 'ORGANIZATION',"
                + " o.region_code, o.municipality_id, o.id, :hash from organization o"
                + " where o.login = :login on conflict (login) do update"
                + " set password_hash = excluded.password_hash")
        .bind("login", ForumFixture.COLLEGE)
        .bind("hash", new BCryptPasswordEncoder(4).encode(ForumFixture.COLLEGE_PASSWORD))
        .then()
        .block();
    ApiTest.rememberPassword(ForumFixture.COLLEGE, ForumFixture.COLLEGE_PASSWORD);
  }

  /** Publishes {@link #CONTENT} as the campaign's questionnaire for teachers; answers its id. */
  public long questionnaire(long campaignId) {
    return questionnaire(campaignId, "TEACHER", CONTENT);
  }

  public long questionnaire(long campaignId, String category, String content) {
    Long id =
        db.sql(
                """
                insert into questionnaire_definition (campaign_id, category, title, content,
                    version, updated_at, updated_by)
                values (:c, :category, 'Анкета учителя', cast(:content as jsonb), 1, now(),
                    'federal')
                returning id
                """)
            .bind("c", campaignId)
            .bind("category", category)
            .bind("content", content)
            .map(r -> r.get("id", Long.class))
            .one()
            .block();
    db.sql(
            """
            insert into questionnaire_definition_version (questionnaire_id, version, title,
                content, created_at, created_by)
            select id, version, title, content, updated_at, updated_by
            from questionnaire_definition where id = :id
            """)
        .bind("id", id)
        .then()
        .block();
    return id;
  }

  /** The token endpoint's answer to a sign-in (any status). */
  public WebTestClient.ResponseSpec signIn(String login, String password) {
    return anonymous
        .post()
        .uri("/oauth2/token")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(
            BodyInserters.fromFormData("grant_type", "password")
                .with("username", login)
                .with("password", password))
        .exchange();
  }

  /** A participant's access token; fails unless the sign-in succeeds. */
  @SuppressWarnings("unchecked")
  public String token(Credential c) {
    Map<String, Object> body =
        signIn(c.login(), c.password())
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    return (String) body.get("access_token");
  }

  /**
   * Creates protocol 2 of Russian (kits pre-filled) and submits the point's response with these
   * marks; other kits of the point are marked used by the school {@code edu640001}.
   */
  public void protocol2(long campaignId, WebTestClient point, Map<Long, String> marks) {
    FormDefinition form =
        new FormsFixture(federal, db).form(campaignId, KitsFixture.PROTOCOL2, "p2-" + campaignId);
    FormResponse draft =
        point
            .get()
            .uri("/api/forms/" + form.getId() + "/response")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(FormResponse.class)
            .returnResult()
            .getResponseBody();
    List<Map<String, String>> rows = new ArrayList<>();
    for (Map<String, String> prefilled : draft.getSheets().get("kits")) {
      String kit = prefilled.get("kit");
      String mark = marks.getOrDefault(Long.parseLong(kit), "использован");
      Map<String, String> row = new LinkedHashMap<>();
      row.put("kit", kit);
      row.put("comment", mark);
      if (mark.equals("использован")) {
        row.put("school", "edu640001");
      }
      rows.add(row);
    }
    FormResponse saved =
        FormsFixture.save(point, form.getId(), draft.getVersion(), Map.of("kits", rows));
    point
        .post()
        .uri("/api/forms/" + form.getId() + "/response/submit")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("version", saved.getVersion()))
        .exchange()
        .expectStatus()
        .isOk();
  }
}
