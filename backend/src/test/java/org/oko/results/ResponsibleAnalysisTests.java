package org.oko.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oko.forms.FormsFixture.action;
import static org.oko.forms.FormsFixture.monitoring;
import static org.oko.forms.FormsFixture.response;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Campaign;
import org.oko.api.model.FormMonitoringPage;
import org.oko.api.model.FormResponse;
import org.oko.api.model.FormResponseStatus;
import org.oko.forms.FormsFixture;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The responsible coordinator's «Анализ объективности» (seed 003_c72cd2feee1a719e.txt 11.4 and
 * 12–14: the municipal and the responsible coordinator analyse the results and fill the analysis of
 * objectivity): {@code resp64} fills the form for region 64's organizations without a municipality,
 * pre-filled with their objectivity signs once the region's reports are released; the municipal
 * coordinator keeps its own part, and the region sees the part in monitoring.
 */
class ResponsibleAnalysisTests extends ApiTest {

  /** The analysis with the read-only column of signs the results fill in. */
  static final String ANALYSIS =
      """
      {"code":"%s","title":"Анализ объективности","stage":"RESULTS_PROTOCOL",
       "respondent":"MUNICIPALITY","sheets":[{"key":"schools","title":"Анализ",
        "prefill":"MUNICIPALITY_SAMPLE","keyColumn":"login","columns":[
          {"key":"login","title":"Логин ОО","type":"TEXT","readOnly":true},
          {"key":"name","title":"Наименование ОО","type":"TEXT","readOnly":true},
          {"key":"flags","title":"Признаки по отчётам","type":"TEXT","readOnly":true},
          {"key":"signs","title":"Признаки необъективности","type":"ENUM","required":true,
           "options":["да","нет"]},
          {"key":"measures","title":"Принятые меры","type":"TEXT"}],
        "rules":[{"when":"signs","equals":["да"],"require":["measures"]}]}]}
      """;

  @Autowired DatabaseClient db;
  @Autowired ResultsStore store;
  @Autowired ProtocolService protocols;
  @Autowired ReleaseService releases;

  @Test
  void theResponsibleCoordinatorFillsThePrefilledAnalysisOfItsOrganizations() {
    FormsFixture fixture = new FormsFixture(client, db);
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Campaign campaign =
        fixture.campaign(
            "Анализ объективности: ответственный координатор",
            now.minus(Duration.ofDays(1)),
            now.plus(Duration.ofDays(30)),
            "edu640021",
            "spo640001");
    long c = campaign.getId();
    long form = fixture.form(c, ANALYSIS, "objectivity").getId();

    // The college under no municipality submits a protocol where 10 of 25 works are identical.
    store.putScale(c, "math-4", new int[] {2, 3, 4}, now, "test").block();
    Subject subject = store.subject(c, "math-4").block();
    long college = organization("spo640001");
    assertThat(protocols.apply(subject, college, 0, college, 1, copied(subject)).block()).isTrue();

    WebTestClient responsible = as("resp64");
    // Before the release the coordinators' reports have no signs yet: the column is empty.
    FormResponse before = response(responsible, form, "");
    assertThat(before.getSheets().get("schools"))
        .singleElement()
        .satisfies(row -> assertThat(row.get("flags")).isNullOrEmpty());

    releases.release(c, "64", "test").block();
    FormResponse fresh = response(responsible, form, "");
    assertThat(fresh.getStatus()).isEqualTo(FormResponseStatus.NOT_STARTED);
    assertThat(fresh.getRespondent().getMunicipalityId()).isNull();
    assertThat(fresh.getRespondent().getName()).contains("организации без муниципалитета");
    assertThat(fresh.getEditable()).isTrue();
    // Only its own organizations: the college, not the Engels school of the sample.
    assertThat(fresh.getSheets().get("schools"))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.get("login")).isEqualTo("spo640001");
              assertThat(row.get("flags")).contains("одинаковыми баллами");
            });

    // It confirms the sign and submits, as a municipal coordinator does.
    FormResponse draft =
        FormsFixture.save(
            responsible,
            form,
            0,
            Map.of(
                "schools",
                List.of(Map.of("login", "spo640001", "signs", "да", "measures", "Перепроверка"))));
    assertThat(draft.getProblems()).isEmpty();
    action(responsible, form, "submit", draft.getVersion()).expectStatus().isOk();
    assertThat(response(responsible, form, "").getStatus()).isEqualTo(FormResponseStatus.SUBMITTED);

    // The municipal coordinator's part is its own municipality's schools, never the college.
    FormResponse engels = response(as("mun64-engels"), form, "");
    assertThat(engels.getRespondent().getMunicipalityId()).isNotNull();
    assertThat(engels.getSheets().get("schools"))
        .extracting(r -> r.get("login"))
        .containsExactly("edu640021");
    // A municipality is not the responsible coordinator's part.
    responsible
        .get()
        .uri("/api/forms/" + form + "/response?municipalityId=" + municipality("edu640021"))
        .exchange()
        .expectStatus()
        .isNotFound();

    // The region sees the part as one more line of monitoring, submitted; resp64 sees only it.
    FormMonitoringPage region = monitoring(as("region64"), form, "?size=100");
    assertThat(region.getItems())
        .filteredOn(i -> i.getRespondent().getName().contains("без муниципалитета"))
        .singleElement()
        .satisfies(i -> assertThat(i.getStatus()).isEqualTo(FormResponseStatus.SUBMITTED));
    FormMonitoringPage own = monitoring(responsible, form, "?size=100");
    assertThat(own.getItems())
        .singleElement()
        .satisfies(i -> assertThat(i.getRespondent().getName()).contains("без муниципалитета"));
    assertThat(own.getSubmitted()).isEqualTo(1);

    // The region and the federal organizer open the part's content by naming its region (seed
    // 003 12–14: the region briefs the authorities from these analyses); the Engels coordinator
    // and another region's coordinator cannot.
    for (String coordinator : List.of("region64", "federal")) {
      FormResponse opened = response(as(coordinator), form, "?regionPart=64");
      assertThat(opened.getStatus()).isEqualTo(FormResponseStatus.SUBMITTED);
      assertThat(opened.getEditable()).isFalse();
      assertThat(opened.getRespondent().getName()).contains("организации без муниципалитета");
      assertThat(opened.getSheets().get("schools"))
          .singleElement()
          .satisfies(
              row -> {
                assertThat(row.get("login")).isEqualTo("spo640001");
                assertThat(row.get("signs")).isEqualTo("да");
                assertThat(row.get("measures")).isEqualTo("Перепроверка");
              });
      // The same part's rows a page at a time (issue 24's rows endpoint, issue 17's part).
      as(coordinator)
          .get()
          .uri("/api/forms/" + form + "/response/rows?sheet=schools&regionPart=64")
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.total")
          .isEqualTo(1)
          .jsonPath("$.rows[0].login")
          .isEqualTo("spo640001");
    }
    as("mun64-engels")
        .get()
        .uri("/api/forms/" + form + "/response?regionPart=64")
        .exchange()
        .expectStatus()
        .isNotFound();
    as("region02")
        .get()
        .uri("/api/forms/" + form + "/response?regionPart=64")
        .exchange()
        .expectStatus()
        .isNotFound();

    // The part's Excel template records its region (file name and signature sheet).
    var template =
        as("region64")
            .get()
            .uri("/api/forms/" + form + "/response/template?regionPart=64")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(byte[].class)
            .returnResult();
    assertThat(template.getResponseHeaders().getContentDisposition().getFilename())
        .endsWith("-region64.xlsx");
    assertThat(signature(template.getResponseBody())).containsEntry("regionPart", "64");
  }

  /** The pairs of the template's signature sheet (the one whose first cell is the marker). */
  private static Map<String, String> signature(byte[] xlsx) {
    try (var workbook =
        org.apache.poi.ss.usermodel.WorkbookFactory.create(
            new java.io.ByteArrayInputStream(xlsx))) {
      Map<String, String> pairs = new java.util.HashMap<>();
      for (var sheet : workbook) {
        var first = sheet.getRow(0);
        if (first == null || !"oko-form-template".equals(first.getCell(0).getStringCellValue())) {
          continue;
        }
        for (var row : sheet) {
          var value = row.getCell(1);
          pairs.put(
              row.getCell(0).getStringCellValue(), value == null ? "" : value.getStringCellValue());
        }
      }
      return pairs;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private long organization(String login) {
    return db.sql("select id from organization where login = :l")
        .bind("l", login)
        .map(r -> r.get("id", Long.class))
        .one()
        .block();
  }

  private long municipality(String login) {
    return db.sql("select municipality_id from organization where login = :l")
        .bind("l", login)
        .map(r -> r.get("municipality_id", Long.class))
        .one()
        .block();
  }

  /** 25 works of which 10 have the same score in every task. */
  private static List<Participant> copied(Subject subject) {
    List<Participant> out = new ArrayList<>();
    Random random = new Random(3);
    for (int p = 0; p < 25; p++) {
      int[] scores = {1, 2, 1};
      if (p >= 10) {
        for (int t = 0; t < scores.length; t++) {
          scores[t] = random.nextInt(subject.taskMax()[t] + 1);
        }
      }
      int total = java.util.Arrays.stream(scores).sum();
      out.add(
          new Participant(
              String.format("%05d", p + 1), "4А", 1, scores, total, subject.grade(total), null));
    }
    return out;
  }
}
