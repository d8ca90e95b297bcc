package org.oko.overview;

import org.oko.api.OverviewApi;
import org.oko.api.model.OrganizationOverview;
import org.oko.api.model.OverviewForms;
import org.oko.api.model.OverviewKits;
import org.oko.api.model.OverviewObservers;
import org.oko.api.model.OverviewPublications;
import org.oko.api.model.OverviewQuestionnaires;
import org.oko.api.model.OverviewReports;
import org.oko.api.model.OverviewScans;
import org.oko.platform.security.CurrentCaller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@RestController
class OverviewController implements OverviewApi {

  private final OrganizationOverviewService overview;

  OverviewController(OrganizationOverviewService overview) {
    this.overview = overview;
  }

  @Override
  public Mono<ResponseEntity<OrganizationOverview>> getOrganizationOverview(
      Long campaignId, Long organizationId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> overview.stages(caller, campaignId, organizationId))
        .map(section -> ResponseEntity.ok(OverviewMapper.overview(section)));
  }

  @Override
  public Mono<ResponseEntity<OverviewForms>> getOrganizationOverviewForms(
      Long campaignId, Long organizationId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> overview.forms(caller, campaignId, organizationId))
        .map(section -> ResponseEntity.ok(OverviewMapper.forms(section)));
  }

  @Override
  public Mono<ResponseEntity<OverviewPublications>> getOrganizationOverviewPublications(
      Long campaignId, Long organizationId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> overview.publications(caller, campaignId, organizationId))
        .map(section -> ResponseEntity.ok(OverviewMapper.publications(section)));
  }

  @Override
  public Mono<ResponseEntity<OverviewKits>> getOrganizationOverviewKits(
      Long campaignId, Long organizationId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> overview.kits(caller, campaignId, organizationId))
        .map(section -> ResponseEntity.ok(OverviewMapper.kits(section)));
  }

  @Override
  public Mono<ResponseEntity<OverviewQuestionnaires>> getOrganizationOverviewQuestionnaires(
      Long campaignId, Long organizationId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> overview.questionnaires(caller, campaignId, organizationId))
        .map(section -> ResponseEntity.ok(OverviewMapper.questionnaires(section)));
  }

  @Override
  public Mono<ResponseEntity<OverviewScans>> getOrganizationOverviewScans(
      Long campaignId, Long organizationId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> overview.scans(caller, campaignId, organizationId))
        .map(section -> ResponseEntity.ok(OverviewMapper.scans(section)));
  }

  @Override
  public Mono<ResponseEntity<OverviewObservers>> getOrganizationOverviewObservers(
      Long campaignId, Long organizationId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> overview.observers(caller, campaignId, organizationId))
        .map(section -> ResponseEntity.ok(OverviewMapper.observers(section)));
  }

  @Override
  public Mono<ResponseEntity<OverviewReports>> getOrganizationOverviewReports(
      Long campaignId, Long organizationId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> overview.reports(caller, campaignId, organizationId))
        .map(section -> ResponseEntity.ok(OverviewMapper.reports(section)));
  }
}
