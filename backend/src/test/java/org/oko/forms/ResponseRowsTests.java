package org.oko.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oko.forms.FormsFixture.action;
import static org.oko.forms.FormsFixture.response;
import static org.oko.forms.FormsFixture.version;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Campaign;
import org.oko.api.model.FormDefinition;
import org.oko.api.model.FormResponse;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 24, part 1: a response's content is rows of their own ({@code form_response_row}, V46).
 * What a school would notice — its protocol as it typed it, every submitted version as it was — and
 * what the database writes for it: an autosave of one changed row writes one row, «Сдать отчёт»
 * copies nothing, versions share the rows that did not change.
 */
class ResponseRowsTests extends ApiTest {

  @Autowired DatabaseClient db;
  @Autowired org.springframework.transaction.ReactiveTransactionManager transactions;
  @Autowired tools.jackson.databind.json.JsonMapper json;

  private FormsFixture fixture;
  private Campaign campaign;

  @BeforeEach
  void setUp() {
    fixture = new FormsFixture(client, db);
    campaign = fixture.openCampaign("Строки протокола", "edu640001", "edu640002");
  }

  @Test
  void anAutosaveOfOneChangedRowWritesOneRowAndVersionsShareTheRest() {
    FormDefinition form = fixture.form(campaign.getId(), FormsFixture.RESULTS, "rows-autosave");
    WebTestClient school = as("edu640001");
    List<Map<String, String>> rows = rows(200, "1");

    FormResponse draft = FormsFixture.save(school, form.getId(), 0, Map.of("results", rows));
    long id = responseId(form.getId());
    assertThat(stored(id)).isEqualTo(200);
    // Small enough for the web grid: every row comes, with the counts.
    assertThat(draft.getRowsComplete()).isTrue();
    assertThat(draft.getRowCounts()).containsEntry("results", 200);
    assertThat(draft.getSheets().get("results")).hasSize(200);
    // The same rows a page at a time, in order.
    school
        .get()
        .uri("/api/forms/" + form.getId() + "/response/rows?sheet=results&offset=50&limit=10")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.total")
        .isEqualTo(200)
        .jsonPath("$.version")
        .isEqualTo(1)
        .jsonPath("$.rows.length()")
        .isEqualTo(10)
        .jsonPath("$.rows[0].code")
        .isEqualTo("20051")
        .jsonPath("$.rows[9].code")
        .isEqualTo("20060");
    school
        .get()
        .uri("/api/forms/" + form.getId() + "/response/rows?sheet=nothing")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("В форме нет листа «nothing»");

    // One cell of row 57 changed: one row is written (in place: no version sees the old one).
    List<Map<String, String>> changed = new ArrayList<>(rows);
    changed.set(56, FormsFixture.resultRow("20057"));
    changed.get(56).put("task_1", "0");
    FormResponse saved =
        FormsFixture.save(school, form.getId(), draft.getVersion(), Map.of("results", changed));
    assertThat(saved.getSheets().get("results").get(56)).containsEntry("task_1", "0");
    assertThat(stored(id)).isEqualTo(200);
    assertThat(writtenInLastGeneration(id)).isEqualTo(1);

    // «Сдать отчёт» freezes version 1 without copying a row.
    action(school, form.getId(), "submit", saved.getVersion()).expectStatus().isOk();
    assertThat(stored(id)).isEqualTo(200);

    // After «Редактировать», one changed row is one new row; version 1 keeps the old one.
    FormResponse reopened =
        action(school, form.getId(), "reopen", saved.getVersion() + 1)
            .expectStatus()
            .isOk()
            .expectBody(FormResponse.class)
            .returnResult()
            .getResponseBody();
    List<Map<String, String>> again = new ArrayList<>(changed);
    again.set(9, FormsFixture.resultRow("20010"));
    again.get(9).put("variant", "2");
    FormResponse second =
        FormsFixture.save(school, form.getId(), reopened.getVersion(), Map.of("results", again));
    assertThat(stored(id)).isEqualTo(201);
    assertThat(writtenInLastGeneration(id)).isEqualTo(1);
    action(school, form.getId(), "submit", second.getVersion()).expectStatus().isOk();
    assertThat(stored(id)).isEqualTo(201);

    version(school, form.getId(), 1)
        .jsonPath("$.sheets.results.length()")
        .isEqualTo(200)
        .jsonPath("$.sheets.results[9].variant")
        .isEqualTo("1")
        .jsonPath("$.sheets.results[56].task_1")
        .isEqualTo("0");
    version(school, form.getId(), 2)
        .jsonPath("$.sheets.results.length()")
        .isEqualTo(200)
        .jsonPath("$.sheets.results[9].variant")
        .isEqualTo("2");

    // Fewer rows: the ones gone are closed, version 2 still has them all.
    FormResponse third =
        action(school, form.getId(), "reopen", second.getVersion() + 1)
            .expectStatus()
            .isOk()
            .expectBody(FormResponse.class)
            .returnResult()
            .getResponseBody();
    FormResponse shorter =
        FormsFixture.save(
            school, form.getId(), third.getVersion(), Map.of("results", again.subList(0, 198)));
    assertThat(shorter.getSheets().get("results")).hasSize(198);
    assertThat(current(id)).isEqualTo(198);
    version(school, form.getId(), 2).jsonPath("$.sheets.results.length()").isEqualTo(200);
  }

  @Test
  void manyChangedRowsAreCopiedInWithEveryCharacterKept() {
    FormDefinition form = fixture.form(campaign.getId(), FormsFixture.RESULTS, "rows-copy");
    WebTestClient school = as("edu640001");
    // Classes with what COPY's text format escapes: backslash, tab, quotes, a line break.
    List<Map<String, String>> rows = rows(300, "1");
    rows.get(0).put("grade", "4\\а\t\"б\"");
    rows.get(299).put("grade", "4 «в»\nг");

    FormResponse draft = FormsFixture.save(school, form.getId(), 0, Map.of("results", rows));
    assertThat(draft.getSheets().get("results")).hasSize(300);
    FormResponse read = response(school, form.getId());
    assertThat(read.getSheets().get("results").get(0)).containsEntry("grade", "4\\а\t\"б\"");
    assertThat(read.getSheets().get("results").get(299)).containsEntry("grade", "4 «в»\nг");
    assertThat(read.getSheets().get("results").get(150)).containsEntry("code", "20151");

    // Every row changed: the content is replaced whole (COPY), still one row per protocol row.
    List<Map<String, String>> all = rows(300, "2");
    FormResponse replaced =
        FormsFixture.save(school, form.getId(), draft.getVersion(), Map.of("results", all));
    assertThat(replaced.getSheets().get("results").get(299)).containsEntry("variant", "2");
    assertThat(stored(responseId(form.getId()))).isEqualTo(300);
    assertThat(response(school, form.getId()).getSheets().get("results"))
        .allSatisfy(row -> assertThat(row).containsEntry("variant", "2"));
  }

  /**
   * A protocol larger than the grid (10 001 rows) is read as a summary, its rows paged — a deep
   * page as well as the first — and its Excel template is written from the stored rows a page at a
   * time, every row in it.
   */
  @Test
  void aLargeResponseIsReadAsCountsPagedAndWrittenToItsTemplateWhole() throws java.io.IOException {
    FormDefinition form = fixture.form(campaign.getId(), FormsFixture.RESULTS, "rows-large");
    WebTestClient school = as("edu640001");
    FormsFixture.save(school, form.getId(), 0, Map.of("results", rows(1, "1")));
    long id = responseId(form.getId());
    db.sql(
            """
            insert into form_response_row (response_id, sheet, position, cells, valid_from)
            select :id, 'results', g,
                   jsonb_build_object('grade', '4А', 'code', (20000 + g)::text, 'variant', '1',
                                      'task_1', '1', 'task_2', '1', 'task_3', '0', 'total', '2'),
                   r.content_gen
            from generate_series(2, 10001) g, form_response r where r.id = :id
            """)
        .bind("id", id)
        .then()
        .block();

    FormResponse read = response(school, form.getId());
    assertThat(read.getRowsComplete()).isFalse();
    assertThat(read.getRowCounts()).containsEntry("results", 10_001);
    assertThat(read.getSheets().get("results")).isEmpty();
    school
        .get()
        .uri("/api/forms/" + form.getId() + "/response/rows?sheet=results&offset=9999&limit=10")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.total")
        .isEqualTo(10_001)
        .jsonPath("$.rows.length()")
        .isEqualTo(2)
        .jsonPath("$.rows[1].code")
        .isEqualTo("30001");

    byte[] template =
        school
            .mutate()
            .codecs(c -> c.defaultCodecs().maxInMemorySize(32 << 20))
            .build()
            .get()
            .uri("/api/forms/" + form.getId() + "/response/template")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    String sheet = null;
    var file = java.nio.file.Files.createTempFile("large-template", ".xlsx");
    java.nio.file.Files.write(file, template);
    try (var zip = new java.util.zip.ZipFile(file.toFile())) {
      for (var e = zip.entries(); e.hasMoreElements(); ) {
        byte[] bytes = zip.getInputStream(e.nextElement()).readAllBytes();
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        if (text.contains(">20001<")) {
          sheet = text;
        }
      }
    } finally {
      java.nio.file.Files.delete(file);
    }
    assertThat(sheet).as("the results sheet of the template").isNotNull();
    // Every stored row, in order: the first, one at a page's edge, the last.
    assertThat(sheet).contains(">20001<", ">21000<", ">21001<", ">30001<");
    assertThat(sheet.indexOf(">21000<")).isLessThan(sheet.indexOf(">21001<"));
  }

  /**
   * V46 moved every stored response's jsonb content into rows. Run on the old shape in a scratch
   * schema, inside a transaction that is rolled back: each old version and each current content
   * reads back the same through {@code form_response_content}, and a submitted response whose
   * content is its last version is stored once, not twice.
   */
  @Test
  void aFormRemovedTakesItsResponsesRowsWithIt() {
    // V61 dropped the rows' foreign key (a lookup per copied row); a statement trigger removes a
    // response's rows with it, here through the cascade of its form, in a transaction rolled back.
    FormDefinition form = fixture.form(campaign.getId(), FormsFixture.RESULTS, "rows-removed");
    FormsFixture.save(as("edu640001"), form.getId(), 0, Map.of("results", rows(30, "1")));
    List<Long> ids =
        db.sql("select id from form_response where form_id = :f order by id")
            .bind("f", form.getId())
            .map(r -> r.get("id", Long.class))
            .all()
            .collectList()
            .block();
    assertThat(ids).hasSize(1);
    assertThat(stored(ids.get(0))).isEqualTo(30);
    var rt = org.springframework.transaction.reactive.TransactionalOperator.create(transactions);
    Long left =
        rt.<Long>execute(
                status -> {
                  status.setRollbackOnly();
                  return db.sql("delete from form_definition where id = :id")
                      .bind("id", form.getId())
                      .then()
                      .then(
                          db.sql(
                                  """
                                  select count(*) as n from form_response_row
                                  where response_id in (:ids)
                                  """)
                              .bind("ids", ids)
                              .map(r -> r.get("n", Long.class))
                              .one());
                })
            .single()
            .block(Duration.ofSeconds(30));
    assertThat(left).isZero();
    assertThat(stored(ids.get(0))).isEqualTo(30); // rolled back: the rows are there again
  }

  @Test
  void theMigrationToRowsKeepsEveryVersionAndTheCurrentContent() throws java.io.IOException {
    String migration;
    try (var in = getClass().getResourceAsStream("/db/migration/V46__form_response_rows.sql")) {
      migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    String v1 = "{\"results\":[{\"code\":\"1\",\"task_1\":\"0\"},{\"code\":\"2\"}]}";
    String v2 = "{\"results\":[{\"code\":\"1\",\"task_1\":\"1\"},{\"code\":\"2\"}]}";
    String draft =
        "{\"results\":[{\"code\":\"1\",\"task_1\":\"1\"}],\"notes\":[{\"a\":\"б\\\\t\"}]}";
    String submitted = "{\"results\":[{\"code\":\"7\"}],\"empty\":[]}";
    var rt = org.springframework.transaction.reactive.TransactionalOperator.create(transactions);
    Map<String, Object> read =
        rt.<Map<String, Object>>execute(
                status -> {
                  status.setRollbackOnly();
                  return db.sql("create schema v46_check")
                      .then()
                      .then(db.sql("set local search_path to v46_check").then())
                      .then(
                          db.sql(
                                  """
                                  create table form_response (id bigint primary key, content jsonb);
                                  create table form_response_version (response_id bigint,
                                      number integer, content jsonb);
                                  insert into form_response values (1, '%s'), (2, '%s');
                                  insert into form_response_version values
                                      (1, 1, '%s'), (1, 2, '%s'), (2, 1, '%s');
                                  """
                                      .formatted(draft, submitted, v1, v2, submitted))
                              .then())
                      .then(db.sql(migration).then())
                      .then(
                          db.sql(
                                  """
                                  select
                                    (select form_response_content(1, content_gen)::text
                                       from form_response_version
                                       where response_id = 1 and number = 1) as v1,
                                    (select form_response_content(1, content_gen)::text
                                       from form_response_version
                                       where response_id = 1 and number = 2) as v2,
                                    (select form_response_content(1, content_gen)::text
                                       from form_response where id = 1) as draft,
                                    (select form_response_content(2, content_gen)::text
                                       from form_response where id = 2) as submitted,
                                    (select content_gen from form_response where id = 2)
                                      = (select content_gen from form_response_version
                                         where response_id = 2) as shared,
                                    (select count(*) from form_response_row
                                       where response_id = 2) as rows2
                                  """)
                              .fetch()
                              .one());
                })
            .single()
            .block(Duration.ofSeconds(30));
    assertThat(json.readTree((String) read.get("v1"))).isEqualTo(json.readTree(v1));
    assertThat(json.readTree((String) read.get("v2"))).isEqualTo(json.readTree(v2));
    assertThat(json.readTree((String) read.get("draft"))).isEqualTo(json.readTree(draft));
    // An empty sheet has no rows: it reads back absent, as the readers treat a missing sheet.
    assertThat(json.readTree((String) read.get("submitted")))
        .isEqualTo(json.readTree("{\"results\":[{\"code\":\"7\"}]}"));
    assertThat(read.get("shared")).isEqualTo(true);
    assertThat(read.get("rows2")).isEqualTo(1L);
    // Rolled back: the scratch schema is gone.
    assertThat(
            db.sql("select count(*) as n from pg_namespace where nspname = 'v46_check'")
                .map(r -> r.get("n", Long.class))
                .one()
                .block())
        .isZero();
  }

  // --- helpers

  private static List<Map<String, String>> rows(int n, String variant) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      Map<String, String> row = FormsFixture.resultRow(Integer.toString(20000 + i));
      row.put("variant", variant);
      rows.add(row);
    }
    return rows;
  }

  private long responseId(long formId) {
    return db.sql("select id from form_response where form_id = :f")
        .bind("f", formId)
        .map(r -> r.get("id", Long.class))
        .one()
        .block();
  }

  /** Every row stored for the response, of any generation. */
  private long stored(long responseId) {
    return count("select count(*) as n from form_response_row where response_id = :id", responseId);
  }

  private long current(long responseId) {
    return count(
        "select count(*) as n from form_response_row where response_id = :id and valid_to is null",
        responseId);
  }

  /** Rows the last write of the content wrote (they carry its generation). */
  private long writtenInLastGeneration(long responseId) {
    return count(
        """
        select count(*) as n from form_response_row w join form_response r on r.id = w.response_id
        where w.response_id = :id and w.valid_from = r.content_gen
        """,
        responseId);
  }

  private long count(String sql, long responseId) {
    return db.sql(sql).bind("id", responseId).map(r -> r.get("n", Long.class)).one().block();
  }
}
