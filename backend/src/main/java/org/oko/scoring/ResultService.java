package org.oko.scoring;

import org.oko.campaigns.CampaignDirectory;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.Visibility;
import org.oko.platform.security.Caller;
import org.oko.platform.web.Listing;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.Paging;
import org.oko.scoring.ResultStore.Filter;
import org.oko.scoring.ResultStore.ResultRow;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The results of the works in the caller's scope, as the experts decided them. */
@Service
class ResultService {

  private final CampaignDirectory campaigns;
  private final OrganizationDirectory organizations;
  private final ResultStore results;

  ResultService(
      CampaignDirectory campaigns, OrganizationDirectory organizations, ResultStore results) {
    this.campaigns = campaigns;
    this.organizations = organizations;
    this.results = results;
  }

  /** The results of the campaign's works, narrowed by region, organization and subject. */
  Mono<Listing<ResultRow>> page(
      Caller caller,
      long campaignId,
      String regionCode,
      Long organizationId,
      String subjectKey,
      Paging paging) {
    Visibility scope = Visibility.of(caller);
    if (regionCode != null && !scope.seesRegion(regionCode)) {
      return Mono.error(ScoringProblems.regionNotFound(regionCode));
    }
    return campaigns
        .visibleTo(caller, campaignId)
        .then(filter(scope, regionCode, organizationId, subjectKey))
        .flatMap(
            f -> Listing.of(results.page(campaignId, f, paging), results.count(campaignId, f)));
  }

  /** The filter, if the organization (when given) is in the caller's scope and region; 404 else. */
  private Mono<Filter> filter(
      Visibility scope, String regionCode, Long organizationId, String subjectKey) {
    if (organizationId == null) {
      return Mono.just(Filter.of(scope, regionCode, null, subjectKey));
    }
    return organizations
        .byId(organizationId)
        .filter(scope::seesOrganization)
        .filter(o -> regionCode == null || regionCode.equals(o.regionCode()))
        .switchIfEmpty(
            Mono.error(
                () -> new NotFoundException("Организация " + organizationId + " не найдена")))
        .map(o -> Filter.of(scope, regionCode, o.id(), subjectKey));
  }
}
