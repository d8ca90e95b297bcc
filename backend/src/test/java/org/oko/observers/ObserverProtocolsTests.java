package org.oko.observers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oko.api.model.FormDefinition;
import org.oko.api.model.FormResponse;
import org.oko.api.model.Observer;
import org.oko.api.model.ObserverAct;
import org.oko.api.model.ObserverAssignment;
import org.oko.api.model.ObserverCredentials;
import org.oko.api.model.ObserverProtocol;
import org.oko.api.model.ObserverProtocolPage;
import org.oko.forms.FormsFixture;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Seed 004 9.1: «заполняет и загружает электронный протокол … в присутствии общественного
 * наблюдателя». The school records which of its observers was present (or the observer confirms);
 * the coordinators see the protocols entered without one; the observer's act names them.
 */
class ObserverProtocolsTests extends ApiTest {

  @Autowired DatabaseClient db;

  private ObserversFixture observers;
  private FormsFixture forms;
  private long campaign;
  private FormDefinition protocol;

  @BeforeEach
  void campaign() {
    observers = new ObserversFixture(this::as, db);
    forms = new FormsFixture(client, db);
    Instant now = Instant.now();
    campaign =
        forms
            .campaign(
                "ВПР, протокол и наблюдатель " + System.nanoTime(),
                now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(1)),
                "edu640021",
                "edu640001")
            .getId();
    protocol = forms.form(campaign, FormsFixture.RESULTS, "res-w" + (System.nanoTime() % 1000));
  }

  @Test
  void theSchoolRecordsThePresentObserverAndCoordinatorsSeeProtocolsEnteredWithoutOne() {
    LocalDate today = ObserversFixture.today();
    Observer observer = observers.propose("edu640021", campaign, "Свидетелева Анна Ивановна");
    observers.accept("mun64-engels", observer.getId());
    ObserverAssignment assignment =
        observers.assign("mun64-engels", campaign, observer.getId(), "edu640021", today);
    ObserverCredentials credentials = observers.account("mun64-engels", observer.getId());
    rememberPassword(credentials.getLogin(), credentials.getPassword());
    String login = credentials.getLogin();
    String witness = "/api/observer-assignments/" + assignment.getId() + "/protocols/";

    // Not before the observer is there.
    put("edu640021", witness + protocol.getId())
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("ещё не отметил «Я на месте»"));
    as(login)
        .post()
        .uri("/api/observer-assignments/" + assignment.getId() + "/presence")
        .exchange()
        .expectStatus()
        .isOk();

    // Only the school itself or the observer record it; a form that is no results protocol is 404.
    put("mun64-engels", witness + protocol.getId()).expectStatus().isForbidden();
    put("edu640001", witness + protocol.getId()).expectStatus().isNotFound();
    FormDefinition kits = forms.form(campaign, FormsFixture.PROTOCOL2, "p2-w");
    put("edu640021", witness + kits.getId()).expectStatus().isNotFound();

    ObserverProtocol recorded =
        put("edu640021", witness + protocol.getId())
            .expectStatus()
            .isOk()
            .expectBody(ObserverProtocol.class)
            .returnResult()
            .getResponseBody();
    assertThat(recorded.getWitness().getObserverName()).isEqualTo("Свидетелева Анна Ивановна");
    assertThat(recorded.getWitness().getRecordedBy().getValue()).isEqualTo("ORGANIZATION");
    assertThat(recorded.getSubmittedAt()).isNull();

    // The observer sees it on the phone and confirms it themself.
    ObserverProtocol[] onPhone =
        as(login)
            .get()
            .uri("/api/observer-assignments/" + assignment.getId() + "/protocols")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(ObserverProtocol[].class)
            .returnResult()
            .getResponseBody();
    assertThat(onPhone)
        .extracting(ObserverProtocol::getFormTitle)
        .containsExactly("Протокол результатов");
    assertThat(onPhone[0].getWitness()).isNotNull();
    ObserverProtocol confirmed =
        put(login, witness + protocol.getId())
            .expectStatus()
            .isOk()
            .expectBody(ObserverProtocol.class)
            .returnResult()
            .getResponseBody();
    assertThat(confirmed.getWitness().getRecordedBy().getValue()).isEqualTo("OBSERVER");

    // Both schools submit; edu640001 had no observer recorded.
    submit("edu640021");
    submit("edu640001");
    ObserverProtocolPage region =
        await(
            "region64", "", p -> p.getTotal() == 2 && p.getItems().get(1).getSubmittedAt() != null);
    assertThat(region.getWithoutObserver()).isEqualTo(1);
    assertThat(region.getItems().get(0).getPoint().getLogin()).isEqualTo("edu640001");
    assertThat(region.getItems().get(0).getWitness()).isNull();
    assertThat(region.getItems().get(1).getWitness().getObserverName())
        .isEqualTo("Свидетелева Анна Ивановна");
    ObserverProtocolPage without = await("region64", "?withoutObserver=true", p -> true);
    assertThat(without.getItems())
        .extracting(p -> p.getPoint().getLogin())
        .containsExactly("edu640001");
    // The municipality sees its own school only; a school only itself; an observer nothing.
    ObserverProtocolPage engels = await("mun64-engels", "", p -> p.getTotal() == 1);
    assertThat(engels.getWithoutObserver()).isZero();
    assertThat(await("edu640001", "", p -> true).getItems())
        .extracting(p -> p.getPoint().getLogin())
        .containsExactly("edu640001");
    as(login)
        .get()
        .uri("/api/campaigns/" + campaign + "/observer-protocols")
        .exchange()
        .expectStatus()
        .isForbidden();

    // The act names the protocol entered in the observer's presence.
    as(login)
        .put()
        .uri("/api/observer-assignments/" + assignment.getId() + "/act")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("violationsFound", false))
        .exchange()
        .expectStatus()
        .isOk();
    ObserverAct act =
        as("mun64-engels")
            .get()
            .uri("/api/observer-assignments/" + assignment.getId() + "/act")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(ObserverAct.class)
            .returnResult()
            .getResponseBody();
    assertThat(act.getWitnessedProtocols()).containsExactly("Протокол результатов");
  }

  @Test
  void anObserverAssignedAnotherDayIsNotRecordedPresent() {
    LocalDate tomorrow = ObserversFixture.today().plusDays(1);
    Observer observer = observers.propose("edu640021", campaign, "Завтрашний Наблюдатель");
    observers.accept("mun64-engels", observer.getId());
    ObserverAssignment assignment =
        observers.assign("mun64-engels", campaign, observer.getId(), "edu640021", tomorrow);
    put(
            "edu640021",
            "/api/observer-assignments/" + assignment.getId() + "/protocols/" + protocol.getId())
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("только в день наблюдения"));
  }

  private void submit(String school) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("grade", "4А");
    row.put("code", "1001");
    row.put("variant", "1");
    row.put("task_1", "1");
    row.put("task_2", "1");
    row.put("task_3", "0");
    WebTestClient as = as(school);
    FormResponse saved =
        FormsFixture.save(
            as, protocol.getId(), 0, Map.of("results", new ArrayList<>(List.of(row))));
    as.post()
        .uri("/api/forms/" + protocol.getId() + "/response/submit")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("version", saved.getVersion()))
        .exchange()
        .expectStatus()
        .isOk();
  }

  private WebTestClient.ResponseSpec put(String caller, String uri) {
    return as(caller).put().uri(uri).exchange();
  }

  private ObserverProtocolPage await(
      String caller, String query, Predicate<ObserverProtocolPage> done) {
    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    ObserverProtocolPage last = null;
    while (System.nanoTime() < until) {
      last =
          as(caller)
              .get()
              .uri("/api/campaigns/" + campaign + "/observer-protocols" + query)
              .exchange()
              .expectStatus()
              .isOk()
              .expectBody(ObserverProtocolPage.class)
              .returnResult()
              .getResponseBody();
      if (done.test(last)) {
        return last;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("The monitoring did not follow in 20 s: " + last);
  }
}
