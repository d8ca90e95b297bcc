package org.oko.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oko.api.model.StaffAccount;
import org.oko.api.model.StaffAccountCredentials;
import org.oko.api.model.StaffAccountPage;
import org.oko.testing.ApiTest;
import org.oko.testing.KeysetWalk;
import org.oko.testing.TestRows;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Delegated account management (issue 19; seed 000_c9abf0b417e3d9bf.txt: the federal organizer
 * issues the regional coordinator's login and receives its mobile phone and e-mail; the region
 * appoints its coordinators, scanning-centre specialists, experts and observers; seed
 * 003_c72cd2feee1a719e.txt 2–3: municipal and responsible coordinators are appointed by the
 * region).
 */
class AccountAdministrationTests extends ApiTest {

  @Autowired DatabaseClient db;

  @Test
  void aRegionAppointsAMunicipalCoordinatorWhoSignsInWithThePasswordShownOnce() {
    long engels = municipalityOf("edu640021");
    StaffAccountCredentials created =
        create(
                "region64",
                "{\"login\":\"mun64-test-a\",\"displayName\":\"Петрова Анна Ивановна\","
                    + "\"role\":\"MUNICIPAL\",\"municipalityId\":"
                    + engels
                    + ",\"phone\":\"8 (912) 345-67-89\",\"email\":\"Petrova@Engels.RU\"}")
            .expectStatus()
            .isCreated()
            .expectBody(StaffAccountCredentials.class)
            .returnResult()
            .getResponseBody();
    assertThat(created.getPassword()).hasSize(10);
    StaffAccount account = created.getAccount();
    assertThat(account.getRegionCode()).isEqualTo("64");
    assertThat(account.getMunicipalityName()).isEqualTo("Энгельсский муниципальный район");
    assertThat(account.getPhone()).isEqualTo("+79123456789");
    assertThat(account.getEmail()).isEqualTo("petrova@engels.ru");
    assertThat(account.getCreatedBy()).isEqualTo("region64");

    Map<String, Object> session = passwordGrant("mun64-test-a", created.getPassword());
    withToken((String) session.get("access_token"))
        .get()
        .uri("/api/me")
        .exchange()
        .expectBody()
        .jsonPath("$.role")
        .isEqualTo("MUNICIPAL")
        .jsonPath("$.municipalityId")
        .isEqualTo(engels);

    // The contact data is visible up the hierarchy: the federal organizer finds it.
    StaffAccountPage federalView = page("federal", "/api/accounts?q=mun64-test-a");
    assertThat(federalView.getItems())
        .singleElement()
        .satisfies(a -> assertThat(a.getPhone()).isEqualTo("+79123456789"));
    // And the passwords are nowhere but in the answer.
    List<String> audit = TestRows.audit(db);
    assertThat(audit).contains("region64|account.create|mun64-test-a (MUNICIPAL)");
    assertThat(audit).noneMatch(e -> e.contains(created.getPassword()));
  }

  @Test
  void aDeactivatedAccountCannotSignInAndItsTokensStopWorkingAtOnce() {
    String password = createExpert("expert64-test-d");
    Map<String, Object> session = passwordGrant("expert64-test-d", password);
    String token = (String) session.get("access_token");
    withToken(token).get().uri("/api/me").exchange().expectStatus().isOk();

    as("region64")
        .post()
        .uri("/api/accounts/expert64-test-d/deactivate")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.active")
        .isEqualTo(false);

    withToken(token).get().uri("/api/me").exchange().expectStatus().isUnauthorized();
    assertThat(tokenRequest("grant_type=password&username=expert64-test-d&password=" + password))
        .containsEntry("error", "invalid_grant");
    assertThat(
            tokenRequest("grant_type=refresh_token&refresh_token=" + session.get("refresh_token")))
        .containsEntry("error", "invalid_grant");
    assertThat(page("region64", "/api/accounts?active=false&q=expert64-test-d").getItems())
        .extracting(StaffAccount::getLogin)
        .containsExactly("expert64-test-d");

    as("region64")
        .post()
        .uri("/api/accounts/expert64-test-d/activate")
        .exchange()
        .expectStatus()
        .isOk();
    assertThat(passwordGrant("expert64-test-d", password)).containsKey("access_token");
  }

  @Test
  void aResetPasswordReplacesTheOldOneAndSignsTheAccountOut() {
    String old = createExpert("expert64-test-r");
    Map<String, Object> session = passwordGrant("expert64-test-r", old);
    String fresh =
        as("region64")
            .post()
            .uri("/api/accounts/expert64-test-r/password-reset")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(StaffAccountCredentials.class)
            .returnResult()
            .getResponseBody()
            .getPassword();
    assertThat(fresh).isNotEqualTo(old);
    assertThat(tokenRequest("grant_type=password&username=expert64-test-r&password=" + old))
        .containsEntry("error", "invalid_grant");
    assertThat(
            tokenRequest("grant_type=refresh_token&refresh_token=" + session.get("refresh_token")))
        .containsEntry("error", "invalid_grant");
    assertThat(passwordGrant("expert64-test-r", fresh)).containsKey("access_token");
  }

  @Test
  void badContactDataAndATakenLoginAreExplainedAndCreateNothing() {
    create(
            "region64",
            "{\"login\":\"Obs 64\",\"displayName\":\" \",\"role\":\"OBSERVER\","
                + "\"phone\":\"12345\",\"email\":\"not-an-address\"}")
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("login")
        .jsonPath("$.errors[1].field")
        .isEqualTo("displayName")
        .jsonPath("$.errors[2].message")
        .value(m -> assertThat((String) m).contains("+7 9XX XXX-XX-XX"))
        .jsonPath("$.errors[3].field")
        .isEqualTo("email");

    create("region64", "{\"login\":\"region02\",\"displayName\":\"Сидоров\",\"role\":\"OBSERVER\"}")
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("Логин «region02» уже занят: выберите другой");
    // The existing account was not touched: its role and region are as before.
    assertThat(
            db.sql("select role || region_code from account where login = 'region02'")
                .map(r -> r.get(0, String.class))
                .one()
                .block())
        .isEqualTo("REGIONAL02");
  }

  @Test
  void aRegionalCoordinatorNeedsAMobileAndAnEmail() {
    create(
            "federal",
            "{\"login\":\"region64-deputy\",\"displayName\":\"Заместитель\","
                + "\"role\":\"REGIONAL\",\"regionCode\":\"64\"}")
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[0].message")
        .isEqualTo("Укажите мобильный телефон регионального координатора");
  }

  @Test
  void nobodyGrantsARoleAboveTheirOwnOrOutsideTheirScope() {
    String body = "{\"login\":\"x64-test-n\",\"displayName\":\"Иванов\",\"role\":\"%s\"%s}";
    create(
            "region64",
            body.formatted("REGIONAL", ",\"phone\":\"+79120000000\",\"email\":\"a@b.ru\""))
        .expectStatus()
        .isForbidden();
    create("region64", body.formatted("FEDERAL", "")).expectStatus().isForbidden();
    create("region64", body.formatted("OBSERVER", ",\"regionCode\":\"02\""))
        .expectStatus()
        .isNotFound();
    create(
            "region64",
            body.formatted("MUNICIPAL", ",\"municipalityId\":" + municipalityOf("edu020001")))
        .expectStatus()
        .isNotFound();
    create(
            "mun64-engels",
            body.formatted("MUNICIPAL", ",\"municipalityId\":" + municipalityOf("edu640021")))
        .expectStatus()
        .isForbidden();
    create(
            "mun64-engels",
            body.formatted("ORGANIZATION", ",\"organizationId\":" + organizationId("edu640001")))
        .expectStatus()
        .isNotFound();
    create(
            "edu640001",
            body.formatted("ORGANIZATION", ",\"organizationId\":" + organizationId("edu640001")))
        .expectStatus()
        .isForbidden();
    assertThat(
            db.sql("select count(*) from account where login = 'x64-test-n'")
                .map(r -> r.get(0, Long.class))
                .one()
                .block())
        .isZero();
  }

  @Test
  void aMunicipalityKeepsItsSchoolsStaffAndSeesOnlyItsOwnPart() {
    long engelsSchool = organizationId("edu640021");
    create(
            "mun64-engels",
            "{\"login\":\"edu640021-zavuch\",\"displayName\":\"Завуч школы\","
                + "\"role\":\"ORGANIZATION\",\"organizationId\":"
                + engelsSchool
                + "}")
        .expectStatus()
        .isCreated()
        .expectBody()
        .jsonPath("$.account.organizationId")
        .isEqualTo(engelsSchool);
    StaffAccountPage own = page("mun64-engels", "/api/accounts?size=100");
    assertThat(own.getItems())
        .extracting(StaffAccount::getLogin)
        .contains("edu640021-zavuch", "mun64-engels")
        .doesNotContain("region64", "edu640001", "resp64");
    as("mun64-engels")
        .get()
        .uri("/api/accounts?regionCode=02")
        .exchange()
        .expectStatus()
        .isNotFound();
    // A municipality cannot deactivate the region's coordinator it does not see.
    as("mun64-engels")
        .post()
        .uri("/api/accounts/region64/deactivate")
        .exchange()
        .expectStatus()
        .isNotFound();
    // Nor can the region deactivate another region's coordinator, or its own account.
    as("region64")
        .post()
        .uri("/api/accounts/region02/deactivate")
        .exchange()
        .expectStatus()
        .isNotFound();
    as("region64")
        .post()
        .uri("/api/accounts/region64/deactivate")
        .exchange()
        .expectStatus()
        .isForbidden();
  }

  @Test
  void aListPagesAndFiltersByRole() {
    StaffAccountPage scanners = page("region64", "/api/accounts?role=SCANNER&size=100");
    assertThat(scanners.getItems())
        .extracting(StaffAccount::getLogin)
        .contains("scan64")
        .doesNotContain("scan02");
    assertThat(page("federal", "/api/accounts?role=SCANNER&size=1").getTotalItems())
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void aWalkByKeysetSeesEveryAccountOnceInLoginOrderWhileOthersAreCreated() {
    String prefix = "ks" + java.util.UUID.randomUUID().toString().substring(0, 8) + "-";
    for (String last : List.of("b", "c", "d", "e", "f")) {
      createExpert(prefix + last);
    }
    String first = "/api/accounts?q=" + prefix + "&size=2";
    List<Object> walked =
        new KeysetWalk<>(
                as("region64"),
                StaffAccountPage.class,
                p -> p.getItems().stream().map(StaffAccount::getLogin).toList(),
                StaffAccountPage::getNext)
            .from(
                first,
                () -> {
                  // one before the first page's last login, one after every other
                  createExpert(prefix + "a");
                  createExpert(prefix + "g");
                });

    assertThat(walked)
        .as("every account once, in login order; the one created behind the walk is not in it")
        .containsExactly(
            prefix + "b", prefix + "c", prefix + "d", prefix + "e", prefix + "f", prefix + "g");
    // By page numbers, the second page now repeats the first page's last account.
    assertThat(page("region64", first + "&page=1").getItems())
        .extracting(StaffAccount::getLogin)
        .containsExactly(prefix + "c", prefix + "d");
  }

  private String createExpert(String login) {
    return create(
            "region64",
            "{\"login\":\"" + login + "\",\"displayName\":\"Эксперт\",\"role\":\"EXPERT\"}")
        .expectStatus()
        .isCreated()
        .expectBody(StaffAccountCredentials.class)
        .returnResult()
        .getResponseBody()
        .getPassword();
  }

  private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec create(
      String caller, String json) {
    return as(caller)
        .post()
        .uri("/api/accounts")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(json)
        .exchange();
  }

  private StaffAccountPage page(String caller, String uri) {
    return as(caller)
        .get()
        .uri(uri)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(StaffAccountPage.class)
        .returnResult()
        .getResponseBody();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> tokenRequest(String form) {
    return anonymous
        .post()
        .uri("/oauth2/token")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(BodyInserters.fromValue(form))
        .exchange()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }

  private long organizationId(String login) {
    return TestRows.organizationId(db, login);
  }

  private long municipalityOf(String login) {
    return TestRows.municipalityOf(db, login);
  }
}
