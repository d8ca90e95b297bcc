package org.oko.overview;

import java.util.function.Function;
import org.oko.api.OverviewApi;
import org.oko.api.model.OrganizationOverview;
import org.oko.api.model.OverviewForms;
import org.oko.api.model.OverviewKits;
import org.oko.api.model.OverviewObservers;
import org.oko.api.model.OverviewPublications;
import org.oko.api.model.OverviewQuestionnaires;
import org.oko.api.model.OverviewReports;
import org.oko.api.model.OverviewScans;
import org.oko.platform.security.Caller;
import org.oko.platform.security.CurrentCaller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The organization page (tag «overview»): each section is one read of {@link
 * OrganizationOverviewService} for the caller, mapped by {@link OverviewMapper}.
 */
@RestController
class OverviewController implements OverviewApi {

  /** One section's read: the caller, the campaign and the organization. */
  @FunctionalInterface
  private interface SectionRead<S> {
    Mono<S> read(Caller caller, long campaignId, long organizationId);
  }

  private final OrganizationOverviewService overview;

  OverviewController(OrganizationOverviewService overview) {
    this.overview = overview;
  }

  @Override
  public Mono<ResponseEntity<OrganizationOverview>> getOrganizationOverview(
      Long campaignId, Long organizationId, ServerWebExchange exchange) {
    return section(overview::stages, campaignId, organizationId, OverviewMapper::overview);
  }

  @Override
  public Mono<ResponseEntity<OverviewForms>> getOrganizationOverviewForms(
      Long campaignId, Long organizationId, ServerWebExchange exchange) {
    return section(overview::forms, campaignId, organizationId, OverviewMapper::forms);
  }

  @Override
  public Mono<ResponseEntity<OverviewPublications>> getOrganizationOverviewPublications(
      Long campaignId, Long organizationId, ServerWebExchange exchange) {
    return section(
        overview::publications, campaignId, organizationId, OverviewMapper::publications);
  }

  @Override
  public Mono<ResponseEntity<OverviewKits>> getOrganizationOverviewKits(
      Long campaignId, Long organizationId, ServerWebExchange exchange) {
    return section(overview::kits, campaignId, organizationId, OverviewMapper::kits);
  }

  @Override
  public Mono<ResponseEntity<OverviewQuestionnaires>> getOrganizationOverviewQuestionnaires(
      Long campaignId, Long organizationId, ServerWebExchange exchange) {
    return section(
        overview::questionnaires, campaignId, organizationId, OverviewMapper::questionnaires);
  }

  @Override
  public Mono<ResponseEntity<OverviewScans>> getOrganizationOverviewScans(
      Long campaignId, Long organizationId, ServerWebExchange exchange) {
    return section(overview::scans, campaignId, organizationId, OverviewMapper::scans);
  }

  private static <S, A> Mono<ResponseEntity<A>> section(
      SectionRead<S> read, long campaignId, long organizationId, Function<S, A> toApi) {
    return CurrentCaller.get()
        .flatMap(caller -> read.read(caller, campaignId, organizationId))
        .map(found -> ResponseEntity.ok(toApi.apply(found)));
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
