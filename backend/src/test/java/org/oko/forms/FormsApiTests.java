package org.oko.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.oko.forms.FormsFixture.action;
import static org.oko.forms.FormsFixture.monitoring;
import static org.oko.forms.FormsFixture.response;
import static org.oko.forms.FormsFixture.version;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Campaign;
import org.oko.api.model.FormChange;
import org.oko.api.model.FormColumn;
import org.oko.api.model.FormComparison;
import org.oko.api.model.FormDefinition;
import org.oko.api.model.FormMonitoringPage;
import org.oko.api.model.FormResponse;
import org.oko.api.model.FormResponseStatus;
import org.oko.api.model.FormResponseVersionSummary;
import org.oko.api.model.FormSummary;
import org.oko.api.model.ProblemError;
import org.oko.identity.IdentityAdmin;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

class FormsApiTests extends ApiTest {

  @Autowired DatabaseClient db;
  @Autowired IdentityAdmin identity;

  private FormsFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new FormsFixture(client, db);
  }

  private Campaign campaign(String title) {
    return fixture.openCampaign(title, "edu640001", "edu640002", "edu640021");
  }

  @Test
  void taskScoresAreExpandedFromTheSubjectsTasksAndANewVersionKeepsTheOld() {
    Campaign campaign = campaign("Формы: определение");
    FormDefinition form = fixture.form(campaign.getId(), FormsFixture.RESULTS, "results");

    List<FormColumn> columns = form.getSheets().get(0).getColumns();
    assertThat(columns)
        .extracting(FormColumn::getKey, c -> c.getMax() == null ? null : c.getMax().intValue())
        .containsExactly(
            tuple("grade", null),
            tuple("code", null),
            tuple("variant", 4),
            tuple("task_1", 1),
            tuple("task_2", 2),
            tuple("task_3", 2),
            tuple("total", null),
            tuple("teacherSchool", null));
    assertThat(columns.get(6).getSumOf()).containsExactly("task_1", "task_2", "task_3");
    assertThat(form.getVersion()).isEqualTo(1);

    String update =
        FormsFixture.RESULTS.formatted("results").replace("Протокол результатов", "Протокол");
    String versioned = update.replaceFirst("\\{", "{\"version\":1,");
    FormDefinition updated =
        client
            .put()
            .uri("/api/forms/" + form.getId())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(versioned)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(FormDefinition.class)
            .returnResult()
            .getResponseBody();
    assertThat(updated.getVersion()).isEqualTo(2);
    assertThat(updated.getTitle()).isEqualTo("Протокол");
    assertThat(
            db.sql("select count(*) as n from form_definition_version where form_id = :f")
                .bind("f", form.getId())
                .map(r -> r.get("n", Long.class))
                .one()
                .block())
        .isEqualTo(2);

    // The same version again: someone changed it meanwhile.
    client
        .put()
        .uri("/api/forms/" + form.getId())
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(versioned)
        .exchange()
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat(d.toString()).contains("версия 2"));
    // The same code twice in one campaign.
    client
        .post()
        .uri("/api/campaigns/" + campaign.getId() + "/forms")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(FormsFixture.RESULTS.formatted("results"))
        .exchange()
        .expectStatus()
        .isEqualTo(409);
  }

  @Test
  void anInconsistentDefinitionIsRefusedWithEveryProblem() {
    Campaign campaign = campaign("Формы: ошибки определения");
    String broken =
        """
        {"code":"broken","title":"Ошибки","stage":"APPLICATION","respondent":"ORGANIZATION",
         "subjectKey":"chem-9","sheets":[{"key":"a","title":"Лист","columns":[
           {"key":"kind","title":"Вид","type":"ENUM"},
           {"key":"scores","title":"Баллы","type":"TASK_SCORES"}],
           "rules":[{"when":"nothing","equals":["x"],"require":["kind"]}]}]}
        """;
    client
        .post()
        .uri("/api/campaigns/" + campaign.getId() + "/forms")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(broken)
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[*].message")
        .value(
            messages ->
                assertThat(messages.toString())
                    .contains("В кампании нет предмета «chem-9»")
                    .contains("нет вариантов")
                    .contains("несуществующий столбец")
                    .contains("subjectKey"));
  }

  @Test
  void aDraftKeepsWhatWasTypedAndNamesEachProblemThenSubmitsOnceFixed() {
    Campaign campaign = campaign("Формы: черновик и сдача");
    FormDefinition form = fixture.form(campaign.getId(), FormsFixture.RESULTS, "results");
    WebTestClient school = as("edu640001");

    FormResponse fresh = response(school, form.getId(), "");
    assertThat(fresh.getStatus()).isEqualTo(FormResponseStatus.NOT_STARTED);
    assertThat(fresh.getVersion()).isZero();
    assertThat(fresh.getEditable()).isTrue();

    List<Map<String, String>> rows =
        List.of(
            row("4а", "10001", "1", "1", "2", "3", "edu640001"), // task 3: 3 > 2
            row("4а", "10001", "2", "0", "1", "1", null), // the same code again
            row("4б", "10003", "1", "1", "1", "1", "edu999999")); // no such school
    FormResponse draft = FormsFixture.save(school, form.getId(), 0, Map.of("results", rows));
    assertThat(draft.getStatus()).isEqualTo(FormResponseStatus.DRAFT);
    assertThat(draft.getVersion()).isEqualTo(1);
    assertThat(draft.getProblems())
        .extracting(ProblemError::getRow, ProblemError::getColumn)
        .containsExactlyInAnyOrder(tuple(1, "task_3"), tuple(2, "code"), tuple(3, "teacherSchool"));
    assertThat(draft.getProblems())
        .extracting(ProblemError::getMessage)
        .contains("Допустимо от 0 до 2", "Организация с логином «edu999999» не найдена");
    // What was typed stays, so that the grid shows it; the sum is the server's.
    assertThat(draft.getSheets().get("results").get(0)).containsEntry("task_3", "3");
    assertThat(draft.getSheets().get("results").get(1)).containsEntry("total", "2");

    // A stale version is refused with a clear message.
    school
        .put()
        .uri("/api/forms/" + form.getId() + "/response")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("version", 0, "sheets", Map.of("results", rows)))
        .exchange()
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat(d.toString()).startsWith("Форму уже изменили (версия 1)"));

    // «Сдать отчёт» with problems: 422 listing them all, still a draft.
    action(school, form.getId(), "submit", 1)
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors.length()")
        .isEqualTo(3);
    assertThat(response(school, form.getId(), "").getStatus()).isEqualTo(FormResponseStatus.DRAFT);

    List<Map<String, String>> fixed =
        List.of(
            row("4а", "10001", "1", "1", "2", "2", "edu640001"),
            row("4а", "10002", "2", "0", "1", "1", null));
    FormsFixture.save(school, form.getId(), 1, Map.of("results", fixed));
    Instant pressed = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    clock.set(pressed);
    FormResponse submitted =
        action(school, form.getId(), "submit", 2)
            .expectStatus()
            .isOk()
            .expectBody(FormResponse.class)
            .returnResult()
            .getResponseBody();
    assertThat(submitted.getStatus()).isEqualTo(FormResponseStatus.SUBMITTED);
    assertThat(submitted.getSubmittedAt().toInstant()).isEqualTo(pressed);
    assertThat(submitted.getSubmissions()).isEqualTo(1);
    assertThat(submitted.getEditable()).isFalse();

    // A submitted report is changed only after «Редактировать».
    school
        .put()
        .uri("/api/forms/" + form.getId() + "/response")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("version", submitted.getVersion(), "sheets", Map.of("results", fixed)))
        .exchange()
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat(d.toString()).startsWith("Отчёт сдан: нажмите «Редактировать»"));

    FormResponse reopened =
        action(school, form.getId(), "reopen", submitted.getVersion())
            .expectStatus()
            .isOk()
            .expectBody(FormResponse.class)
            .returnResult()
            .getResponseBody();
    assertThat(reopened.getStatus()).isEqualTo(FormResponseStatus.DRAFT);
    List<Map<String, String>> changed =
        List.of(
            row("4а", "10001", "1", "1", "2", "1", "edu640001"),
            row("4б", "10004", "3", "0", "0", "0", null));
    FormResponse second =
        FormsFixture.save(school, form.getId(), reopened.getVersion(), Map.of("results", changed));
    action(school, form.getId(), "submit", second.getVersion()).expectStatus().isOk();

    List<FormResponseVersionSummary> versions =
        school
            .get()
            .uri("/api/forms/" + form.getId() + "/response/versions")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBodyList(FormResponseVersionSummary.class)
            .returnResult()
            .getResponseBody();
    assertThat(versions).extracting(FormResponseVersionSummary::getNumber).containsExactly(2, 1);
    assertThat(versions).extracting(FormResponseVersionSummary::getRows).containsExactly(2, 2);
    version(school, form.getId(), 1).jsonPath("$.sheets.results[1].code").isEqualTo("10002");

    FormComparison comparison =
        school
            .get()
            .uri("/api/forms/" + form.getId() + "/response/compare?from=1&to=2")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(FormComparison.class)
            .returnResult()
            .getResponseBody();
    assertThat(comparison.getChanges())
        .extracting(FormChange::getRow, c -> c.getKind().getValue(), FormChange::getColumn)
        .containsExactlyInAnyOrder(
            tuple("10001", "CHANGED", "task_3"),
            tuple("10001", "CHANGED", "total"),
            tuple("10002", "REMOVED", null),
            tuple("10004", "ADDED", null));

    // The event is in the outbox, in the transaction of each submission.
    assertThat(
            db.sql(
                    "select count(*) as n from outbox where topic = 'forms.FormSubmitted'"
                        + " and (payload ->> 'formId')::bigint = :f")
                .bind("f", form.getId())
                .map(r -> r.get("n", Long.class))
                .one()
                .block())
        .isEqualTo(2);
  }

  @Test
  void aDraftWithASheetTheFormDoesNotHaveIsRefusedNamingTheSheet() {
    Campaign campaign = campaign("Формы: чужой лист");
    FormDefinition form = fixture.form(campaign.getId(), FormsFixture.RESULTS, "results");
    WebTestClient school = as("edu640001");
    List<Map<String, String>> rows = List.of(row("4а", "10001", "1", "1", "1", "1", null));

    school
        .put()
        .uri("/api/forms/" + form.getId() + "/response")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("version", 0, "sheets", Map.of("results", rows, "resutls", rows)))
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("В форме нет листа «resutls»: ничего не сохранено")
        .jsonPath("$.errors[0].field")
        .isEqualTo("sheets.resutls");

    FormResponse nothingSaved = response(school, form.getId(), "");
    assertThat(nothingSaved.getStatus()).isEqualTo(FormResponseStatus.NOT_STARTED);
    assertThat(nothingSaved.getVersion()).isZero();
  }

  @Test
  void afterTheStageClosesNothingChangesAndThePreviousVersionStays() {
    Campaign campaign = campaign("Формы: этап закрыт");
    FormDefinition form = fixture.form(campaign.getId(), FormsFixture.RESULTS, "results");
    WebTestClient school = as("edu640001");
    List<Map<String, String>> rows = List.of(row("4а", "10001", "1", "1", "1", "1", null));
    FormResponse draft = FormsFixture.save(school, form.getId(), 0, Map.of("results", rows));
    FormResponse submitted =
        action(school, form.getId(), "submit", draft.getVersion())
            .expectStatus()
            .isOk()
            .expectBody(FormResponse.class)
            .returnResult()
            .getResponseBody();

    clock.set(fixture.closes().plusSeconds(1));
    action(school, form.getId(), "reopen", submitted.getVersion())
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat(d.toString()).contains("завершён"));
    school
        .put()
        .uri("/api/forms/" + form.getId() + "/response")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            Map.of("version", submitted.getVersion(), "sheets", Map.of("results", List.of())))
        .exchange()
        .expectStatus()
        .isEqualTo(409);

    FormResponse after = response(school, form.getId(), "");
    assertThat(after.getStatus()).isEqualTo(FormResponseStatus.SUBMITTED);
    assertThat(after.getSheets().get("results")).hasSize(1);
    assertThat(after.getEditable()).isFalse();
    assertThat(after.getWindow().getOpen()).isFalse();
  }

  @Test
  void responsesAreReadAboveAndWrittenOnlyByTheRespondent() {
    Campaign campaign = campaign("Формы: доступ");
    FormDefinition form = fixture.form(campaign.getId(), FormsFixture.RESULTS, "results");
    long id = form.getId();

    // Another school's response does not exist for a school.
    as("edu640001")
        .get()
        .uri("/api/forms/" + id + "/response?organization=edu640002")
        .exchange()
        .expectStatus()
        .isNotFound();
    // A coordinator reads it (not started yet), but may not fill it in.
    FormResponse seen = response(as("region64"), id, "?organization=edu640001");
    assertThat(seen.getEditable()).isFalse();
    as("region64")
        .put()
        .uri("/api/forms/" + id + "/response?organization=edu640001")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("version", 0, "sheets", Map.of()))
        .exchange()
        .expectStatus()
        .isForbidden();
    // The Engels coordinator does not oversee a Saratov school.
    as("mun64-engels")
        .get()
        .uri("/api/forms/" + id + "/response?organization=edu640001")
        .exchange()
        .expectStatus()
        .isNotFound();
    // A school outside the published sample is not a respondent.
    as("region64")
        .get()
        .uri("/api/forms/" + id + "/response?organization=edu640003")
        .exchange()
        .expectStatus()
        .isNotFound();

    List<FormSummary> forms =
        as("edu640001")
            .get()
            .uri("/api/campaigns/" + campaign.getId() + "/forms")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBodyList(FormSummary.class)
            .returnResult()
            .getResponseBody();
    assertThat(forms)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.getMyStatus()).isEqualTo(FormResponseStatus.NOT_STARTED);
              assertThat(f.getWindow().getOpen()).isTrue();
              assertThat(f.getWindow().getTimeZone()).isEqualTo("Europe/Saratov");
            });
  }

  @Test
  void protocol2RowsArePrefilledPerPointAndTheRowRulesApply() throws Exception {
    Campaign campaign = campaign("Формы: протокол 2");
    FormDefinition form = fixture.form(campaign.getId(), FormsFixture.PROTOCOL2, "protocol2");
    fixture.kits(form.getId(), "edu640001", "501501", "501502", "501503");
    WebTestClient school = as("edu640001");

    FormResponse fresh = response(school, form.getId(), "");
    assertThat(fresh.getSheets().get("kits"))
        .extracting(r -> r.get("kit"))
        .containsExactly("501501", "501502", "501503");

    FormResponse draft =
        FormsFixture.save(
            school,
            form.getId(),
            0,
            Map.of(
                "kits",
                List.of(
                    Map.of("kit", "501501", "comment", "использован", "school", "edu640021"),
                    Map.of("kit", "501502", "comment", "испорчен", "school", "edu640002"),
                    Map.of("kit", "501503", "comment", "использован"))));
    assertThat(draft.getProblems())
        .extracting(ProblemError::getRow, ProblemError::getColumn)
        .containsExactlyInAnyOrder(tuple(2, "school"), tuple(3, "school"));

    // «Сформировать excel шаблон»: the kit numbers pre-filled, what was typed kept.
    byte[] xlsx =
        school
            .get()
            .uri("/api/forms/" + form.getId() + "/response/template")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = workbook.getSheet("Протокол 2");
      DataFormatter format = new DataFormatter();
      assertThat(format.formatCellValue(sheet.getRow(1).getCell(0))).isEqualTo("501501");
      assertThat(format.formatCellValue(sheet.getRow(3).getCell(0))).isEqualTo("501503");
      assertThat(format.formatCellValue(sheet.getRow(1).getCell(1))).isEqualTo("использован");
    }

    // Kit numbers must be unique per point, and the point must fill the form.
    client
        .put()
        .uri("/api/forms/" + form.getId() + "/prefill")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            Map.of(
                "sheet",
                "kits",
                "organizations",
                List.of(
                    Map.of(
                        "organization",
                        "edu640002",
                        "rows",
                        List.of(Map.of("kit", "1"), Map.of("kit", "1"))),
                    Map.of("organization", "edu640003", "rows", List.of(Map.of("kit", "2"))))))
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[*].message")
        .value(
            m ->
                assertThat(m.toString())
                    .contains("Значение «1» повторяется")
                    .contains("«edu640003» не заполняет эту форму"));
  }

  @Test
  void theMunicipalAnalysisListsTheMunicipalitysSampledSchools() {
    Campaign campaign = campaign("Формы: анализ объективности");
    FormDefinition form = fixture.form(campaign.getId(), FormsFixture.OBJECTIVITY, "objectivity");
    WebTestClient engels = as("mun64-engels");

    FormResponse fresh = response(engels, form.getId(), "");
    assertThat(fresh.getRespondent().getMunicipalityId()).isNotNull();
    assertThat(fresh.getSheets().get("schools"))
        .extracting(r -> r.get("login"))
        .containsExactly("edu640021");

    FormResponse draft =
        FormsFixture.save(
            engels,
            form.getId(),
            0,
            Map.of("schools", List.of(Map.of("login", "edu640021", "signs", "да"))));
    assertThat(draft.getProblems()).extracting(ProblemError::getColumn).containsExactly("measures");
    FormResponse fixed =
        FormsFixture.save(
            engels,
            form.getId(),
            1,
            Map.of(
                "schools",
                List.of(Map.of("login", "edu640021", "signs", "да", "measures", "Перепроверка"))));
    action(engels, form.getId(), "submit", fixed.getVersion()).expectStatus().isOk();

    // A school never fills a municipal form.
    as("edu640021")
        .get()
        .uri("/api/forms/" + form.getId() + "/response")
        .exchange()
        .expectStatus()
        .isNotFound();
    FormMonitoringPage page = monitoring(as("region64"), form.getId(), "");
    assertThat(page.getSubmitted()).isEqualTo(1);
    assertThat(page.getItems())
        .filteredOn(i -> i.getStatus() == FormResponseStatus.SUBMITTED)
        .singleElement()
        .satisfies(i -> assertThat(i.getRespondent().getName()).contains("Энгельс"));
  }

  @Test
  void monitoringCountsTheRespondentsInScopeAndExportsThem() throws Exception {
    Campaign campaign =
        fixture.campaign(
            "Формы: мониторинг",
            fixture.opens(),
            fixture.closes(),
            "edu640001",
            "edu640002",
            "edu640021",
            "edu020001");
    FormDefinition form = fixture.form(campaign.getId(), FormsFixture.RESULTS, "results");
    List<Map<String, String>> rows = List.of(row("4а", "10001", "1", "1", "1", "1", null));
    FormResponse draft =
        FormsFixture.save(as("edu640001"), form.getId(), 0, Map.of("results", rows));
    action(as("edu640001"), form.getId(), "submit", draft.getVersion()).expectStatus().isOk();
    FormsFixture.save(as("edu640021"), form.getId(), 0, Map.of("results", rows));

    FormMonitoringPage federal = monitoring(client, form.getId(), "");
    assertThat(federal.getTotal()).isEqualTo(4);
    assertThat(List.of(federal.getNotStarted(), federal.getDraft(), federal.getSubmitted()))
        .containsExactly(2, 1, 1);

    FormMonitoringPage region = monitoring(as("region64"), form.getId(), "?status=NOT_STARTED");
    assertThat(region.getItems())
        .extracting(i -> i.getRespondent().getOrganizationLogin())
        .containsExactly("edu640002");
    FormMonitoringPage engels = monitoring(as("mun64-engels"), form.getId(), "");
    assertThat(engels.getItems())
        .extracting(i -> i.getRespondent().getOrganizationLogin(), i -> i.getStatus())
        .containsExactly(tuple("edu640021", FormResponseStatus.DRAFT));
    as("region64")
        .get()
        .uri("/api/forms/" + form.getId() + "/monitoring?regionCode=02")
        .exchange()
        .expectStatus()
        .isNotFound();
    as("edu640001")
        .get()
        .uri("/api/forms/" + form.getId() + "/monitoring")
        .exchange()
        .expectStatus()
        .isForbidden();

    byte[] xlsx =
        as("region64")
            .get()
            .uri("/api/forms/" + form.getId() + "/monitoring/export")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = workbook.getSheet(MonitoringWorkbook.SHEET);
      DataFormatter format = new DataFormatter();
      assertThat(format.formatCellValue(sheet.getRow(3).getCell(2))).isEqualTo("Логин");
      List<String> lines = new java.util.ArrayList<>();
      for (int r = 4; r <= sheet.getLastRowNum(); r++) {
        lines.add(
            format.formatCellValue(sheet.getRow(r).getCell(2))
                + " "
                + format.formatCellValue(sheet.getRow(r).getCell(4)));
      }
      assertThat(lines)
          .containsExactlyInAnyOrder(
              "edu640001 Отчёт сдан", "edu640002 Не начат", "edu640021 Черновик");
    }
  }

  @Test
  void aRegionalSystemSubmitsOnceByItsIdempotencyKey() {
    Campaign campaign = campaign("Формы: отправка от имени");
    FormDefinition form = fixture.form(campaign.getId(), FormsFixture.RESULTS, "results");
    WebTestClient system = as("region64-system");
    Map<String, Object> body =
        Map.of(
            "organization",
            "edu640002",
            "sheets",
            Map.of("results", List.of(row("4а", "20001", "1", "1", "2", "2", null))));

    FormResponse first =
        submission(system, form.getId(), "key-00000001", body)
            .expectStatus()
            .isCreated()
            .expectHeader()
            .valueEquals("Idempotent-Replayed", "false")
            .expectBody(FormResponse.class)
            .returnResult()
            .getResponseBody();
    assertThat(first.getStatus()).isEqualTo(FormResponseStatus.SUBMITTED);
    assertThat(first.getSheets().get("results").get(0)).containsEntry("total", "5");

    FormResponse replay =
        submission(system, form.getId(), "key-00000001", body)
            .expectStatus()
            .isCreated()
            .expectHeader()
            .valueEquals("Idempotent-Replayed", "true")
            .expectBody(FormResponse.class)
            .returnResult()
            .getResponseBody();
    assertThat(replay.getVersion()).isEqualTo(first.getVersion());
    assertThat(replay.getSubmissions()).isEqualTo(1);

    Map<String, Object> other =
        Map.of(
            "organization",
            "edu640002",
            "sheets",
            Map.of("results", List.of(row("4а", "20001", "1", "0", "0", "0", null))));
    submission(system, form.getId(), "key-00000001", other).expectStatus().isEqualTo(409);

    // Invalid content: 422, nothing saved.
    Map<String, Object> wrong =
        Map.of(
            "organization",
            "edu640001",
            "sheets",
            Map.of("results", List.of(row("4а", "20002", "9", "1", "2", "2", null))));
    submission(system, form.getId(), "key-00000002", wrong).expectStatus().isEqualTo(422);
    assertThat(response(as("edu640001"), form.getId(), "").getStatus())
        .isEqualTo(FormResponseStatus.NOT_STARTED);

    // A system of another region does not see the school; coordinators do not submit.
    identity.setApiClient("region02-forms", "Система региона 02", "02", "region02-secret").block();
    submission(
            withToken(clientToken("region02-forms", "region02-secret")),
            form.getId(),
            "key-00000003",
            body)
        .expectStatus()
        .isNotFound();
    submission(as("region64"), form.getId(), "key-00000004", body).expectStatus().isForbidden();
  }

  @Test
  void concurrentDuplicatesOfASubmissionMakeOneVersion() throws Exception {
    Campaign campaign = campaign("Формы: одновременные отправки");
    FormDefinition form = fixture.form(campaign.getId(), FormsFixture.RESULTS, "results");
    WebTestClient system = as("region64-system");
    Map<String, Object> body =
        Map.of(
            "organization",
            "edu640021",
            "sheets",
            Map.of("results", List.of(row("4а", "30001", "1", "1", "1", "1", null))));
    var results =
        reactor.core.publisher.Flux.range(0, 4)
            .flatMap(
                i ->
                    reactor.core.publisher.Mono.fromCallable(
                            () ->
                                submission(system, form.getId(), "same-key-01", body)
                                    .returnResult(String.class)
                                    .getStatus()
                                    .value())
                        .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()))
            .collectList()
            .block();
    assertThat(results).containsOnly(201);
    List<FormResponseVersionSummary> versions =
        as("region64")
            .get()
            .uri("/api/forms/" + form.getId() + "/response/versions?organization=edu640021")
            .exchange()
            .expectBodyList(FormResponseVersionSummary.class)
            .returnResult()
            .getResponseBody();
    assertThat(versions).hasSize(1);
  }

  @Test
  void subjectTasksRoundTripThroughTheCampaign() {
    Campaign campaign = campaign("Формы: задания предмета");
    client
        .get()
        .uri("/api/campaigns/" + campaign.getId())
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.subjects[1].tasks.length()")
        .isEqualTo(3)
        .jsonPath("$.subjects[1].tasks[2].maxScore")
        .isEqualTo(2);
  }

  // --- helpers

  private static Map<String, String> row(
      String grade, String code, String variant, String t1, String t2, String t3, String school) {
    Map<String, String> row = new java.util.LinkedHashMap<>();
    row.put("grade", grade);
    row.put("code", code);
    row.put("variant", variant);
    row.put("task_1", t1);
    row.put("task_2", t2);
    row.put("task_3", t3);
    if (school != null) {
      row.put("teacherSchool", school);
    }
    return row;
  }

  private static WebTestClient.ResponseSpec submission(
      WebTestClient as, long formId, String key, Map<String, Object> body) {
    return as.post()
        .uri("/api/forms/" + formId + "/submissions")
        .header("Idempotency-Key", key)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }
}
