package org.oko.observers;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.oko.api.model.Campaign;
import org.oko.api.model.Observer;
import org.oko.api.model.ObserverAssignment;
import org.oko.api.model.ObserverCredentials;
import org.oko.logistics.LogisticsFixture;
import org.oko.testing.ApiTest;
import org.oko.testing.TestCampaigns;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A ВПР campaign whose published sample holds edu640001, edu640002 (Саратов), edu640021
 * (Энгельсский район), spo640001 (no municipality) and edu020001 (region 02), and helpers that
 * propose, accept, appoint and assign observers over the API. Public: the authorization matrix uses
 * it too.
 */
public final class ObserversFixture {

  public static final ZoneId SARATOV = ZoneId.of("Europe/Saratov");

  public interface Clients {
    WebTestClient as(String login);
  }

  private final Clients clients;
  private final LogisticsFixture sample;

  public ObserversFixture(Clients clients, DatabaseClient db) {
    this.clients = clients;
    this.sample = new LogisticsFixture(clients.as("federal"), db);
  }

  public long campaign(String title) {
    long campaign = sample.campaign(title);
    for (String login : List.of("edu640001", "edu640002", "edu640021", "spo640001", "edu020001")) {
      sample.select(campaign, login, 10, "rus-4");
    }
    sample.publish(campaign, "64");
    sample.publish(campaign, "02");
    return campaign;
  }

  public long organizationId(String login) {
    return sample.organizationId(login);
  }

  public static LocalDate today() {
    return LocalDate.ofInstant(Instant.now(), SARATOV);
  }

  /** A public observer proposed by the school signed in as {@code school}. */
  public Observer propose(String school, long campaign, String name) {
    return clients
        .as(school)
        .post()
        .uri("/api/campaigns/" + campaign + "/observers")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            Map.of(
                "kind",
                "PUBLIC",
                "fullName",
                name,
                "phone",
                "+7 900 000-00-00",
                "workplace",
                "Родительский комитет"))
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(Observer.class)
        .returnResult()
        .getResponseBody();
  }

  public Observer accept(String coordinator, long observerId) {
    return clients
        .as(coordinator)
        .post()
        .uri("/api/observers/" + observerId + "/decision")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("decision", "ACCEPT"))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Observer.class)
        .returnResult()
        .getResponseBody();
  }

  /** An independent observer appointed by region64, working at {@code workplaceLogin}. */
  public Observer appoint(long campaign, String name, String workplaceLogin) {
    return clients
        .as("region64")
        .post()
        .uri("/api/campaigns/" + campaign + "/observers")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            Map.of(
                "kind",
                "INDEPENDENT",
                "fullName",
                name,
                "workplace",
                "Учитель",
                "workplaceOrganizationId",
                organizationId(workplaceLogin)))
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(Observer.class)
        .returnResult()
        .getResponseBody();
  }

  public ObserverAssignment assign(
      String coordinator, long campaign, long observerId, String pointLogin, LocalDate day) {
    return clients
        .as(coordinator)
        .post()
        .uri("/api/campaigns/" + campaign + "/observer-assignments")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            Map.of(
                "observerId",
                observerId,
                "organizationId",
                organizationId(pointLogin),
                "day",
                day.toString(),
                "activity",
                "CONDUCT"))
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(ObserverAssignment.class)
        .returnResult()
        .getResponseBody();
  }

  /**
   * A public observer on duty today at edu640021 (Энгельсский район): a new ВПР campaign of regions
   * 64 and 02 whose sample, edu640021 alone, is published in {@code published}, its conduct stage
   * open (from three days before {@link OnDuty#now} to two days after); the observer proposed by
   * the school, accepted, assigned and given a login by mun64-engels, its password remembered.
   */
  public OnDuty onDuty(String campaignTitle, String observerName, String... published) {
    Campaign campaign = TestCampaigns.create(clients.as("federal"), campaignTitle, "64", "02");
    long id = campaign.getId();
    sample.select(id, "edu640021", 10, "rus-4");
    for (String region : published) {
      sample.publish(id, region);
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    campaign =
        TestCampaigns.schedule(
            clients.as("federal"),
            campaign,
            "CONDUCT",
            now.minus(Duration.ofDays(3)),
            now.plus(Duration.ofDays(2)));
    Observer observer = propose("edu640021", id, observerName);
    accept("mun64-engels", observer.getId());
    ObserverAssignment assignment =
        assign("mun64-engels", id, observer.getId(), "edu640021", today());
    ObserverCredentials credentials = account("mun64-engels", observer.getId());
    ApiTest.rememberPassword(credentials.getLogin(), credentials.getPassword());
    return new OnDuty(campaign, now, assignment, credentials.getLogin());
  }

  /**
   * {@link #onDuty}'s observer: the campaign as scheduled, the moment its schedule counts from, the
   * assignment and the observer's login.
   */
  public record OnDuty(
      Campaign campaign, Instant now, ObserverAssignment assignment, String login) {}

  /** Issues the observer's login; the caller remembers the password to sign in. */
  public ObserverCredentials account(String coordinator, long observerId) {
    return clients
        .as(coordinator)
        .post()
        .uri("/api/observers/" + observerId + "/account")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(ObserverCredentials.class)
        .returnResult()
        .getResponseBody();
  }
}
