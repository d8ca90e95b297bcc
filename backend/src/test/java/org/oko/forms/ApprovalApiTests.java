package org.oko.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Approval;
import org.oko.api.model.ApprovalPage;
import org.oko.api.model.ApprovalRow;
import org.oko.api.model.ApprovalState;
import org.oko.api.model.Campaign;
import org.oko.api.model.FormDefinition;
import org.oko.api.model.FormResponse;
import org.oko.api.model.FormResponseStatus;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Approval up the hierarchy (issue 20, DHIS2's «approve → accept»): the municipality accepts its
 * schools' results protocols or returns one with a comment, the region accepts what the
 * municipality accepted, and an accepted report is reopened only by the level that accepted it.
 */
class ApprovalApiTests extends ApiTest {

  @Autowired DatabaseClient db;

  private FormDefinition protocol;

  @BeforeEach
  void results() {
    Instant now = Instant.now();
    clock.set(now);
    FormsFixture forms = new FormsFixture(client, db);
    Campaign campaign =
        forms.campaign(
            "ВПР: приёмка протоколов " + UUID.randomUUID(),
            now.minus(Duration.ofDays(1)),
            now.plus(Duration.ofDays(5)),
            "edu640021",
            "edu640022",
            "spo640001");
    protocol = forms.form(campaign.getId(), FormsFixture.RESULTS, "results-m4");
  }

  @Test
  void theMunicipalityAcceptsThenTheRegionAndOnlyTheRegionMayReturnWhatItAccepted() {
    submit("edu640021", "1001");
    Approval pending = approval("mun64-engels", "edu640021");
    assertThat(pending.getRequired()).as("on by default for a results protocol").isTrue();
    assertThat(pending.getState()).isEqualTo(ApprovalState.PENDING);
    assertThat(pending.getCanAccept()).isTrue();
    assertThat(approval("region64", "edu640021").getCanAccept()).isFalse();

    decide("region64", "edu640021", "ACCEPT", null)
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).startsWith("Отчёт ещё не принят муниципальным"));

    Approval accepted = ok(decide("mun64-engels", "edu640021", "ACCEPT", null));
    assertThat(accepted.getState()).isEqualTo(ApprovalState.MUNICIPALITY_ACCEPTED);
    assertThat(accepted.getDecidedBy()).isEqualTo("mun64-engels");

    // The school cannot reopen what its municipality accepted.
    reopen("edu640021")
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo(
            "Отчёт принят муниципальным координатором: изменить его можно, только если он вернёт"
                + " отчёт на доработку");

    assertThat(ok(decide("region64", "edu640021", "ACCEPT", null)).getState())
        .isEqualTo(ApprovalState.REGION_ACCEPTED);
    decide("mun64-engels", "edu640021", "RETURN", "Проверьте баллы")
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("Отчёт принят регионом: вернуть его может только региональный координатор");

    // A return needs its reason; nothing changes without one.
    decide("region64", "edu640021", "RETURN", "  ")
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("comment");
    assertThat(approval("region64", "edu640021").getState())
        .isEqualTo(ApprovalState.REGION_ACCEPTED);

    Approval returned =
        ok(
            decide(
                "region64",
                "edu640021",
                "RETURN",
                "У участника 1001 сумма баллов не совпадает с бланком"));
    assertThat(returned.getState()).isEqualTo(ApprovalState.RETURNED);

    // The school sees why, and its report is a draft again.
    Approval seen = approval("edu640021", "edu640021");
    assertThat(seen.getComment()).isEqualTo("У участника 1001 сумма баллов не совпадает с бланком");
    assertThat(seen.getCanAccept()).isFalse();
    assertThat(response("edu640021").getStatus()).isEqualTo(FormResponseStatus.DRAFT);
    assertThat(seen.getHistory())
        .extracting(e -> e.getAction().getValue() + " " + e.getLevel().getValue() + " " + e.getBy())
        .containsExactly(
            "ACCEPT MUNICIPALITY mun64-engels", "ACCEPT REGION region64", "RETURN REGION region64");
    assertThat(seen.getHistory().get(2).getComment())
        .isEqualTo("У участника 1001 сумма баллов не совпадает с бланком");

    // Submitted again, it waits for the municipality again.
    submitAgain("edu640021");
    assertThat(approval("mun64-engels", "edu640021").getState()).isEqualTo(ApprovalState.PENDING);
    assertThat(approval("edu640021", "edu640021").getComment()).isNull();
  }

  @Test
  void eachLevelCountsAndListsOnlyItsOwnPart() {
    submit("edu640021", "1001");
    ApprovalFixture.submittedDirectly(db, protocol.getId(), "edu640022");
    ApprovalFixture.submittedDirectly(db, protocol.getId(), "spo640001");
    ok(decide("mun64-engels", "edu640021", "ACCEPT", null));
    ok(decide("resp64", "spo640001", "ACCEPT", null));
    decide("mun64-engels", "spo640001", "ACCEPT", null).expectStatus().isNotFound();
    ok(decide("mun64-engels", "edu640022", "RETURN", "Не заполнен вариант"));

    ApprovalPage region = list("region64", "");
    assertThat(List.of(region.getPending(), region.getMunicipalityAccepted(), region.getReturned()))
        .containsExactly(0L, 2L, 1L);
    assertThat(region.getItems())
        .extracting(r -> r.getOrganization().getLogin() + " " + r.getState().getValue())
        .containsExactly(
            "edu640021 MUNICIPALITY_ACCEPTED",
            "edu640022 RETURNED",
            "spo640001 MUNICIPALITY_ACCEPTED");
    ApprovalPage waiting = list("region64", "?state=MUNICIPALITY_ACCEPTED");
    assertThat(waiting.getTotal()).isEqualTo(2);
    assertThat(waiting.getItems())
        .extracting(ApprovalRow::getDecidedBy)
        .containsExactly("mun64-engels", "resp64");

    ApprovalPage municipality = list("mun64-engels", "");
    assertThat(municipality.getItems())
        .extracting(r -> r.getOrganization().getLogin())
        .containsExactly("edu640021", "edu640022");
    assertThat(municipality.getItems().get(1).getComment()).isEqualTo("Не заполнен вариант");
    ApprovalPage responsible = list("resp64", "");
    assertThat(responsible.getItems())
        .extracting(r -> r.getOrganization().getLogin())
        .containsExactly("spo640001");
    as("edu640021")
        .get()
        .uri("/api/forms/" + protocol.getId() + "/approvals")
        .exchange()
        .expectStatus()
        .isForbidden();
  }

  @Test
  void theFederalOrganizerTurnsAcceptanceOffForAForm() {
    submit("edu640021", "1001");
    client
        .put()
        .uri("/api/forms/" + protocol.getId() + "/approval-setting")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("required", false))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.required")
        .isEqualTo(false);
    decide("mun64-engels", "edu640021", "ACCEPT", null)
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("Для этой формы приёмка отчётов не предусмотрена");
    as("region64")
        .put()
        .uri("/api/forms/" + protocol.getId() + "/approval-setting")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("required", true))
        .exchange()
        .expectStatus()
        .isForbidden();
  }

  /**
   * The JSON path (a regional system's {@code POST /submissions}) replaces a submitted report in
   * one step; while the report is accepted that would be a reopening by someone other than the
   * level that accepted it, so it is refused like the school's «Редактировать», and nothing
   * changes.
   */
  @Test
  void aJsonResubmissionOfAnAcceptedReportIsRefusedUntilTheAcceptingLevelReturnsIt() {
    WebTestClient system = as("region64-system");
    viaJson(system, "json-00000001", "1001").expectStatus().isCreated();
    // Not accepted yet: the system may correct it, and it stays waiting for the municipality.
    viaJson(system, "json-00000002", "1002").expectStatus().isCreated();
    assertThat(approval("mun64-engels", "edu640021").getState()).isEqualTo(ApprovalState.PENDING);
    ok(decide("mun64-engels", "edu640021", "ACCEPT", null));
    long accepted = response("edu640021").getVersion();

    viaJson(system, "json-00000003", "1003")
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo(
            "Отчёт принят муниципальным координатором: изменить его можно, только если он вернёт"
                + " отчёт на доработку");
    viaJson(as("edu640021"), "json-00000004", "1004").expectStatus().isEqualTo(409);
    FormResponse kept = response("edu640021");
    assertThat(kept.getVersion()).as("nothing written").isEqualTo(accepted);
    assertThat(kept.getSheets().get("results").get(0)).containsEntry("code", "1002");
    assertThat(approval("region64", "edu640021").getState())
        .isEqualTo(ApprovalState.MUNICIPALITY_ACCEPTED);

    ok(decide("region64", "edu640021", "ACCEPT", null));
    viaJson(system, "json-00000005", "1005")
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo(
            "Отчёт принят регионом: изменить его можно, только если региональный координатор"
                + " вернёт отчёт на доработку");

    ok(decide("region64", "edu640021", "RETURN", "Код 1002 не из протокола кодов"));
    viaJson(system, "json-00000006", "1006").expectStatus().isCreated();
    Approval again = approval("mun64-engels", "edu640021");
    assertThat(again.getState())
        .as("waits for the municipality again")
        .isEqualTo(ApprovalState.PENDING);
    assertThat(response("edu640021").getSheets().get("results").get(0))
        .containsEntry("code", "1006");
  }

  private WebTestClient.ResponseSpec viaJson(WebTestClient as, String key, String code) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("grade", "4А");
    row.put("code", code);
    row.put("variant", "1");
    row.put("task_1", "1");
    row.put("task_2", "1");
    row.put("task_3", "0");
    return as.post()
        .uri("/api/forms/" + protocol.getId() + "/submissions")
        .header("Idempotency-Key", key)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("organization", "edu640021", "sheets", Map.of("results", List.of(row))))
        .exchange();
  }

  private void submit(String school, String code) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("grade", "4А");
    row.put("code", code);
    row.put("variant", "1");
    row.put("task_1", "1");
    row.put("task_2", "1");
    row.put("task_3", "0");
    WebTestClient as = as(school);
    FormResponse saved =
        FormsFixture.save(
            as, protocol.getId(), 0, Map.of("results", new ArrayList<>(List.of(row))));
    submitVersion(as, saved.getVersion());
  }

  private void submitAgain(String school) {
    WebTestClient as = as(school);
    submitVersion(as, response(school).getVersion());
  }

  private void submitVersion(WebTestClient as, long version) {
    as.post()
        .uri("/api/forms/" + protocol.getId() + "/response/submit")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("version", version))
        .exchange()
        .expectStatus()
        .isOk();
  }

  private WebTestClient.ResponseSpec reopen(String school) {
    return as(school)
        .post()
        .uri("/api/forms/" + protocol.getId() + "/response/reopen")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("version", response(school).getVersion()))
        .exchange();
  }

  private FormResponse response(String school) {
    return as(school)
        .get()
        .uri("/api/forms/" + protocol.getId() + "/response")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(FormResponse.class)
        .returnResult()
        .getResponseBody();
  }

  private Approval approval(String login, String organization) {
    return as(login)
        .get()
        .uri("/api/forms/" + protocol.getId() + "/approvals/" + organization)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Approval.class)
        .returnResult()
        .getResponseBody();
  }

  private WebTestClient.ResponseSpec decide(
      String login, String organization, String action, String comment) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("action", action);
    if (comment != null) {
      body.put("comment", comment);
    }
    return as(login)
        .post()
        .uri("/api/forms/" + protocol.getId() + "/approvals/" + organization)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  private static Approval ok(WebTestClient.ResponseSpec spec) {
    return spec.expectStatus().isOk().expectBody(Approval.class).returnResult().getResponseBody();
  }

  private ApprovalPage list(String login, String query) {
    return as(login)
        .get()
        .uri("/api/forms/" + protocol.getId() + "/approvals" + query)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(ApprovalPage.class)
        .returnResult()
        .getResponseBody();
  }
}
