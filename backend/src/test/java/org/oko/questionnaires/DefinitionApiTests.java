package org.oko.questionnaires;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oko.api.model.ParticipantCategory;
import org.oko.api.model.Questionnaire;
import org.oko.testing.ApiTest;
import org.oko.testing.TestCampaigns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The federal organizer defines questionnaires; coordinators and points read them. */
class DefinitionApiTests extends ApiTest {

  @Autowired DatabaseClient db;

  private DefinitionFixture fixture() {
    return new DefinitionFixture(client, db);
  }

  private WebTestClient.ResponseSpec post(long campaign, String body) {
    return client
        .post()
        .uri("/api/campaigns/" + campaign + "/questionnaires")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  private WebTestClient.ResponseSpec put(long questionnaire, long expected, String content) {
    return client
        .put()
        .uri("/api/questionnaires/" + questionnaire)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            "{\"expectedVersion\":%d,\"title\":\"Анкета, версия\",\"content\":%s}"
                .formatted(expected, content))
        .exchange();
  }

  @Test
  void theFederalOrganizerDefinesAQuestionnaireAndTheRegionSeesIt() {
    long campaign = fixture().campaign("ОМК, анкеты: определение", "edu645001", "edu025001");
    Questionnaire created = fixture().define(campaign, "TEACHER");
    assertThat(created.getVersion()).isEqualTo(1);
    assertThat(created.getLatestVersion()).isEqualTo(1);
    assertThat(created.getCategory()).isEqualTo(ParticipantCategory.TEACHER);
    assertThat(created.getUpdatedBy()).isEqualTo("federal");
    assertThat(created.getContent().getSections()).hasSize(2);
    assertThat(created.getContent().getSections().get(0).getQuestions().get(4).getShowIf())
        .isNotNull();

    for (String reader : List.of("region64", "mun64-engels", "resp64", "edu645001")) {
      List<Questionnaire> listed =
          as(reader)
              .get()
              .uri("/api/campaigns/" + campaign + "/questionnaires")
              .exchange()
              .expectStatus()
              .isOk()
              .expectBodyList(Questionnaire.class)
              .returnResult()
              .getResponseBody();
      assertThat(listed).extracting(Questionnaire::getId).containsExactly(created.getId());
    }
    as("edu645001")
        .get()
        .uri("/api/questionnaires/" + created.getId())
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.content.sections[1].questions[1].rows.length()")
        .isEqualTo(2);
  }

  @Test
  void aSecondQuestionnaireForTheSameCategoryIsAConflict() {
    long campaign = fixture().campaign("ОМК, анкеты: дубль", "edu645001");
    fixture().define(campaign, "TEACHER");
    post(campaign, DefinitionFixture.input("TEACHER", "Ещё одна", DefinitionFixture.CONTENT))
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("Анкета для категории «Учителя» уже есть — измените её");
    // Methodists get their own.
    fixture().define(campaign, "METHODIST");
    List<Questionnaire> listed =
        client
            .get()
            .uri("/api/campaigns/" + campaign + "/questionnaires")
            .exchange()
            .expectBodyList(Questionnaire.class)
            .returnResult()
            .getResponseBody();
    assertThat(listed)
        .extracting(Questionnaire::getCategory)
        .containsExactly(ParticipantCategory.TEACHER, ParticipantCategory.METHODIST);
  }

  @Test
  void aVprHasATeachersQuestionnaireButNoMethodists() {
    // issue 20 «Questionnaires outside ОМК»: questionnaires attach to any campaign kind
    long vpr = TestCampaigns.create(client, "ВПР с анкетой учителей").getId();
    post(vpr, DefinitionFixture.input("TEACHER", "Анкета", DefinitionFixture.CONTENT))
        .expectStatus()
        .isCreated();
    post(vpr, DefinitionFixture.input("METHODIST", "Анкета", DefinitionFixture.CONTENT))
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("только в ОМК/ОПиМК"));
    post(999_999_999L, DefinitionFixture.input("TEACHER", "Анкета", DefinitionFixture.CONTENT))
        .expectStatus()
        .isNotFound();
  }

  @Test
  void aBrokenDefinitionIsRefusedWithEveryProblemByPath() {
    long campaign = fixture().campaign("ОМК, анкеты: ошибки", "edu645001");
    String broken =
        DefinitionFixture.CONTENT
            .replace("\"anyOf\":[\"yes\"]", "\"anyOf\":[\"maybe\"]")
            .replace("\"min\":1,\"max\":5", "\"min\":5,\"max\":1")
            .replace("{\"key\":\"note\"", "{\"key\":\"exp\"");
    post(campaign, DefinitionFixture.input("TEACHER", "Анкета", broken))
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[*].field")
        .value(
            fields ->
                assertThat((List<Object>) fields)
                    .containsExactlyInAnyOrder(
                        "content.sections[0].questions[4].showIf.anyOf[0]",
                        "content.sections[1].questions[0].max",
                        "content.sections[1].questions[2].key"));
    // Nothing was stored.
    client
        .get()
        .uri("/api/campaigns/" + campaign + "/questionnaires")
        .exchange()
        .expectBody()
        .jsonPath("$.length()")
        .isEqualTo(0);
  }

  @Test
  void anUpdatePublishesANewVersionAndKeepsTheOldOne() {
    long campaign = fixture().campaign("ОМК, анкеты: версии", "edu645001");
    Questionnaire v1 = fixture().define(campaign, "TEACHER");
    String changed =
        DefinitionFixture.CONTENT.replace("\"text\":\"Стаж\"", "\"text\":\"Стаж, лет\"");
    Questionnaire v2 =
        put(v1.getId(), 1, changed)
            .expectStatus()
            .isOk()
            .expectBody(Questionnaire.class)
            .returnResult()
            .getResponseBody();
    assertThat(v2.getVersion()).isEqualTo(2);
    assertThat(v2.getLatestVersion()).isEqualTo(2);
    assertThat(v2.getTitle()).isEqualTo("Анкета, версия");
    assertThat(text(v2)).isEqualTo("Стаж, лет");

    // A stale version is a conflict, and nothing changes.
    put(v1.getId(), 1, DefinitionFixture.CONTENT)
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("текущая версия — 2"));

    Questionnaire old =
        as("region64")
            .get()
            .uri("/api/questionnaires/" + v1.getId() + "?version=1")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Questionnaire.class)
            .returnResult()
            .getResponseBody();
    assertThat(old.getVersion()).isEqualTo(1);
    assertThat(old.getLatestVersion()).isEqualTo(2);
    assertThat(old.getTitle()).isEqualTo("Анкета");
    assertThat(text(old)).isEqualTo("Стаж");
    client
        .get()
        .uri("/api/questionnaires/" + v1.getId())
        .exchange()
        .expectBody(Questionnaire.class)
        .value(current -> assertThat(current.getVersion()).isEqualTo(2));
    client
        .get()
        .uri("/api/questionnaires/" + v1.getId() + "?version=3")
        .exchange()
        .expectStatus()
        .isNotFound();

    // A broken update is refused whole, even with the right version.
    put(v1.getId(), 2, "{\"sections\":[]}")
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("content.sections");
  }

  @Test
  void aCampaignOfAnotherRegionHidesItsQuestionnaires() {
    // An ОМК of regions 64 and 02 whose sample holds a point of region 02 only; a region-25
    // coordinator does not exist among the demo accounts, so region 02's point stands for it.
    long campaign = fixture().campaign("ОМК, анкеты: чужой регион", "edu025001");
    Questionnaire q = fixture().define(campaign, "TEACHER");
    // A point outside the sample does not take part in the campaign.
    as("edu645001")
        .get()
        .uri("/api/questionnaires/" + q.getId())
        .exchange()
        .expectStatus()
        .isNotFound();
    as("edu645001")
        .get()
        .uri("/api/campaigns/" + campaign + "/questionnaires")
        .exchange()
        .expectStatus()
        .isNotFound();
    as("edu640001")
        .get()
        .uri("/api/questionnaires/" + q.getId())
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  private static String text(Questionnaire q) {
    return q.getContent().getSections().get(0).getQuestions().get(0).getText();
  }
}
