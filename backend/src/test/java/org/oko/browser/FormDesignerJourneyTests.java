package org.oko.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.oko.api.model.Campaign;
import org.oko.api.model.FormDefinition;
import org.oko.api.model.FormResponse;
import org.oko.api.model.FormResponseStatus;
import org.oko.api.model.FormSummary;
import org.oko.forms.FormsFixture;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Issue 19's browser journey «federal designs a form that a school then fills» ({@code
 * frontend/e2e/form-designer.mjs}): the designer at 1280 and 360 px, its preview, the template
 * before publishing, then the school fills and hands in the published form on a phone; then region
 * 64 designs its own form that the Engels municipality hands in. The test then reads what the
 * server kept.
 */
@Execution(ExecutionMode.CONCURRENT)
class FormDesignerJourneyTests extends ApiTest {

  @Autowired DatabaseClient db;

  @Test
  void federalDesignsAFormInTheBrowserThatASchoolThenFillsOnAPhone() throws Exception {
    FormsFixture fixture = new FormsFixture(client, db);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Campaign campaign =
        fixture.campaign(
            "Конструктор форм в браузере",
            now.minus(Duration.ofDays(1)),
            now.plus(Duration.ofDays(1)),
            "edu640001");

    NodeJourney.run("form-designer", baseUrl(), String.valueOf(campaign.getId()));

    List<FormSummary> forms =
        client
            .get()
            .uri("/api/campaigns/" + campaign.getId() + "/forms")
            .exchange()
            .expectBodyList(FormSummary.class)
            .returnResult()
            .getResponseBody();
    assertThat(forms)
        .extracting(f -> f.getTitle() + " " + f.getRegion())
        .containsExactly(
            "Сведения о кружках null", "Анализ объективности (приказ министерства области) 64");
    long formId = forms.get(0).getId();
    FormDefinition form =
        client
            .get()
            .uri("/api/forms/" + formId)
            .exchange()
            .expectBody(FormDefinition.class)
            .returnResult()
            .getResponseBody();
    var columns = form.getSheets().get(0).getColumns();
    assertThat(columns)
        .extracting(c -> c.getTitle() + " " + c.getType())
        .containsExactly("Название кружка TEXT", "Число участников INTEGER", "Направленность ENUM");
    assertThat(columns.get(0).getRequired()).isTrue();
    assertThat(columns.get(1).getMax().intValue()).isEqualTo(500);
    assertThat(columns.get(2).getOptions()).contains("техническая", "художественная");

    FormResponse kept =
        as("edu640001")
            .get()
            .uri("/api/forms/" + formId + "/response")
            .exchange()
            .expectBody(FormResponse.class)
            .returnResult()
            .getResponseBody();
    assertThat(kept.getStatus()).isEqualTo(FormResponseStatus.SUBMITTED);
    assertThat(kept.getSheets().get("s1"))
        .extracting(r -> r.get("c1") + " " + r.get("c2") + " " + r.get("c3"))
        .containsExactly("Робототехника 24 техническая");

    // The region's own form, handed in by the Engels municipality (seed 003 11.4/12).
    FormResponse engels =
        as("mun64-engels")
            .get()
            .uri("/api/forms/" + forms.get(1).getId() + "/response")
            .exchange()
            .expectBody(FormResponse.class)
            .returnResult()
            .getResponseBody();
    assertThat(engels.getStatus()).isEqualTo(FormResponseStatus.SUBMITTED);
    assertThat(engels.getSheets().get("s1"))
        .extracting(r -> r.get("c1"))
        .containsExactly("Видеонаблюдение в аудиториях");
  }
}
