package org.oko.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oko.api.model.FormMonitoringPage;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A form's monitoring reads its totals from stored tallies (V62: the sample's participants per
 * place and kind, their responses per form, place, kind and status) and cuts its pages place by
 * place. Each tally equals a fresh count after every kind of change, and every page, filter and
 * scope answers what the join it replaced answers (kept here as the reference).
 */
class FormMonitoringTallyTests extends ApiTest {

  private static final String[] SAMPLE = {
    "edu640001", "edu640002", "edu640021", "edu640022", "spo640001", "edu020001", "edu020002"
  };

  @Autowired DatabaseClient db;

  private long campaign;
  private long form;
  private final List<Runnable> restore = new ArrayList<>();

  @BeforeEach
  void setUp() {
    Instant now = Instant.now();
    clock.set(now);
    FormsFixture.WithProtocol p =
        new FormsFixture(client, db)
            .withResultsProtocol("ВПР: мониторинг из счётчиков " + UUID.randomUUID(), now, SAMPLE);
    campaign = p.campaign().getId();
    form = p.protocol().getId();
    FormsFixture.submitOneResult(as("edu640001"), form, "1001");
    FormsFixture.submitOneResult(as("edu640021"), form, "1002");
    // the schools without a demo account answer as a regional system's bulk load would: in SQL
    sql(
        """
        insert into form_response (form_id, organization_id, region_code, status,
            definition_version, updated_at, updated_by, submitted_at, submissions)
        select f.id, o.id, o.region_code,
               case when o.login = 'edu020001' then 'SUBMITTED' else 'DRAFT' end, f.version,
               now(), o.login, case when o.login = 'edu020001' then now() end,
               case when o.login = 'edu020001' then 1 else 0 end
        from form_definition f, organization o
        where f.id = :f and o.login in ('edu020001', 'edu640022', 'spo640001')
        """);
  }

  @AfterEach
  void restoreTheHierarchy() {
    restore.forEach(Runnable::run);
  }

  @Test
  void theTalliesEqualAFreshCountAfterEveryKindOfChange() {
    assertTalliesAreFresh();
    assertThat(FormsFixture.monitoring(client, form, "").getSubmitted()).isEqualTo(3);

    // status: the school's own «Редактировать», the municipality's return, a submission again
    // and the municipality's acceptance
    long version = FormsFixture.response(as("edu640001"), form).getVersion();
    FormsFixture.action(as("edu640001"), form, "reopen", version).expectStatus().isOk();
    decide("edu640021", "RETURN", "Проверьте баллы");
    assertThat(List.of(status("edu640001"), status("edu640021"))).containsExactly("DRAFT", "DRAFT");
    assertTalliesAreFresh();
    FormsFixture.submit(
        as("edu640021"), form, FormsFixture.response(as("edu640021"), form).getVersion());
    decide("edu640021", "ACCEPT", null);
    assertTalliesAreFresh();
    assertThat(FormsFixture.monitoring(client, form, "").getSubmitted()).isEqualTo(2);

    // the sample in bulk: two withdrawn (one has a response), three added (one of another kind),
    // a verification that changes no status, one selected again
    sql(
        "update sample_entry set status = 'WITHDRAWN' where campaign_id = :c and organization_id"
            + " in (select id from organization where login in ('edu640002', 'edu640021'))");
    sql(
        """
        insert into sample_entry (campaign_id, organization_id, region_code, status, participants,
            institution_type, settlement_type)
        select :c, o.id, o.region_code, 'SELECTED', 25, 'school', o.settlement_type
        from organization o
        where o.login in ('edu640003', 'edu640023')
           or o.id = (select min(id) from organization
                      where region_code = '64' and kind = 'ASSESSMENT_POINT')
        """);
    sql(
        "update sample_entry set verified_at = now(), verified_by = 'region64' where campaign_id ="
            + " :c");
    assertTalliesAreFresh();
    sql(
        "update sample_entry set status = 'SELECTED' where campaign_id = :c and organization_id"
            + " = (select id from organization where login = 'edu640021')");
    assertTalliesAreFresh();

    // a region's publication withdrawn and made again
    sql("delete from sample_publication where campaign_id = :c and region_code = '02'");
    assertTalliesAreFresh();
    assertThat(FormsFixture.monitoring(client, form, "").getTotal()).isEqualTo(6);
    sql(
        "insert into sample_publication (campaign_id, region_code, published_at, published_by)"
            + " values (:c, '02', now(), 'federal')");
    assertTalliesAreFresh();

    // a school moved to another municipality; a bulk correction of statuses
    move("edu640001", "edu640021");
    assertTalliesAreFresh();
    sql("update form_response set status = 'SUBMITTED' where form_id = :f and status = 'DRAFT'");
    assertTalliesAreFresh();

    // deletions: a response, a sample entry, the form
    sql(
        "delete from form_response where form_id = :f and organization_id"
            + " = (select id from organization where login = 'edu020001')");
    sql(
        "delete from sample_entry where campaign_id = :c and organization_id"
            + " = (select id from organization where login = 'edu640022')");
    assertTalliesAreFresh();
    assertPagesAreTheJoins();
    sql("delete from form_definition where id = :f");
    assertTalliesAreFresh();
    assertThat(responseTally()).isEmpty();
  }

  /**
   * Pages of two by number, first to past the last, every status, and the scopes of the federal
   * (also narrowed to a region), a region, a municipality and the responsible coordinator; with two
   * municipalities of the same name in different regions, whose schools interleave by login.
   */
  @Test
  void everyPageIsWhatTheJoinItReplacedAnswers() {
    String engels =
        db.sql(
                "select m.name from organization o join municipality m on m.id = o.municipality_id"
                    + " where o.login = 'edu640021'")
            .map(r -> r.get("name", String.class))
            .one()
            .block();
    long other = municipalityOf("edu020002");
    String before =
        db.sql("select name from municipality where id = :m")
            .bind("m", other)
            .map(r -> r.get("name", String.class))
            .one()
            .block();
    renameMunicipality(other, engels);
    restore.add(() -> renameMunicipality(other, before));
    assertPagesAreTheJoins();
  }

  private void assertPagesAreTheJoins() {
    long engels = municipalityOf("edu640021");
    Map<String, Predicate<Line>> scopes = new LinkedHashMap<>();
    scopes.put("federal", l -> true);
    scopes.put("region64", l -> l.region().equals("64"));
    scopes.put("mun64-engels", l -> l.municipality() != null && l.municipality() == engels);
    scopes.put("resp64", l -> l.region().equals("64") && l.municipality() == null);
    List<Line> all = reference();
    for (var scope : scopes.entrySet()) {
      WebTestClient as = scope.getKey().equals("federal") ? client : as(scope.getKey());
      for (String status : new String[] {null, "NOT_STARTED", "DRAFT", "SUBMITTED"}) {
        List<String> expected =
            all.stream()
                .filter(scope.getValue())
                .filter(l -> status == null || l.status().equals(status))
                .map(Line::text)
                .toList();
        assertPages(as, status == null ? "" : "&status=" + status, expected, scope.getKey());
      }
    }
    List<String> region02 =
        all.stream().filter(l -> l.region().equals("02")).map(Line::text).toList();
    assertPages(client, "&regionCode=02", region02, "federal, region 02");
    assertThat(region02).isNotEmpty();
  }

  private void assertPages(WebTestClient as, String query, List<String> expected, String who) {
    List<String> paged = new ArrayList<>();
    for (int page = 0; page <= expected.size() / 2 + 1; page++) {
      FormMonitoringPage answer = FormsFixture.monitoring(as, form, "?size=2&page=" + page + query);
      assertThat(answer.getTotal()).as(who + query + " total").isEqualTo(expected.size());
      answer
          .getItems()
          .forEach(
              i ->
                  paged.add(
                      i.getRespondent().getOrganizationLogin()
                          + " "
                          + i.getStatus().getValue()
                          + " "
                          + i.getMunicipalityName()));
    }
    assertThat(paged).as(who + query).containsExactlyElementsOf(expected);
  }

  /** A participant's line as the join answered it, in its order. */
  private record Line(String login, String status, String region, Long municipality, String name) {
    String text() {
      return login + " " + status + " " + name;
    }
  }

  /** The statement the tallies replaced, every participant of the form's kinds, in list order. */
  private List<Line> reference() {
    return db.sql(
            """
            select o.login, coalesce(r.status, 'NOT_STARTED') as status, o.region_code,
                   o.municipality_id, m.name
            from sample_entry e
            join sample_publication sp on sp.campaign_id = e.campaign_id
                                      and sp.region_code = e.region_code
            join organization o on o.id = e.organization_id
            left join municipality m on m.id = o.municipality_id
            left join form_response r on r.form_id = :f and r.organization_id = o.id
            where e.campaign_id = :c and e.status = 'SELECTED'
              and o.kind in ('SCHOOL', 'COLLEGE')
            order by m.name nulls last, o.login
            """)
        .bind("c", campaign)
        .bind("f", form)
        .map(
            r ->
                new Line(
                    r.get("login", String.class),
                    r.get("status", String.class),
                    r.get("region_code", String.class),
                    r.get("municipality_id", Long.class),
                    r.get("name", String.class)))
        .all()
        .collectList()
        .block();
  }

  private void assertTalliesAreFresh() {
    assertThat(participantTally())
        .isEqualTo(
            lines(
                """
                select concat_ws(' ', o.region_code, o.municipality_id, o.kind, count(*))
                from sample_entry e
                join sample_publication p on p.campaign_id = e.campaign_id
                                         and p.region_code = e.region_code
                join organization o on o.id = e.organization_id
                where e.campaign_id = :c and e.status = 'SELECTED'
                group by o.region_code, o.municipality_id, o.kind
                """));
    assertThat(responseTally())
        .isEqualTo(
            lines(
                """
                select concat_ws(' ', o.region_code, o.municipality_id, o.kind, r.status, count(*))
                from form_response r
                join sample_entry e on e.campaign_id = :c and e.organization_id = r.organization_id
                                   and e.status = 'SELECTED'
                join sample_publication p on p.campaign_id = e.campaign_id
                                         and p.region_code = e.region_code
                join organization o on o.id = r.organization_id
                where r.form_id = :f
                group by o.region_code, o.municipality_id, o.kind, r.status
                """));
  }

  private List<String> participantTally() {
    return lines(
        "select concat_ws(' ', region_code, municipality_id, kind, participants)"
            + " from sample_participant_tally where campaign_id = :c and participants <> 0");
  }

  private List<String> responseTally() {
    return lines(
        "select concat_ws(' ', region_code, municipality_id, kind, status, responses)"
            + " from form_response_tally where form_id = :f and responses <> 0");
  }

  private List<String> lines(String sql) {
    return bound("select * from (" + sql + ") x(line) order by 1")
        .map(r -> r.get("line", String.class))
        .all()
        .collectList()
        .block();
  }

  private void sql(String sql) {
    bound(sql).then().block();
  }

  /** The statement with the campaign ({@code :c}) and the form ({@code :f}) it names bound. */
  private DatabaseClient.GenericExecuteSpec bound(String sql) {
    var spec = db.sql(sql);
    spec = sql.contains(":c") ? spec.bind("c", campaign) : spec;
    return sql.contains(":f") ? spec.bind("f", form) : spec;
  }

  private String status(String login) {
    return FormsFixture.response(as(login), form).getStatus().getValue();
  }

  private void decide(String organization, String action, String comment) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("action", action);
    if (comment != null) {
      body.put("comment", comment);
    }
    as("mun64-engels")
        .post()
        .uri("/api/forms/" + form + "/approvals/" + organization)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isOk();
  }

  private long municipalityOf(String login) {
    return db.sql("select municipality_id from organization where login = :l")
        .bind("l", login)
        .map(r -> r.get("municipality_id", Long.class))
        .one()
        .block();
  }

  /** Moves a school into another's municipality, and back after the test (shared demo data). */
  private void move(String login, String into) {
    long from = municipalityOf(login);
    setMunicipality(login, municipalityOf(into));
    restore.add(() -> setMunicipality(login, from));
  }

  private void setMunicipality(String login, long municipality) {
    db.sql("update organization set municipality_id = :m where login = :l")
        .bind("m", municipality)
        .bind("l", login)
        .then()
        .block();
  }

  private void renameMunicipality(long id, String name) {
    db.sql("update municipality set name = :n where id = :m")
        .bind("n", name)
        .bind("m", id)
        .then()
        .block();
  }
}
