package org.oko.scans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oko.api.model.ScanScheme;
import org.oko.platform.blob.BlobStore;
import org.oko.platform.events.Outbox;
import org.oko.testing.ApiTest;
import org.oko.testing.TestCampaigns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Answer-sheet schemes: what the collector expects per kit and how experts score it. */
class SchemeTests extends ApiTest {

  private static final String SCHEME =
      """
      {"pages":3,"criteria":[
        {"code":"1","title":"Анализ фрагмента урока","maxScore":3,"page":1},
        {"code":"2.1","title":"Методическое решение","maxScore":4,"page":3}],
       "secondScoringPercent":20,"discrepancyThreshold":1}
      """;

  @Autowired DatabaseClient db;
  @Autowired BlobStore blobs;
  @Autowired Outbox outbox;
  @Autowired TransactionalOperator tx;

  long campaign;

  @BeforeEach
  void campaign() {
    ScanFixture scans = new ScanFixture(client, db, blobs, outbox, tx);
    campaign = scans.omk("ОМК, схемы бланков " + UUID.randomUUID()).getId();
  }

  private WebTestClient.ResponseSpec put(String login, String subject, String body) {
    return as(login)
        .put()
        .uri("/api/campaigns/" + campaign + "/scan-schemes/" + subject)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  private List<ScanScheme> list(String login) {
    return as(login)
        .get()
        .uri("/api/campaigns/" + campaign + "/scan-schemes")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBodyList(ScanScheme.class)
        .returnResult()
        .getResponseBody();
  }

  @Test
  void theFederalOrganizerDefinesASchemeThatTheRegionAndScanningCentreSee() {
    ScanScheme stored =
        put("federal", "rus", SCHEME)
            .expectStatus()
            .isOk()
            .expectBody(ScanScheme.class)
            .returnResult()
            .getResponseBody();

    assertThat(stored.getSubjectName()).isEqualTo("Русский язык");
    assertThat(stored.getPages()).isEqualTo(3);
    assertThat(stored.getCriteria()).extracting("code").containsExactly("1", "2.1");
    assertThat(stored.getSecondScoringPercent()).isEqualTo(20);
    assertThat(stored.getDiscrepancyThreshold()).isEqualTo(1);
    for (String login : List.of("federal", "region64", "scan64", "edu645001")) {
      assertThat(list(login)).extracting(ScanScheme::getSubjectKey).containsExactly("rus");
    }
  }

  @Test
  void defaultsApplyAndAChangeReplacesTheScheme() {
    put("federal", "math", "{\"pages\":2,\"criteria\":[]}").expectStatus().isOk();
    put("federal", "math", "{\"pages\":4,\"criteria\":[]}").expectStatus().isOk();

    ScanScheme math = list("federal").get(0);
    assertThat(math.getPages()).isEqualTo(4);
    assertThat(math.getSecondScoringPercent()).isZero();
    assertThat(math.getDiscrepancyThreshold()).isEqualTo(2);
  }

  @Test
  void repeatedCodesAndCriteriaBeyondTheLastPageAreUnprocessable() {
    put(
            "federal",
            "rus",
            """
            {"pages":2,"criteria":[
              {"code":"1","title":"Первый","maxScore":3,"page":1},
              {"code":"1","title":"Снова первый","maxScore":3,"page":2},
              {"code":"3","title":"Третий","maxScore":2,"page":5}]}
            """)
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("criteria[1].code")
        .jsonPath("$.errors[1].field")
        .isEqualTo("criteria[2].page")
        .jsonPath("$.errors[1].message")
        .value(m -> assertThat((String) m).contains("на странице 5"));
    assertThat(list("federal")).isEmpty();
  }

  @Test
  void aSubjectOutsideTheCampaignIsNotFound() {
    put("federal", "history", SCHEME).expectStatus().isNotFound();
  }

  @Test
  void onlyTheFederalOrganizerWritesSchemes() {
    put("region64", "rus", SCHEME).expectStatus().isForbidden();
    put("scan64", "rus", SCHEME).expectStatus().isForbidden();
    put("edu645001", "rus", SCHEME).expectStatus().isForbidden();
  }

  @Test
  void aRegionOutsideTheCampaignDoesNotSeeIt() {
    long foreign = TestCampaigns.create(client, "Кампания региона 25, схемы", "25").getId();
    as("region64")
        .get()
        .uri("/api/campaigns/" + foreign + "/scan-schemes")
        .exchange()
        .expectStatus()
        .isNotFound();
    as("scan64")
        .get()
        .uri("/api/campaigns/" + foreign + "/scan-schemes")
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  void onceAWorkIsScoredTheSchemeNoLongerChangesButCanBeStoredAgainAsItIs() {
    put("federal", "rus", SCHEME).expectStatus().isOk();
    db.sql(
            "insert into scoring_task (campaign_id, subject_key, kit_number, organization_id,"
                + " region_code, round, expert_login, scores, total, assigned_at, scored_at)"
                + " select :c, 'rus', 1, id, '64', 1, 'federal', '[]', 3, now(), now()"
                + " from organization where login = 'edu645001'")
        .bind("c", campaign)
        .then()
        .block();

    put("federal", "rus", SCHEME.replace("\"maxScore\":4", "\"maxScore\":5"))
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("уже оценены"));
    put("federal", "rus", SCHEME).expectStatus().isOk();
    assertThat(list("federal").get(0).getCriteria().get(1).getMaxScore()).isEqualTo(4);
  }
}
