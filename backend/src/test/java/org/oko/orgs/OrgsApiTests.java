package org.oko.orgs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Organization;
import org.oko.api.model.OrganizationPage;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** The organization hierarchy as a coordinator or a regional system browses it. */
class OrgsApiTests extends ApiTest {

  @Autowired OrganizationRegistryStore registry;

  @Test
  void listsTheDemoRegionsWithTheirCounts() {
    client
        .get()
        .uri("/api/regions")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.totalItems")
        .value(n -> assertThat(((Number) n).intValue()).isGreaterThanOrEqualTo(3))
        .jsonPath("$.items[?(@.code == '64')].name")
        .isEqualTo("Саратовская область")
        .jsonPath("$.items[?(@.code == '64')].timeZone")
        .isEqualTo("Europe/Saratov")
        .jsonPath("$.items[?(@.code == '64')].municipalityCount")
        .isEqualTo(4);
  }

  @Test
  void pagesOrganizationsInLoginOrder() {
    OrganizationPage first = organizations("/api/organizations?regionCode=64&size=30&page=0");
    OrganizationPage second = organizations("/api/organizations?regionCode=64&size=30&page=1");

    assertThat(first.getItems()).hasSize(30);
    assertThat(first.getTotalItems()).isGreaterThanOrEqualTo(100);
    assertThat(first.getTotalPages()).isEqualTo((int) ((first.getTotalItems() + 29) / 30));
    assertThat(first.getItems()).extracting(Organization::getLogin).isSorted();
    assertThat(first.getItems().get(29).getLogin()).isLessThan(second.getItems().get(0).getLogin());
    assertThat(first.getItems()).allMatch(o -> o.getRegionCode().equals("64"));
  }

  @Test
  void aPageBeyondTheEndIsEmptyButKeepsTheTotal() {
    OrganizationPage page = organizations("/api/organizations?regionCode=64&page=999");
    assertThat(page.getItems()).isEmpty();
    assertThat(page.getTotalItems()).isGreaterThanOrEqualTo(100);
  }

  @Test
  void refusesAPageSizeAboveTheMaximum() {
    client
        .get()
        .uri("/api/organizations?size=101")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(400)
        .jsonPath("$.errors[0].field")
        .isEqualTo("size")
        .jsonPath("$.detail")
        .value(containsString("size"))
        .jsonPath("$.detail")
        .value(containsString("100"));
  }

  @Test
  void namesTheParameterThatIsNotANumber() {
    client
        .get()
        .uri("/api/organizations?municipalityId=abc")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("municipalityId")
        .jsonPath("$.trace")
        .doesNotExist()
        .jsonPath("$.exception")
        .doesNotExist();
  }

  @Test
  void refusesAnUnknownKind() {
    client
        .get()
        .uri("/api/organizations?kind=UNIVERSITY")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("kind");
  }

  @Test
  void refusesAMalformedRegionCode() {
    client
        .get()
        .uri("/api/regions/6a")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("regionCode");
  }

  @Test
  void refusesContradictoryMunicipalityFilters() {
    client
        .get()
        .uri("/api/organizations?municipalityId=1&withoutMunicipality=true")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("withoutMunicipality");
  }

  @Test
  void unknownIdsAnswer404ProblemsInRussian() {
    for (String uri :
        new String[] {
          "/api/regions/99",
          "/api/regions/99/tree",
          "/api/organizations/987654321",
          "/api/municipalities/987654321"
        }) {
      client
          .get()
          .uri(uri)
          .exchange()
          .expectStatus()
          .isNotFound()
          .expectHeader()
          .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody()
          .jsonPath("$.status")
          .isEqualTo(404)
          .jsonPath("$.detail")
          .value(containsString("не найден"));
    }
  }

  @Test
  void findsAnOrganizationByItsLoginOrItsBeginning() {
    OrganizationPage exact = organizations("/api/organizations?q=EDU640001");
    assertThat(exact.getItems()).extracting(Organization::getLogin).containsExactly("edu640001");
    assertThat(exact.getItems().get(0).getRegionName()).isEqualTo("Саратовская область");

    OrganizationPage prefix = organizations("/api/organizations?q=spo02&size=100");
    assertThat(prefix.getItems())
        .isNotEmpty()
        .allMatch(o -> o.getLogin().startsWith("spo02"))
        .allMatch(o -> o.getKind().getValue().equals("COLLEGE"));
  }

  @Test
  void searchesNamesCaseInsensitivelyAndTreatsWildcardsLiterally() {
    OrganizationPage lyceums = organizations("/api/organizations?q=лицей&regionCode=64&size=100");
    assertThat(lyceums.getItems())
        .isNotEmpty()
        .allMatch(o -> o.getName().toLowerCase().contains("лицей"));

    for (String wildcard : new String[] {"%", "_", "\\"}) {
      OrganizationPage page =
          client
              .get()
              .uri(b -> b.path("/api/organizations").queryParam("q", "{q}").build(wildcard))
              .exchange()
              .expectStatus()
              .isOk()
              .expectBody(OrganizationPage.class)
              .returnResult()
              .getResponseBody();
      assertThat(page.getItems()).as("search for %s", wildcard).isEmpty();
    }
  }

  @Test
  void filtersByKindAndByMissingMunicipality() {
    OrganizationPage colleges =
        organizations("/api/organizations?regionCode=02&kind=COLLEGE&size=100");
    assertThat(colleges.getItems())
        .isNotEmpty()
        .allMatch(o -> o.getKind().getValue().equals("COLLEGE"))
        .allMatch(o -> o.getLogin().startsWith("spo02"));

    OrganizationPage orphans =
        organizations("/api/organizations?regionCode=02&withoutMunicipality=true&size=100");
    assertThat(orphans.getItems()).isNotEmpty().allMatch(o -> o.getMunicipalityId() == null);
  }

  @Test
  void theRegionTreeCountsEveryOrganizationOfTheRegionOnce() {
    client
        .get()
        .uri("/api/regions/25/tree")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.region.code")
        .isEqualTo("25")
        .jsonPath("$.municipalities.length()")
        .isEqualTo(4)
        .jsonPath("$.municipalities[*].organizationCount")
        .value(everyItem(greaterThanOrEqualTo(1)))
        .jsonPath("$.withoutMunicipality.name")
        .isEqualTo("Без муниципалитета")
        .jsonPath("$.withoutMunicipality.byKind[*].kind")
        .value(hasItem("SCANNING_CENTRE"));

    var tree =
        client
            .get()
            .uri("/api/regions/25/tree")
            .exchange()
            .expectBody(org.oko.api.model.RegionTree.class)
            .returnResult()
            .getResponseBody();
    int inTree =
        tree.getMunicipalities().stream().mapToInt(n -> n.getOrganizationCount()).sum()
            + tree.getWithoutMunicipality().getOrganizationCount();
    assertThat(inTree).isEqualTo(tree.getRegion().getOrganizationCount());
  }

  @Test
  void readsAMunicipalityAndAnOrganizationOfIt() {
    OrganizationPage page = organizations("/api/organizations?q=edu640001");
    Organization school = page.getItems().get(0);

    client
        .get()
        .uri("/api/organizations/{id}", school.getId())
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.login")
        .isEqualTo("edu640001")
        .jsonPath("$.kind")
        .isEqualTo("SCHOOL")
        .jsonPath("$.municipalityName")
        .isEqualTo(school.getMunicipalityName());

    client
        .get()
        .uri("/api/municipalities/{id}", school.getMunicipalityId())
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.regionCode")
        .isEqualTo("64")
        .jsonPath("$.organizationCount")
        .value(n -> assertThat(((Number) n).intValue()).isPositive());
  }

  @Test
  void listsMunicipalitiesOfOneRegion() {
    client
        .get()
        .uri("/api/municipalities?regionCode=02&size=2")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.items.length()")
        .isEqualTo(2)
        .jsonPath("$.totalItems")
        .isEqualTo(4)
        .jsonPath("$.totalPages")
        .isEqualTo(2)
        .jsonPath("$.items[*].regionCode")
        .value(everyItem(is("02")));
  }

  @Test
  void totalsMatchTheOrganizationsActuallyListed() {
    for (String filter :
        new String[] {
          "regionCode=25",
          "regionCode=02&withoutMunicipality=true",
          "kind=ASSESSMENT_POINT",
          "regionCode=64&q=школа"
        }) {
      OrganizationPage first = organizations("/api/organizations?" + filter + "&size=7");
      long listed = 0;
      for (int page = 0; page < first.getTotalPages(); page++) {
        listed +=
            organizations("/api/organizations?" + filter + "&size=7&page=" + page)
                .getItems()
                .size();
      }
      assertThat(listed).as(filter).isEqualTo(first.getTotalItems()).isPositive();
    }
  }

  @Test
  void aNewOrganizationCountsAtOnceInItsRegion() {
    long before = organizations("/api/organizations?regionCode=25&kind=COLLEGE").getTotalItems();

    registry
        .registerOrganization(
            new NewOrganization(
                "spo259901",
                "КГБПОУ «Приморский судостроительный колледж»",
                "COLLEGE",
                "25",
                null,
                "CITY",
                List.of("VOCATIONAL"),
                "г. Владивосток, ул. Светланская, д. 1"))
        .block(Duration.ofSeconds(10));

    assertThat(organizations("/api/organizations?regionCode=25&kind=COLLEGE").getTotalItems())
        .isEqualTo(before + 1);
    client
        .get()
        .uri("/api/regions/25/tree")
        .exchange()
        .expectBody()
        .jsonPath("$.withoutMunicipality.byKind[?(@.kind == 'COLLEGE')].count")
        .isEqualTo((int) before + 1);
  }

  private OrganizationPage organizations(String uri) {
    return client
        .get()
        .uri(uri)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(OrganizationPage.class)
        .returnResult()
        .getResponseBody();
  }
}
