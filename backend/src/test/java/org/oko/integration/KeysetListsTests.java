package org.oko.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.oko.api.model.AuditEvent;
import org.oko.api.model.AuditEventPage;
import org.oko.api.model.FormDefinition;
import org.oko.api.model.FormMonitoringItem;
import org.oko.api.model.FormMonitoringPage;
import org.oko.api.model.SampleEntryPage;
import org.oko.api.model.WebhookCreated;
import org.oko.forms.FormsFixture;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * Keyset paging next to page/size on the lists that pass 10 000 items at country scale (issue 23,
 * "Conventions": «keyset (cursor) pagination on every list that can pass 10 000 items»): a region's
 * system walks a list by {@code next} (and the same {@code Link: rel=next}) while it keeps growing,
 * and gets every item once — where page numbers would repeat the items that new ones push down.
 */
class KeysetListsTests extends ApiTest {

  @Autowired DatabaseClient db;

  private final List<Long> webhooks = new ArrayList<>();

  @Test
  void theAuditLogWalkedByKeysetRepeatsNothingWhileNewEventsArrive() {
    newAuditEvent(); // at least one page's worth exists below what follows
    newAuditEvent();
    newAuditEvent();
    EntityExchangeResult<AuditEventPage> first = audit("/api/audit?size=2");
    List<Long> walked = new ArrayList<>(ids(first.getResponseBody()));
    String next = first.getResponseBody().getNext();
    assertThat(next).contains("before=" + walked.get(1)).doesNotContain("page=");
    assertThat(first.getResponseHeaders().getFirst(HttpHeaders.LINK))
        .isEqualTo("<" + next + ">; rel=\"next\"");

    // Two newer events push everything down by two: page 1 by number would repeat page 0.
    newAuditEvent();
    newAuditEvent();
    AuditEventPage second = audit(next).getResponseBody();
    walked.addAll(ids(second));
    assertThat(walked).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));
    assertThat(walked)
        .as("the next two of the region's events below the first page, none skipped")
        .isEqualTo(regionsAuditIdsFrom(walked.get(0), 4));
    removeWebhooks();
  }

  @Test
  void formMonitoringWalksTheSchoolsByKeysetAndAFormOfMunicipalitiesPagesByNumberOnly() {
    FormsFixture forms = new FormsFixture(client, db);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    long campaign =
        forms
            .campaign(
                "Keyset: мониторинг " + UUID.randomUUID(),
                now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(1)),
                "edu640001",
                "edu640002",
                "edu640021")
            .getId();
    FormDefinition form = forms.form(campaign, FormsFixture.RESULTS, "results");
    String base = "/api/forms/" + form.getId() + "/monitoring?size=2";

    FormMonitoringPage first = monitoring(base + "&after=0");
    assertThat(first.getItems()).hasSize(2);
    assertThat(first.getTotal()).as("the totals are the whole set's").isEqualTo(3);
    FormMonitoringPage second = monitoring(first.getNext());
    assertThat(second.getItems()).hasSize(1);
    assertThat(second.getNext()).as("the last page has no next").isNull();
    List<Long> walked = new ArrayList<>();
    first.getItems().forEach(i -> walked.add(i.getRespondent().getOrganizationId()));
    second.getItems().forEach(i -> walked.add(i.getRespondent().getOrganizationId()));
    assertThat(walked).isSorted().doesNotHaveDuplicates();
    assertThat(walked)
        .containsExactlyInAnyOrderElementsOf(
            monitoring("/api/forms/" + form.getId() + "/monitoring?size=100").getItems().stream()
                .map(FormMonitoringItem::getRespondent)
                .map(r -> r.getOrganizationId())
                .toList());
    assertThat(monitoring(base).getNext()).as("pages by number have no keyset next").isNull();

    // The same respondents streamed for machines, in id order, resumable after an id.
    String stream = "/api/forms/" + form.getId() + "/exports/monitoring";
    List<String> lines = text("region64-system", stream + "?format=ndjson");
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith("{\"id\":" + walked.get(0) + ",");
    assertThat(lines).allSatisfy(l -> assertThat(l).contains("\"status\":\"NOT_STARTED\""));
    assertThat(text("region64-system", stream + "?format=ndjson&after=" + walked.get(0)))
        .isEqualTo(lines.subList(1, 3));
    List<String> csv = text("region64", stream + "?format=csv");
    assertThat(csv.get(0)).contains("Изменён (время региона)");
    assertThat(csv).hasSize(4).anySatisfy(l -> assertThat(l).contains("edu640021;"));

    // The campaign's sample, in login order either way: a page by number continues by keyset.
    SampleEntryPage sample =
        as("region64")
            .get()
            .uri("/api/campaigns/" + campaign + "/sample?size=2")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(SampleEntryPage.class)
            .returnResult()
            .getResponseBody();
    assertThat(sample.getNext()).endsWith("after=edu640002");
    SampleEntryPage rest =
        as("region64")
            .get()
            .uri(sample.getNext())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(SampleEntryPage.class)
            .returnResult()
            .getResponseBody();
    assertThat(rest.getItems())
        .extracting(e -> e.getOrganization().getLogin())
        .containsExactly("edu640021");
    assertThat(rest.getNext()).isNull();

    FormDefinition analysis = forms.form(campaign, FormsFixture.OBJECTIVITY, "objectivity");
    as("region64")
        .get()
        .uri("/api/forms/" + analysis.getId() + "/monitoring?after=0")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("по номерам страниц"));
  }

  private List<String> text(String login, String uri) {
    byte[] body =
        as(login)
            .get()
            .uri(uri)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    String all = new String(body, java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "");
    return java.util.Arrays.stream(all.split("\r?\n")).filter(l -> !l.isBlank()).toList();
  }

  private EntityExchangeResult<AuditEventPage> audit(String uri) {
    return as("region64")
        .get()
        .uri(uri)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(AuditEventPage.class)
        .returnResult();
  }

  private FormMonitoringPage monitoring(String uri) {
    return as("region64")
        .get()
        .uri(uri)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(FormMonitoringPage.class)
        .returnResult()
        .getResponseBody();
  }

  private static List<Long> ids(AuditEventPage page) {
    return page.getItems().stream().map(AuditEvent::getId).toList();
  }

  private List<Long> regionsAuditIdsFrom(long first, int n) {
    return db.sql(
            "select id from audit_event where region_code = '64' and id <= :first"
                + " order by id desc limit :n")
        .bind("first", first)
        .bind("n", n)
        .map(r -> r.get("id", Long.class))
        .all()
        .collectList()
        .block();
  }

  /** Registering a webhook is audited in the region. */
  private void newAuditEvent() {
    WebhookCreated created =
        as("region64")
            .post()
            .uri("/api/webhooks")
            .bodyValue(
                Map.of(
                    "url",
                    "http://localhost:9/keyset-" + UUID.randomUUID(),
                    "eventTypes",
                    List.of("forms.FormSubmitted")))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(WebhookCreated.class)
            .returnResult()
            .getResponseBody();
    webhooks.add(created.getWebhook().getId());
  }

  private void removeWebhooks() {
    webhooks.forEach(id -> as("region64").delete().uri("/api/webhooks/" + id).exchange());
  }
}
