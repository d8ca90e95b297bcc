package org.oko.scans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oko.api.model.MissingPages;
import org.oko.api.model.MissingPagesPage;
import org.oko.platform.blob.BlobStore;
import org.oko.platform.events.Outbox;
import org.oko.testing.ApiTest;
import org.oko.testing.KeysetWalk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Kits with some of their pages accepted and others missing, against the subject's scheme. */
class MissingPagesTests extends ApiTest {

  @Autowired DatabaseClient db;
  @Autowired BlobStore blobs;
  @Autowired Outbox outbox;
  @Autowired TransactionalOperator tx;

  long campaign;
  long point;
  long bashkirPoint;

  @BeforeEach
  void kitsWithGaps() {
    ScanFixture scans = new ScanFixture(client, db, blobs, outbox, tx);
    campaign = scans.omk("ОМК, недостающие страницы " + UUID.randomUUID()).getId();
    scans.scheme(campaign, "rus", 4);
    point = scans.organizationId("edu645001");
    bashkirPoint = scans.organizationId("edu025001");
    long batch = scans.batch(campaign, "rus", point);
    // 501501: pages 1 and 4 accepted; 501502: complete; 501503: only a failed page;
    // 501504: page 1 accepted, page 2 failed; 501505: page 3 replaced by an accepted one.
    scans.sheet(batch, 501501, 1, "ACCEPTED");
    scans.sheet(batch, 501501, 4, "ASSIGNED");
    for (int page = 1; page <= 4; page++) {
      scans.sheet(batch, 501502, page, "ACCEPTED");
    }
    scans.sheet(batch, 501503, 2, "ERROR");
    scans.sheet(batch, 501504, 1, "ACCEPTED");
    scans.sheet(batch, 501504, 2, "ERROR");
    for (int page = 1; page <= 4; page++) {
      scans.sheet(batch, 501505, page, "ACCEPTED");
    }
    scans.sheet(batch, 501505, 3, "REPLACED");
    long bashkir = scans.batch(campaign, "rus", bashkirPoint);
    scans.sheet(bashkir, 601601, 2, "ACCEPTED");
    // No scheme for math: nothing is known to be missing.
    long math = scans.batch(campaign, "math", point);
    scans.sheet(math, 701701, 1, "ACCEPTED");
  }

  private MissingPagesPage missing(String login, String query) {
    return as(login)
        .get()
        .uri("/api/campaigns/" + campaign + "/scans/missing-pages" + query)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(MissingPagesPage.class)
        .returnResult()
        .getResponseBody();
  }

  @Test
  void kitsWithSomeButNotAllPagesAcceptedAreListedWithTheirMissingPages() {
    MissingPagesPage page = missing("region64", "");

    assertThat(page.getItems())
        .extracting(MissingPages::getKitNumber)
        .containsExactly(501501L, 501504L);
    MissingPages first = page.getItems().get(0);
    assertThat(first.getMissing()).containsExactly(2, 3);
    assertThat(first.getMessage()).isEqualTo("Комплект 501501: нет страниц 2, 3 из 4");
    assertThat(first.getOrganization().getLogin()).isEqualTo("edu645001");
    assertThat(first.getSubjectKey()).isEqualTo("rus");
    assertThat(page.getItems().get(1).getMessage())
        .isEqualTo("Комплект 501504: нет страниц 2, 3, 4 из 4");
    assertThat(page.getTotal()).isEqualTo(2);
  }

  @Test
  void federalSeesEveryRegionAndFiltersByRegionOrganizationAndSubject() {
    assertThat(missing("federal", "").getTotal()).isEqualTo(3);
    MissingPages bashkir = missing("federal", "?regionCode=02").getItems().get(0);
    assertThat(bashkir.getMessage()).isEqualTo("Комплект 601601: нет страниц 1, 3, 4 из 4");
    assertThat(missing("federal", "?organizationId=" + point).getTotal()).isEqualTo(2);
    assertThat(missing("federal", "?subjectKey=math").getItems()).isEmpty();
  }

  @Test
  void pagesOfTheListKeepTheTotal() {
    MissingPagesPage second = missing("federal", "?size=2&page=1");
    MissingPagesPage beyond = missing("federal", "?size=2&page=5");

    assertThat(second.getItems()).hasSize(1);
    assertThat(second.getTotal()).isEqualTo(3);
    assertThat(beyond.getItems()).isEmpty();
    assertThat(beyond.getTotal()).isEqualTo(3);
  }

  @Test
  void aWalkByKeysetSeesEveryIncompleteKitOnceWhileSheetsAreAccepted() {
    ScanFixture scans = new ScanFixture(client, db, blobs, outbox, tx);
    List<Object> walked =
        new KeysetWalk<>(
                client,
                MissingPagesPage.class,
                p -> p.getItems().stream().map(m -> (Object) m.getKitNumber()).toList(),
                MissingPagesPage::getNext)
            .from(
                "/api/campaigns/" + campaign + "/scans/missing-pages?size=2&after=0",
                () -> {
                  // a kit before the first page's last one, and one after every other
                  scans.sheet(scans.batch(campaign, "rus", point), 501500, 1, "ACCEPTED");
                  scans.sheet(scans.batch(campaign, "rus", bashkirPoint), 601700, 1, "ACCEPTED");
                });

    assertThat(walked)
        .as("by subject and kit number, each once; the kit behind the walk is not in it")
        .containsExactly(501501L, 501504L, 601601L, 601700L);
    MissingPagesPage resumed = missing("federal", "?size=2&after=rus:501504:" + point);
    assertThat(resumed.getItems())
        .extracting(MissingPages::getKitNumber)
        .containsExactly(601601L, 601700L);
    assertThat(resumed.getTotal()).as("the whole set's total").isEqualTo(5);
    assertThat(resumed.getNext()).endsWith("after=rus:601700:" + bashkirPoint);
    as("federal")
        .get()
        .uri("/api/campaigns/" + campaign + "/scans/missing-pages?after=501504")
        .exchange()
        .expectStatus()
        .isBadRequest();
  }

  @Test
  void theScanningCentreAndThePointSeeTheirOwn() {
    assertThat(missing("scan64", "").getTotal()).isEqualTo(2);
    assertThat(missing("edu645001", "").getTotal()).isEqualTo(2);
  }

  @Test
  void aForeignRegionOrOrganizationIsNotFound() {
    for (String query :
        List.of("?regionCode=02", "?organizationId=" + bashkirPoint, "?subjectKey=history")) {
      as("region64")
          .get()
          .uri("/api/campaigns/" + campaign + "/scans/missing-pages" + query)
          .exchange()
          .expectStatus()
          .isNotFound();
    }
    as("scan64")
        .get()
        .uri("/api/campaigns/" + campaign + "/scans/missing-pages?organizationId=" + bashkirPoint)
        .exchange()
        .expectStatus()
        .isNotFound();
  }
}
