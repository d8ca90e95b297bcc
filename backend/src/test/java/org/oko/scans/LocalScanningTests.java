package org.oko.scans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oko.api.model.LocalScanning;
import org.oko.api.model.OrganizationBrief;
import org.oko.api.model.OwnLocalScanning;
import org.oko.api.model.OwnLocalScanningCampaign;
import org.oko.api.model.ScanBatch;
import org.oko.api.model.ScanBatchStatus;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

class LocalScanningTests extends ApiTest {

  @Autowired DatabaseClient db;

  private ScansFixture fixture;
  private long campaign;
  private long point;

  @BeforeEach
  void campaign() {
    fixture = new ScansFixture(client, db);
    campaign = fixture.campaign("ОМК, сканирование на местах").getId();
    point = fixture.organizationId("edu645001");
  }

  @Test
  void anOrganizationUploadsItsOwnScansOnlyOnceTheRegionAllowsIt() {
    byte[] png = ScansFixture.png(501501, 1);
    openAs("edu645001", point, png).expectStatus().isForbidden();

    LocalScanning set =
        set("region64", "64", List.of(point))
            .expectStatus()
            .isOk()
            .expectBody(LocalScanning.class)
            .returnResult()
            .getResponseBody();
    assertThat(set.getOrganizations())
        .extracting(OrganizationBrief::getLogin)
        .containsExactly("edu645001");

    ScanBatch own = ScansFixture.upload(as("edu645001"), campaign, point, "501501_1.png", png);
    assertThat(own.getStatus()).isEqualTo(ScanBatchStatus.DONE);
    assertThat(own.getUploadedBy()).isEqualTo("edu645001");
    // Never for another organization.
    openAs("edu645001", fixture.organizationId("edu645002"), png).expectStatus().isNotFound();

    LocalScanning read =
        as("scan64")
            .get()
            .uri(uri("64"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(LocalScanning.class)
            .returnResult()
            .getResponseBody();
    assertThat(read.getOrganizations()).extracting(OrganizationBrief::getId).containsExactly(point);

    // Taken back: the organization may no longer upload.
    set("federal", "64", List.of()).expectStatus().isOk();
    openAs("edu645001", point, png).expectStatus().isForbidden();
  }

  @Test
  void onlyTheRegionsOwnParticipantsMayBeAllowedByItsCoordinator() {
    set(
            "region64",
            "64",
            List.of(fixture.organizationId("edu025001"), fixture.organizationId("edu640001")))
        .expectStatus()
        .isEqualTo(422);
    set("region02", "64", List.of(point)).expectStatus().isNotFound();
    set("edu645001", "64", List.of(point)).expectStatus().isForbidden();
    set("scan64", "64", List.of(point)).expectStatus().isForbidden();
  }

  @Test
  void anOrganizationFindsTheCampaignsWhereItScansItselfWithTheirWindow() {
    assertThat(ownLocalScanning("edu645001").getItems())
        .extracting(OwnLocalScanningCampaign::getCampaignId)
        .doesNotContain(campaign);

    set("region64", "64", List.of(point)).expectStatus().isOk();

    OwnLocalScanningCampaign own =
        ownLocalScanning("edu645001").getItems().stream()
            .filter(item -> item.getCampaignId() == campaign)
            .findFirst()
            .orElseThrow();
    assertThat(own.getTitle()).isEqualTo("ОМК, сканирование на местах");
    assertThat(own.getRegionCode()).isEqualTo("64");
    assertThat(own.getOpensAt().toInstant()).isBefore(clock.instant());
    assertThat(own.getClosesAt().toInstant()).isAfter(clock.instant());
    // Another organization of the region was not allowed: nothing is offered to it.
    assertThat(ownLocalScanning("edu640001").getItems())
        .extracting(OwnLocalScanningCampaign::getCampaignId)
        .doesNotContain(campaign);
    // Coordinators and the scanning centre do not scan "their own".
    as("region64").get().uri("/api/local-scanning").exchange().expectStatus().isForbidden();
    as("scan64").get().uri("/api/local-scanning").exchange().expectStatus().isForbidden();
  }

  private OwnLocalScanning ownLocalScanning(String login) {
    return as(login)
        .get()
        .uri("/api/local-scanning")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(OwnLocalScanning.class)
        .returnResult()
        .getResponseBody();
  }

  private WebTestClient.ResponseSpec openAs(String login, long organizationId, byte[] png) {
    return as(login)
        .post()
        .uri("/api/campaigns/" + campaign + "/scan-batches")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(ScansFixture.batchInput(organizationId, "501501_1.png", png.length, null))
        .exchange();
  }

  private WebTestClient.ResponseSpec set(String login, String region, List<Long> ids) {
    return as(login)
        .put()
        .uri(uri(region))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("organizationIds", ids))
        .exchange();
  }

  private String uri(String region) {
    return "/api/campaigns/" + campaign + "/regions/" + region + "/local-scanning";
  }
}
