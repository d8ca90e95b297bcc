package org.oko.orgs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Organization;
import org.oko.api.model.OrganizationPage;
import org.oko.testing.ApiTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * Keyset paging of the register (issue 23, "Conventions": «keyset (cursor) pagination on every list
 * that can pass 10 000 items, next to page/size»): a regional system follows {@code next} from the
 * first page to the last and gets every organization of its scope once, in login order, with the
 * filters it asked for kept in every next address.
 */
class OrganizationKeysetTests extends ApiTest {

  @Test
  void followingNextFromTheFirstPageGivesTheWholeScopeOnceInLoginOrder() {
    String uri = "/api/organizations?regionCode=64&size=7";
    List<String> walked = new ArrayList<>();
    long total = -1;
    int pages = 0;
    while (uri != null) {
      EntityExchangeResult<OrganizationPage> result =
          as("region64-system")
              .get()
              .uri(uri)
              .exchange()
              .expectStatus()
              .isOk()
              .expectBody(OrganizationPage.class)
              .returnResult();
      OrganizationPage page = result.getResponseBody();
      total = page.getTotalItems();
      page.getItems().forEach(o -> walked.add(o.getLogin()));
      String link = result.getResponseHeaders().getFirst(HttpHeaders.LINK);
      if (page.getNext() != null) {
        assertThat(page.getNext()).contains("regionCode=64").contains("size=7");
        assertThat(page.getNext()).doesNotContain("page=");
        assertThat(link).isEqualTo("<" + page.getNext() + ">; rel=\"next\"");
      } else {
        assertThat(link).isNull();
      }
      uri = page.getNext();
      pages++;
      assertThat(pages).as("ends").isLessThan(1000);
    }
    assertThat(walked).hasSize((int) total).doesNotHaveDuplicates();
    // The same organizations as by page numbers, in the same (login) order.
    assertThat(walked).containsExactlyElementsOf(numbered(total));
  }

  @Test
  void aPageAfterALoginStartsRightAfterIt() {
    OrganizationPage page =
        client
            .get()
            .uri("/api/organizations?regionCode=64&size=3&after=edu640001")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(OrganizationPage.class)
            .returnResult()
            .getResponseBody();
    assertThat(page.getItems()).extracting(Organization::getLogin).first().isEqualTo("edu640002");
    assertThat(page.getNext()).endsWith("after=" + page.getItems().get(2).getLogin());
  }

  /** The same scope read by page numbers, 100 at a time. */
  private List<String> numbered(long total) {
    List<String> logins = new ArrayList<>();
    for (int p = 0; p * 100L < total; p++) {
      as("region64-system")
          .get()
          .uri("/api/organizations?regionCode=64&size=100&page=" + p)
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody(OrganizationPage.class)
          .returnResult()
          .getResponseBody()
          .getItems()
          .forEach(o -> logins.add(o.getLogin()));
    }
    return logins;
  }
}
