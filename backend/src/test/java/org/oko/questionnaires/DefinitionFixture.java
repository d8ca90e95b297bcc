package org.oko.questionnaires;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.oko.api.model.Questionnaire;
import org.oko.kits.KitsFixture;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * ОМК campaigns with questionnaires for the definition and export tests, made through the API; the
 * participants' submitted sessions are written by SQL. Public because the authorization matrix
 * ({@code org.oko}) uses it too.
 */
public final class DefinitionFixture {

  /** A small teacher questionnaire: a number, a choice, a skip rule, a matrix. */
  public static final String CONTENT =
      """
      {"sections":[
        {"key":"about","title":"О вас","questions":[
          {"key":"exp","text":"Стаж","type":"NUMBER","integer":true,"min":0,"max":60,"required":true},
          {"key":"cat","text":"Категория","type":"SINGLE_CHOICE","required":true,
           "options":[{"value":"first","label":"Первая"},{"value":"high","label":"Высшая"}]},
          {"key":"subj","text":"Предметы","type":"MULTIPLE_CHOICE",
           "options":[{"value":"rus","label":"Русский язык"},{"value":"math","label":"Математика"}]},
          {"key":"courses","text":"Курсы за 3 года?","type":"SINGLE_CHOICE",
           "options":[{"value":"yes","label":"Да"},{"value":"no","label":"Нет"}]},
          {"key":"which","text":"Какие курсы?","type":"SHORT_TEXT",
           "showIf":{"question":"courses","anyOf":["yes"]}}
        ]},
        {"key":"work","title":"О работе","questions":[
          {"key":"hard","text":"Трудность","type":"SCALE","min":1,"max":5},
          {"key":"agree","text":"Согласны ли вы","type":"MATRIX",
           "rows":[{"value":"clear","label":"Понятно"},{"value":"time","label":"Хватило времени"}],
           "options":[{"value":"yes","label":"Да"},{"value":"no","label":"Нет"}]},
          {"key":"note","text":"Замечания","type":"LONG_TEXT"}
        ]}
      ]}
      """;

  private final WebTestClient federal;
  private final DatabaseClient db;

  public DefinitionFixture(WebTestClient federal, DatabaseClient db) {
    this.federal = federal;
    this.db = db;
  }

  /** An ОМК of regions 64 and 02 being conducted now, whose sample holds these points. */
  public long campaign(String title, String... points) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    return new KitsFixture(federal, db)
        .campaign(title, now.minus(1, ChronoUnit.DAYS), now.plus(5, ChronoUnit.DAYS), points)
        .getId();
  }

  public static String input(String category, String title, String content) {
    return "{\"category\":\"%s\",\"title\":\"%s\",\"content\":%s}"
        .formatted(category, title, content);
  }

  /** Defines the campaign's questionnaire for the category with {@link #CONTENT}. */
  public Questionnaire define(long campaignId, String category) {
    return federal
        .post()
        .uri("/api/campaigns/" + campaignId + "/questionnaires")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(input(category, "Анкета", CONTENT))
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(Questionnaire.class)
        .returnResult()
        .getResponseBody();
  }

  /**
   * A submitted questionnaire of one kit of the point (its credential made if the kit has none
   * yet), with these answers (JSON), submitted at {@code at}.
   */
  public void submitted(
      Questionnaire q, String point, String subject, long kit, String answers, Instant at) {
    String prefix = (q.getCategory().getValue().equals("METHODIST") ? "m" : "u") + "rus";
    db.sql(
            """
            insert into kit_credential (login, range_id, campaign_id, subject_key, category,
                kit_number, organization_id, region_code, password)
            select :login, r.id, r.campaign_id, r.subject_key, :category, :kit, r.organization_id,
                   r.region_code, '12345'
            from kit_range r join organization o on o.id = r.organization_id
            where r.campaign_id = :campaign and r.subject_key = :subject and o.login = :point
              and :kit between r.first_number and r.last_number
            on conflict do nothing
            """)
        .bind("login", prefix + "64" + kit)
        .bind("category", q.getCategory().getValue())
        .bind("kit", kit)
        .bind("campaign", q.getCampaignId())
        .bind("subject", subject)
        .bind("point", point)
        .then()
        .then(
            db.sql(
                    """
                    insert into questionnaire_session (id, login, questionnaire_id,
                        definition_version, campaign_id, subject_key, organization_id,
                        region_code, status, answers, revision, started_at, updated_at,
                        submitted_at)
                    select :id, k.login, :q, :version, k.campaign_id, k.subject_key,
                           k.organization_id, k.region_code, 'SUBMITTED', cast(:answers as jsonb),
                           1, :at, :at, :at
                    from kit_credential k
                    where k.campaign_id = :campaign and k.subject_key = :subject
                      and k.kit_number = :kit
                    """)
                .bind("id", UUID.randomUUID())
                .bind("q", q.getId())
                .bind("version", q.getVersion())
                .bind("answers", answers)
                .bind("at", at)
                .bind("campaign", q.getCampaignId())
                .bind("subject", subject)
                .bind("kit", kit)
                .then())
        .block();
  }
}
