package org.oko.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Campaign;
import org.oko.api.model.Change;
import org.oko.api.model.ChangePage;
import org.oko.testing.ApiTest;
import org.oko.testing.ChangeFeed;
import org.oko.testing.TestCampaigns;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A region's own stage window reaches its regional system through the change feed (issue 20's
 * windows in issue 23's feed): one {@code campaigns.RegionalWindowsChanged} per region, with the
 * region's moments and the URL to read, and only the region's own.
 */
class RegionalWindowsChangeFeedTests extends ApiTest {

  private static final String TYPE = "campaigns.RegionalWindowsChanged";

  @Test
  void settingAndClearingARegionsWindowIsInThatRegionsFeedOnly() {
    Campaign campaign =
        TestCampaigns.create(client, "ВПР: окна в ленте " + UUID.randomUUID(), "64", "02", "25");
    campaign =
        TestCampaigns.schedule(
            client,
            campaign,
            "CONDUCT",
            Instant.parse("2027-04-10T05:00:00Z"),
            Instant.parse("2027-04-30T15:00:00Z"));
    String uri = "/api/campaigns/" + campaign.getId() + "/stages/CONDUCT/regional-windows";
    // pages of 100: the shared test context's feed holds every other test's events, and a page
    // of 1 000 passes the test client's 256 KiB buffer
    String start = ChangeFeed.head(as("region64-system"), 100, null);
    String federalStart = ChangeFeed.head(client, 100, null);

    client
        .put()
        .uri(uri)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("opensLocal", "2027-04-15T08:00", "closesLocal", "2027-04-15T20:00"))
        .exchange()
        .expectStatus()
        .isOk();
    client.delete().uri(uri + "/25").exchange().expectStatus().is2xxSuccessful();

    List<Change> region64 = ours(as("region64-system"), start, campaign.getId(), 1);
    assertThat(region64).hasSize(1);
    Change set = region64.get(0);
    assertThat(set.getRegionCode()).isEqualTo("64");
    assertThat(set.getResource()).isEqualTo(uri);
    assertThat(set.getData())
        .containsEntry("stageCode", "CONDUCT")
        .containsEntry("opensAt", "2027-04-15T04:00:00Z")
        .containsEntry("changedBy", "federal");

    // The federal organizer sees every region's, the cleared one of Приморье last.
    List<Change> all = ours(client, federalStart, campaign.getId(), 4);
    assertThat(all)
        .extracting(Change::getRegionCode)
        .containsExactlyInAnyOrder("02", "25", "25", "64");
    Change cleared = all.get(all.size() - 1);
    assertThat(cleared.getRegionCode()).isEqualTo("25");
    assertThat(cleared.getData().get("opensAt")).isNull();
  }

  /** This campaign's window events after {@code cursor}, waiting until {@code expected} came. */
  private static List<Change> ours(WebTestClient as, String cursor, long campaignId, int expected) {
    List<Change> found = new ArrayList<>();
    for (int i = 0; i < 20 && found.size() < expected; i++) {
      ChangePage page = ChangeFeed.page(as, "?wait=2&types=" + TYPE + "&after=" + cursor);
      page.getItems().stream()
          .filter(c -> Long.valueOf(campaignId).equals(number(c.getData().get("campaignId"))))
          .forEach(found::add);
      cursor = page.getNext();
    }
    return found;
  }

  private static Long number(Object value) {
    return value instanceof Number n ? n.longValue() : null;
  }
}
