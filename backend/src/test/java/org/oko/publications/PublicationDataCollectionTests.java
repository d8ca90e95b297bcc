package org.oko.publications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oko.api.model.DataCollectionKind;
import org.oko.api.model.Problem;
import org.oko.api.model.Publication;
import org.oko.kits.ParticipantCodesFixture;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 20 (seed 001: «откройте публикацию … блок „Сбор данных“»; seed 004 6.13.5): the author of a
 * publication chooses a form of its campaign as its «Сбор данных» block; the school it is released
 * to sees the block and reaches the form. A form of another campaign, protocol 1 in a ВПР, a
 * subject the campaign does not have: 422 and the block stays as it was.
 */
class PublicationDataCollectionTests extends ApiTest {

  @Autowired DatabaseClient db;

  @Test
  void theAuthorPutsAFormIntoThePublicationAndTheSchoolReachesIt() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    var vpr =
        new ParticipantCodesFixture(client, db)
            .campaign("ВПР, форма в публикации", now, "edu640001");
    var other =
        new ParticipantCodesFixture(client, db).campaign("ВПР, чужая форма", now, "edu640001");
    long formId = vpr.results().getId();
    long publication = draft(vpr.campaign().getId());

    Publication set = put(publication, Map.of("kind", "FORM", "formId", formId), 200);
    assertThat(set.getDataCollection().getKind()).isEqualTo(DataCollectionKind.FORM);
    assertThat(set.getDataCollection().getFormId()).isEqualTo(formId);
    assertThat(set.getDataCollection().getFormTitle()).isEqualTo(vpr.results().getTitle());

    assertThat(refusal(publication, Map.of("kind", "FORM", "formId", other.results().getId())))
        .contains("нет в кампании «ВПР, форма в публикации»");
    assertThat(refusal(publication, Map.of("kind", "PROTOCOL1")))
        .contains("Электронный протокол 1 есть только в ОМК/ОПиМК");
    assertThat(refusal(publication, Map.of("kind", "CODES_PROTOCOL", "subjectKey", "history-9")))
        .contains("нет предмета «history-9»");
    // nothing written by the refusals: the block is still the first form
    assertThat(read(client, publication).getDataCollection().getFormId()).isEqualTo(formId);

    client
        .post()
        .uri("/api/publications/" + publication + "/publish")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .isOk();
    Publication seen = read(as("edu640001"), publication);
    assertThat(seen.getDataCollection().getKind()).isEqualTo(DataCollectionKind.FORM);
    assertThat(seen.getDataCollection().getFormTitle()).isEqualTo(vpr.results().getTitle());
    // the school reaches the form from the block
    as("edu640001")
        .get()
        .uri("/api/forms/" + seen.getDataCollection().getFormId() + "/response")
        .exchange()
        .expectStatus()
        .isOk();

    // the author may change it after the release too, or take it away
    Publication codes =
        put(publication, Map.of("kind", "CODES_PROTOCOL", "subjectKey", "math-4"), 200);
    assertThat(codes.getDataCollection().getKind()).isEqualTo(DataCollectionKind.CODES_PROTOCOL);
    assertThat(codes.getDataCollection().getSubjectKey()).isEqualTo("math-4");
    assertThat(codes.getDataCollection().getFormId()).isNull();
    Publication cleared =
        client
            .delete()
            .uri("/api/publications/" + publication + "/data-collection")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Publication.class)
            .returnResult()
            .getResponseBody();
    assertThat(cleared.getDataCollection()).isNull();
    assertThat(read(as("edu640001"), publication).getDataCollection()).isNull();
  }

  private long draft(long campaignId) {
    return client
        .post()
        .uri("/api/publications")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            Map.of(
                "campaignId",
                campaignId,
                "title",
                "Электронный протокол: математика, 4 класс",
                "body",
                "Заполните блок «Сбор данных».",
                "audience",
                Map.of(
                    "roles", List.of("ORGANIZATION"),
                    "regionCodes", List.of("64"),
                    "sampleOnly", true)))
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(Publication.class)
        .returnResult()
        .getResponseBody()
        .getId();
  }

  private Publication put(long publication, Map<String, Object> body, int status) {
    return client
        .put()
        .uri("/api/publications/" + publication + "/data-collection")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isEqualTo(status)
        .expectBody(Publication.class)
        .returnResult()
        .getResponseBody();
  }

  private String refusal(long publication, Map<String, Object> body) {
    return client
        .put()
        .uri("/api/publications/" + publication + "/data-collection")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectBody(Problem.class)
        .returnResult()
        .getResponseBody()
        .getDetail();
  }

  private static Publication read(WebTestClient as, long publication) {
    return as.get()
        .uri("/api/publications/" + publication)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Publication.class)
        .returnResult()
        .getResponseBody();
  }
}
