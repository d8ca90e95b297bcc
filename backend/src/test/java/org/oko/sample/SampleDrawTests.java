package org.oko.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oko.sample.SampleTestSupport.campaign;
import static org.oko.sample.SampleTestSupport.entries;
import static org.oko.sample.SampleTestSupport.entry;
import static org.oko.sample.SampleTestSupport.organizations;
import static org.oko.sample.SampleTestSupport.submit;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.oko.api.model.SampleEntry;
import org.oko.api.model.SampleStatus;
import org.oko.api.model.SampleSummary;
import org.oko.api.model.SettlementType;
import org.oko.sample.SampleTestSupport.Schedule;
import org.oko.testing.ApiTest;
import org.springframework.http.MediaType;

/** Forming the sample by rule, and who sees it before and after publication. */
class SampleDrawTests extends ApiTest {

  /**
   * All 83 demo schools of region 64 in the list: 38 in cities, 15 in towns, 30 in villages. (Other
   * tests register schools of their own, edu648xxx and edu649xxx: they are left out.)
   */
  private Schedule campaignWithWholeRegionListed() {
    Schedule s = campaign(client, "64");
    List<String> list =
        organizations(client, "64", "SCHOOL").stream()
            .filter(o -> o.getLogin().startsWith("edu6400"))
            .map(o -> entry(o.getLogin(), 25, o.getSettlementType().getValue(), "rus-4"))
            .toList();
    submit(as("region64"), s.campaignId(), "64", list).expectStatus().isOk();
    return s;
  }

  private SampleSummary draw(long campaignId, int perRegion, long seed) {
    return client
        .post()
        .uri("/api/campaigns/" + campaignId + "/sample/draw")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"perRegion\":" + perRegion + ",\"seed\":" + seed + "}")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(SampleSummary.class)
        .returnResult()
        .getResponseBody();
  }

  private Set<String> selected(long campaignId) {
    return entries(client, campaignId, "&status=SELECTED").stream()
        .map(e -> e.getOrganization().getLogin())
        .collect(Collectors.toSet());
  }

  @Test
  void theSameSeedSelectsTheSameSchoolsInProportionToTheSettlementTypes() {
    Schedule s = campaignWithWholeRegionListed();

    SampleSummary summary = draw(s.campaignId(), 20, 42);
    assertThat(summary.getRegions().get(0).getProposed()).isEqualTo(83);
    assertThat(summary.getRegions().get(0).getSelected()).isEqualTo(20);
    Set<String> first = selected(s.campaignId());

    // 20 × 38/83 = 9.16, 20 × 15/83 = 3.61, 20 × 30/83 = 7.23: 9 + 3 + 7, the 20th to the towns.
    Map<SettlementType, Long> byType =
        entries(client, s.campaignId(), "&status=SELECTED").stream()
            .collect(
                Collectors.groupingBy(
                    e -> e.getAttributes().getSettlementType(), Collectors.counting()));
    assertThat(byType)
        .containsEntry(SettlementType.CITY, 9L)
        .containsEntry(SettlementType.TOWN, 4L)
        .containsEntry(SettlementType.VILLAGE, 7L);

    draw(s.campaignId(), 20, 7);
    Set<String> other = selected(s.campaignId());
    assertThat(other).hasSize(20).isNotEqualTo(first);

    draw(s.campaignId(), 20, 42);
    assertThat(selected(s.campaignId())).isEqualTo(first);

    draw(s.campaignId(), 500, 1);
    assertThat(selected(s.campaignId())).hasSize(83);
  }

  @Test
  void publishingShowsTheSelectionToTheRegionAndTheMunicipalityItsPart() {
    Schedule s = campaignWithWholeRegionListed();
    draw(s.campaignId(), 30, 2026);
    List<SampleEntry> selected = entries(client, s.campaignId(), "&status=SELECTED");
    long engels = SampleTestSupport.organizationId(client, "edu640021");
    Long engelsMunicipality =
        organizations(client, "64", "SCHOOL").stream()
            .filter(o -> o.getLogin().equals("edu640021"))
            .findFirst()
            .orElseThrow()
            .getMunicipalityId();
    Set<String> engelsSelected =
        selected.stream()
            .filter(e -> engelsMunicipality.equals(e.getOrganization().getMunicipalityId()))
            .map(e -> e.getOrganization().getLogin())
            .collect(Collectors.toSet());
    assertThat(engelsSelected).isNotEmpty();
    assertThat(engels).isPositive();

    // Before publication: the region sees its list, all proposed; the municipality nothing.
    assertThat(entries(as("region64"), s.campaignId(), ""))
        .hasSize(83)
        .allMatch(e -> e.getStatus() == SampleStatus.PROPOSED && !e.getPublished());
    assertThat(entries(as("region64"), s.campaignId(), "&status=SELECTED")).isEmpty();
    assertThat(entries(as("mun64-engels"), s.campaignId(), "")).isEmpty();

    client
        .post()
        .uri("/api/campaigns/" + s.campaignId() + "/sample/publish")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"regionCodes\":[\"64\"]}")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.regions[0].publishedAt")
        .exists();

    assertThat(entries(as("region64"), s.campaignId(), "&status=SELECTED")).hasSize(30);
    List<SampleEntry> municipal = entries(as("mun64-engels"), s.campaignId(), "");
    assertThat(municipal)
        .allMatch(e -> e.getStatus() == SampleStatus.SELECTED && e.getPublished())
        .extracting(e -> e.getOrganization().getLogin())
        .containsExactlyInAnyOrderElementsOf(engelsSelected);
    as("mun64-engels")
        .get()
        .uri("/api/campaigns/" + s.campaignId() + "/sample/summary")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.regions[0].selected")
        .isEqualTo(engelsSelected.size());

    // Published is final for the draw, and for the region's list.
    client
        .post()
        .uri("/api/campaigns/" + s.campaignId() + "/sample/draw")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"perRegion\":5,\"seed\":1}")
        .exchange()
        .expectStatus()
        .isEqualTo(409);
    submit(as("region64"), s.campaignId(), "64", List.of(entry("edu640001", 1, "CITY")))
        .expectStatus()
        .isEqualTo(409);
  }

  @Test
  void aHandSelectionTakesOnlyOrganizationsOfTheList() {
    Schedule s = campaign(client, "64");
    submit(as("region64"), s.campaignId(), "64", List.of(entry("edu640001", 10, "CITY")))
        .expectStatus()
        .isOk();
    long listed = SampleTestSupport.organizationId(client, "edu640001");
    long notListed = SampleTestSupport.organizationId(client, "edu640002");
    client
        .put()
        .uri("/api/campaigns/" + s.campaignId() + "/sample/selection")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"include\":[" + listed + "," + notListed + "]}")
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("include[1]");
    client
        .put()
        .uri("/api/campaigns/" + s.campaignId() + "/sample/selection")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"include\":[" + listed + "]}")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.regions[0].selected")
        .isEqualTo(1);
  }
}
