package org.oko.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Campaign;
import org.oko.api.model.FormDefinition;
import org.oko.api.model.FormDefinitionVersion;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * What the SPA's form designer relies on (issue 19, «A form designer in the SPA»): the Excel
 * template of a definition before it is published, and a form someone has started filling gets only
 * the changes its saved responses survive — every other change named in words; the versions kept,
 * each with who published it and what changed, and an earlier one opened as it was.
 */
class FormDesignerApiTests extends ApiTest {

  @Autowired DatabaseClient db;

  private FormsFixture fixture;
  private Campaign campaign;

  @BeforeEach
  void setUp() {
    fixture = new FormsFixture(client, db);
    Instant opens = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
    Instant closes = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
    campaign = fixture.campaign("Формы: конструктор", opens, closes, "edu640001", "edu640021");
  }

  private long forms() {
    return db.sql("select count(*) as n from form_definition where campaign_id = :c")
        .bind("c", campaign.getId())
        .map(r -> r.get("n", Long.class))
        .one()
        .block();
  }

  @Test
  void aDraftsTemplateIsDownloadedBeforePublishingAndNothingIsStored() throws Exception {
    byte[] xlsx =
        client
            .post()
            .uri("/api/campaigns/" + campaign.getId() + "/forms/template-preview")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(FormsFixture.RESULTS.formatted("draft"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();

    try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      var sheet = workbook.getSheet("Результаты");
      assertThat(sheet).as("the form's sheet, by its title").isNotNull();
      List<String> headers = new ArrayList<>();
      DataFormatter text = new DataFormatter();
      for (Row row : sheet) {
        row.forEach(cell -> headers.add(text.formatCellValue(cell)));
        if (headers.contains("Код участника")) break;
      }
      // The task columns are expanded from the subject's tasks, as a published form's are.
      assertThat(headers).contains("Класс", "Код участника", "Вариант", "Сумма");
    }
    assertThat(forms()).as("a preview stores no form").isZero();

    // A draft the server would refuse gets no template either, with the reason.
    String broken =
        FormsFixture.RESULTS
            .formatted("draft")
            .replace("\"sumOf\":[\"tasks\"]", "\"sumOf\":[\"x\"]");
    client
        .post()
        .uri("/api/campaigns/" + campaign.getId() + "/forms/template-preview")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(broken)
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[0].message")
        .value(m -> assertThat(m.toString()).contains("«x»"));
  }

  @Test
  void aFormWithResponsesGetsOnlyCompatibleChangesEachOtherNamed() {
    FormDefinition form = fixture.form(campaign.getId(), FormsFixture.RESULTS, "results");
    FormsFixture.save(
        as("edu640001"),
        form.getId(),
        0,
        Map.of("results", new ArrayList<>(List.of(FormsFixture.resultRow("10001")))));

    // The teacher's school column dropped and the variant narrowed to 1–2: refused, both named.
    String incompatible =
        FormsFixture.RESULTS
            .formatted("results")
            .replaceAll(",\\s*\\{\"key\":\"teacherSchool\"[^}]*\\}", "")
            .replace("\"max\":4", "\"max\":2")
            .replaceFirst("\\{", "{\"version\":1,");
    assertThat(incompatible).doesNotContain("teacherSchool");
    client
        .put()
        .uri("/api/forms/" + form.getId())
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(incompatible)
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[*].message")
        .value(
            messages ->
                assertThat(messages.toString())
                    .contains("столбец «Логин ОО учителя»: столбец удалён")
                    .contains("столбец «Вариант»: диапазон допустимых значений сужен"));

    // A new optional column and a looser bound: published as version 2.
    String compatible =
        FormsFixture.RESULTS
            .formatted("results")
            .replace("\"max\":4", "\"max\":6")
            .replace(
                "{\"key\":\"teacherSchool\"",
                "{\"key\":\"note\",\"title\":\"Примечание\",\"type\":\"TEXT\"},\n"
                    + "          {\"key\":\"teacherSchool\"")
            .replaceFirst("\\{", "{\"version\":1,");
    FormDefinition next =
        client
            .put()
            .uri("/api/forms/" + form.getId())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(compatible)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(FormDefinition.class)
            .returnResult()
            .getResponseBody();
    assertThat(next.getVersion()).isEqualTo(2);
    assertThat(next.getSheets().get(0).getColumns()).anyMatch(c -> c.getKey().equals("note"));

    // The designer's list of versions: newest first, who published and what changed.
    List<FormDefinitionVersion> versions =
        as("edu640001")
            .get()
            .uri("/api/forms/" + form.getId() + "/versions")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBodyList(FormDefinitionVersion.class)
            .returnResult()
            .getResponseBody();
    assertThat(versions).extracting(FormDefinitionVersion::getVersion).containsExactly(2L, 1L);
    assertThat(versions).extracting(FormDefinitionVersion::getCurrent).containsExactly(true, false);
    assertThat(versions.get(0).getPublishedBy()).isEqualTo("federal");
    assertThat(versions.get(0).getPublishedByName()).isNotBlank();
    assertThat(versions.get(0).getChanges())
        .containsExactlyInAnyOrder(
            "Лист «Результаты»: добавлен столбец «Примечание»",
            "Лист «Результаты», столбец «Вариант»: диапазон изменён");
    assertThat(versions.get(1).getChanges()).isEmpty();

    // Version 1 opens as it was published, without the new column.
    FormDefinition first =
        client
            .get()
            .uri("/api/forms/" + form.getId() + "/versions/1")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(FormDefinition.class)
            .returnResult()
            .getResponseBody();
    assertThat(first.getVersion()).isEqualTo(1);
    assertThat(first.getSheets().get(0).getColumns()).noneMatch(c -> c.getKey().equals("note"));
    client
        .get()
        .uri("/api/forms/" + form.getId() + "/versions/3")
        .exchange()
        .expectStatus()
        .isNotFound();
  }
}
