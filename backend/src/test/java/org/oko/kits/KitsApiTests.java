package org.oko.kits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oko.api.model.FormDefinition;
import org.oko.api.model.FormResponse;
import org.oko.api.model.FormResponseStatus;
import org.oko.api.model.KitRange;
import org.oko.api.model.KitRangePage;
import org.oko.api.model.ParticipantCategory;
import org.oko.api.model.ProblemError;
import org.oko.forms.FormsFixture;
import org.oko.identity.IdentityAdmin;
import org.oko.platform.security.Role;
import org.oko.testing.ApiTest;
import org.oko.testing.KeysetWalk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

class KitsApiTests extends ApiTest {

  @Autowired DatabaseClient db;
  @Autowired IdentityAdmin identity;

  /** Signed in as an assessment point without a demo account: one is made for the test. */
  private WebTestClient point(String login) {
    Object[] org =
        db.sql("select id, region_code, municipality_id from organization where login = :l")
            .bind("l", login)
            .map(
                r ->
                    new Object[] {
                      r.get("id", Long.class),
                      r.get("region_code", String.class),
                      r.get("municipality_id", Long.class)
                    })
            .one()
            .block();
    identity
        .setAccount(
            login,
            "ППО " + login,
            Role.ORGANIZATION,
            (String) org[1],
            (Long) org[2],
            (Long) org[0],
            login + "-kits-test")
        .block();
    return withToken((String) passwordGrant(login, login + "-kits-test").get("access_token"));
  }

  private long campaign(String title) {
    Instant now = clock.instant();
    return new KitsFixture(client, db)
        .campaign(
            title,
            now.minus(Duration.ofDays(1)),
            now.plus(Duration.ofDays(5)),
            "edu645001",
            "edu645002",
            "edu645003",
            "edu025001")
        .getId();
  }

  private WebTestClient.ResponseSpec assign(long campaignId, String body) {
    return client
        .post()
        .uri("/api/campaigns/" + campaignId + "/kits")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  private static KitRangePage list(WebTestClient as, long campaignId, String query) {
    return as.get()
        .uri("/api/campaigns/" + campaignId + "/kits" + query)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(KitRangePage.class)
        .returnResult()
        .getResponseBody();
  }

  private static List<String> messages(WebTestClient.ResponseSpec response) {
    return response
        .expectStatus()
        .isEqualTo(422)
        .expectBody(org.oko.api.model.Problem.class)
        .returnResult()
        .getResponseBody()
        .getErrors()
        .stream()
        .map(ProblemError::getMessage)
        .toList();
  }

  @Test
  void federalAssignsRangesAndEachSeesOnlyItsScope() {
    long id = campaign("ОМК, комплекты по областям видимости");
    long k = KitsFixture.freshKits();
    List<KitRange> stored =
        assign(
                id,
                """
                {"subjectKey":"rus","ranges":[
                  {"organization":"edu645001","first":%d,"last":%d},
                  {"organization":"edu645002","first":%d,"last":%d,"category":"TEACHER"},
                  {"organization":"edu025001","first":%d,"last":%d,"category":"METHODIST"}]}
                """
                    .formatted(
                        k + 501501, k + 501530, k + 501531, k + 501560, k + 502001, k + 502030))
            .expectStatus()
            .isCreated()
            .expectBodyList(KitRange.class)
            .returnResult()
            .getResponseBody();
    assertThat(stored)
        .extracting(
            r -> r.getOrganization().getLogin(),
            KitRange::getFirst,
            KitRange::getCount,
            KitRange::getCategory)
        .containsExactly(
            tuple("edu645001", k + 501501L, 30, ParticipantCategory.TEACHER),
            tuple("edu645002", k + 501531L, 30, ParticipantCategory.TEACHER),
            tuple("edu025001", k + 502001L, 30, ParticipantCategory.METHODIST));
    assertThat(stored.get(0).getAssignedBy()).isEqualTo("federal");

    KitRangePage all = list(client, id, "");
    assertThat(all.getTotal()).isEqualTo(3);
    assertThat(all.getItems())
        .extracting(KitRange::getCategory)
        .containsExactly(
            ParticipantCategory.TEACHER,
            ParticipantCategory.TEACHER,
            ParticipantCategory.METHODIST);
    assertThat(all.getKits()).isEqualTo(90);

    KitRangePage region = list(as("region64"), id, "");
    assertThat(region.getItems())
        .extracting(r -> r.getOrganization().getLogin())
        .containsExactly("edu645001", "edu645002");
    assertThat(region.getKits()).isEqualTo(60);
    assertThat(list(as("region64"), id, "?organization=edu645002").getItems())
        .extracting(KitRange::getFirst)
        .containsExactly(k + 501531L);
    as("region64")
        .get()
        .uri("/api/campaigns/" + id + "/kits?organization=edu025001")
        .exchange()
        .expectStatus()
        .isNotFound();

    KitRangePage point = list(as("edu645001"), id, "");
    assertThat(point.getItems())
        .extracting(KitRange::getFirst, KitRange::getLast)
        .containsExactly(tuple(k + 501501L, k + 501530L));
    assertThat(list(as("edu645001"), id, "?subjectKey=math").getTotal()).isZero();

    // Another point sees none of it, and cannot ask for it.
    KitRangePage other = list(point("edu645003"), id, "");
    assertThat(other.getTotal()).isZero();
    assertThat(other.getKits()).isZero();
    point("edu645003")
        .get()
        .uri("/api/campaigns/" + id + "/kits?organization=edu645001")
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  void aWalkByKeysetSeesEveryRangeOnceWhileRangesAreAssigned() {
    long id = campaign("ОМК, комплекты по курсору");
    long k = KitsFixture.freshKits();
    KitsFixture kits = new KitsFixture(client, db);
    java.util.List<Long> assigned = new java.util.ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      String point = i % 2 == 0 ? "edu645002" : "edu645001";
      assigned.add(kits.assign(id, "rus", point, k + 501500 + 10 * i, k + 501500 + 10 * i));
    }
    String first = "/api/campaigns/" + id + "/kits?size=2";
    java.util.List<Object> walked =
        new KeysetWalk<>(
                as("region64"),
                KitRangePage.class,
                p -> p.getItems().stream().map(KitRange::getId).toList(),
                KitRangePage::getNext)
            .from(
                first + "&after=0",
                // numbered before the rest: by page numbers it pushes them all one place down
                () -> assigned.add(kits.assign(id, "rus", "edu645001", k + 501501, k + 501501)));

    assertThat(walked)
        .as("every range once, in id order, the one assigned meanwhile last")
        .containsExactlyElementsOf(assigned);
    assertThat(list(as("region64"), id, "?size=2&page=1").getItems())
        .as("by page numbers (subject, first number) the second page repeats the first's last")
        .extracting(KitRange::getFirst)
        .containsExactly(k + 501520, k + 501530);
    assertThat(list(as("region64"), id, "?size=2").getNext())
        .as("pages by number have no keyset next")
        .isNull();
  }

  @Test
  void overlappingRangesAreRefusedNamingEachClashAndNothingIsStored() {
    long id = campaign("ОМК, пересечения комплектов");
    long k = KitsFixture.freshKits();
    new KitsFixture(client, db).assign(id, "rus", "edu645001", k + 501501, k + 501530);

    List<String> errors =
        messages(
            assign(
                id,
                """
                {"subjectKey":"rus","ranges":[
                  {"organization":"edu645002","first":%d,"last":%d},
                  {"organization":"edu645003","first":%d,"last":%d},
                  {"organization":"edu645003","first":%d,"last":%d}]}
                """
                    .formatted(
                        k + 501520, k + 501540, k + 501535, k + 501545, k + 501600, k + 501610)));
    assertThat(errors)
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains(
                        "Комплекты "
                            + (k + 501501)
                            + "–"
                            + (k + 501530)
                            + " уже закреплены за edu645001")
                    .contains((k + 501520) + "–" + (k + 501540)))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains((k + 501535) + "–" + (k + 501545) + " (edu645003)")
                    .contains((k + 501520) + "–" + (k + 501540) + " (edu645002)"));
    assertThat(errors).hasSize(2);
    assertThat(list(client, id, "").getTotal()).isEqualTo(1);

    // The same numbers in another subject are another kit.
    new KitsFixture(client, db).assign(id, "math", "edu645002", k + 501501, k + 501530);
    assertThat(list(client, id, "").getKits()).isEqualTo(60);
  }

  @Test
  void badRangesAreRefusedWithTheirReason() {
    long id = campaign("ОМК, неверные диапазоны");
    assertThat(
            messages(
                assign(
                    id,
                    """
                    {"subjectKey":"rus","ranges":[
                      {"organization":"edu640001","first":1,"last":10},
                      {"organization":"edu645001","first":20,"last":11},
                      {"organization":"edu645002","first":100,"last":10100},
                      {"organization":"edu995999","first":20000,"last":20001}]}
                    """)))
        .anySatisfy(m -> assertThat(m).contains("edu640001").contains("не пункт проведения"))
        .anySatisfy(m -> assertThat(m).contains("Первый номер 20 больше последнего 11"))
        .anySatisfy(m -> assertThat(m).contains("больше 10000 комплектов"))
        .anySatisfy(m -> assertThat(m).contains("«edu995999» не найдена"))
        .hasSize(4);
    assertThat(
            messages(
                assign(
                    id,
                    """
                    {"subjectKey":"history","ranges":[
                      {"organization":"edu645001","first":1,"last":10}]}
                    """)))
        .containsExactly("Предмета «history» нет в этой кампании");
    // A point of a region outside the campaign (64 and 02).
    assertThat(
            messages(
                assign(
                    id,
                    """
                    {"subjectKey":"rus","ranges":[
                      {"organization":"edu255001","first":1,"last":10}]}
                    """)))
        .singleElement()
        .satisfies(m -> assertThat(m).contains("edu255001").contains("не участвует"));
    assertThat(list(client, id, "").getTotal()).isZero();
  }

  @Test
  void onlyTheFederalOrganizerAssignsAndTakesBack() {
    long id = campaign("ОМК, удаление диапазона");
    long k = KitsFixture.freshKits();
    long range = new KitsFixture(client, db).assign(id, "rus", "edu645001", k + 1, k + 30);
    assign(id, "{}").expectStatus().isBadRequest();
    as("region64")
        .post()
        .uri("/api/campaigns/" + id + "/kits")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            """
            {"subjectKey":"rus","ranges":[{"organization":"edu645002","first":31,"last":40}]}
            """)
        .exchange()
        .expectStatus()
        .isForbidden();
    as("region64")
        .delete()
        .uri("/api/campaigns/" + id + "/kits/" + range)
        .exchange()
        .expectStatus()
        .isForbidden();

    client
        .delete()
        .uri("/api/campaigns/" + id + "/kits/" + range)
        .exchange()
        .expectStatus()
        .isNoContent();
    assertThat(list(client, id, "").getTotal()).isZero();
    client
        .delete()
        .uri("/api/campaigns/" + id + "/kits/" + range)
        .exchange()
        .expectStatus()
        .isNotFound();
    // The numbers are free again.
    new KitsFixture(client, db).assign(id, "rus", "edu645002", k + 1, k + 30);
  }

  @Test
  void protocol2ListsExactlyThePointsKitsOfItsSubject() {
    long id = campaign("ОМК, протокол 2 из комплектов");
    KitsFixture kits = new KitsFixture(client, db);
    long k = KitsFixture.freshKits();
    kits.assign(id, "rus", "edu645001", k + 501501, k + 501503);
    kits.assign(id, "rus", "edu645001", k + 501601, k + 501602);
    kits.assign(id, "rus", "edu645002", k + 501504, k + 501530);
    kits.assign(id, "math", "edu645001", k + 601501, k + 601530);
    FormDefinition form = new FormsFixture(client, db).form(id, KitsFixture.PROTOCOL2, "p2-rus");

    FormResponse response =
        as("edu645001")
            .get()
            .uri("/api/forms/" + form.getId() + "/response")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(FormResponse.class)
            .returnResult()
            .getResponseBody();
    assertThat(response.getStatus()).isEqualTo(FormResponseStatus.NOT_STARTED);
    assertThat(response.getSheets().get("kits"))
        .extracting(row -> row.get("kit"))
        .containsExactly(
            Long.toString(k + 501501),
            Long.toString(k + 501502),
            Long.toString(k + 501503),
            Long.toString(k + 501601),
            Long.toString(k + 501602));

    // A point with no kits of the subject has an empty protocol.
    FormResponse none =
        point("edu645003")
            .get()
            .uri("/api/forms/" + form.getId() + "/response")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(FormResponse.class)
            .returnResult()
            .getResponseBody();
    assertThat(none.getSheets().getOrDefault("kits", List.of())).isEmpty();
  }

  @Test
  void kitsPrefillNeedsAPointFormWithASubjectAndAReadOnlyKey() {
    long id = campaign("ОМК, неверный протокол 2");
    String municipal =
        KitsFixture.PROTOCOL2.replace(
            "\"respondent\":\"ORGANIZATION\"", "\"respondent\":\"MUNICIPALITY\"");
    String noSubject = KitsFixture.PROTOCOL2.replace("\"subjectKey\":\"rus\",", "");
    String editableKey =
        KitsFixture.PROTOCOL2.replace("\"type\":\"TEXT\",\"readOnly\":true", "\"type\":\"TEXT\"");
    for (String body : List.of(municipal, noSubject, editableKey)) {
      client
          .post()
          .uri("/api/campaigns/" + id + "/forms")
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue(body.formatted("bad"))
          .exchange()
          .expectStatus()
          .isEqualTo(422)
          .expectBody()
          .jsonPath("$.errors[*].message")
          .value(
              (List<String> m) -> assertThat(String.join("\n", m)).containsAnyOf("KITS", "ключ"));
    }
  }
}
