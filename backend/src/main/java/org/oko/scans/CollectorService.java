package org.oko.scans;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.oko.campaigns.CampaignDirectory;
import org.oko.campaigns.CampaignInfo;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.OrganizationRef;
import org.oko.orgs.Visibility;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.Paging;
import org.oko.scans.ScanProgressDirectory.Counts;
import org.oko.scans.ScanProgressDirectory.Row;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * What the collector has: upload and checking progress, and kits with missing pages, for the
 * coordinators and scanning centres in their scope.
 */
@Service
class CollectorService {

  /** Whose rows a progress view lists. */
  enum Level {
    REGION,
    ORGANIZATION
  }

  /** One page of a progress view, with the totals of all its rows. */
  record Progress(Level level, Counts totals, List<Row> items, long total, Instant at) {}

  private final CampaignDirectory campaigns;
  private final OrganizationDirectory organizations;
  private final ScanProgressDirectory progress;
  private final MissingPagesStore missingPages;
  private final Clock clock;

  CollectorService(
      CampaignDirectory campaigns,
      OrganizationDirectory organizations,
      ScanProgressDirectory progress,
      MissingPagesStore missingPages,
      Clock clock) {
    this.campaigns = campaigns;
    this.organizations = organizations;
    this.progress = progress;
    this.missingPages = missingPages;
    this.clock = clock;
  }

  /**
   * The progress of the campaign: per region for a federal caller without a region, else per
   * organization of one region.
   */
  Mono<Progress> progress(
      Caller caller, long campaignId, String regionCode, String subjectKey, Paging paging) {
    ScanAccess.requireReader(caller);
    return campaign(caller, campaignId)
        .flatMap(campaign -> progressRows(caller, campaign, regionCode, subjectKey))
        .map(rows -> page(rows, paging));
  }

  private record Rows(Level level, List<Row> rows) {}

  private Mono<Rows> progressRows(
      Caller caller, CampaignInfo campaign, String regionCode, String subjectKey) {
    if (subjectKey != null) {
      requireSubject(campaign, subjectKey);
    }
    if (caller.isFederal() && regionCode == null) {
      return progress
          .byRegion(campaign.id(), subjectKey, null)
          .collectList()
          .map(rows -> new Rows(Level.REGION, rows));
    }
    String region = regionCode != null ? regionCode : caller.regionCode();
    if (region == null
        || !ScanAccess.seesRegion(caller, region)
        || !campaign.regionCodes().contains(region)) {
      return Mono.error(regionNotFound(region));
    }
    return organizationsOf(caller, campaign, region)
        .flatMap(
            ids ->
                progress
                    .byOrganization(
                        campaign.id(), region, subjectKey, ids.isEmpty() ? null : ids.get())
                    .collectList())
        .map(rows -> new Rows(Level.ORGANIZATION, rows));
  }

  private Progress page(Rows rows, Paging paging) {
    Counts totals = Counts.NONE;
    for (Row row : rows.rows()) {
      totals = totals.plus(row.sheets());
    }
    List<Row> items = rows.rows().stream().skip(paging.offset()).limit(paging.size()).toList();
    return new Progress(rows.level(), totals, items, rows.rows().size(), clock.instant());
  }

  /**
   * The organizations of the region the caller's progress view is limited to: empty for the whole
   * region (a coordinator of the region, a scanning centre), else the ids it sees.
   */
  private Mono<Optional<Collection<Long>>> organizationsOf(
      Caller caller, CampaignInfo campaign, String region) {
    switch (caller.role()) {
      case FEDERAL, REGIONAL, API_CLIENT, SCANNER:
        return Mono.just(Optional.empty());
      case ORGANIZATION:
        return Mono.just(Optional.of(List.of(caller.organizationId())));
      default:
        Visibility visibility = Visibility.of(caller);
        return organizations
            .inRegion(region, campaign.organizationKinds())
            .filter(visibility::seesOrganization)
            .map(OrganizationRef::id)
            .collectList()
            .map(ids -> Optional.of((Collection<Long>) ids));
    }
  }

  /** The kits with missing pages in the caller's scope, narrowed by the filters. */
  Mono<MissingPagesStore.Page> missingPages(
      Caller caller,
      long campaignId,
      String regionCode,
      Long organizationId,
      String subjectKey,
      Paging paging,
      String after) {
    ScanAccess.requireReader(caller);
    MissingPagesStore.Cursor cursor = MissingPagesStore.Cursor.parse(after);
    return campaign(caller, campaignId)
        .flatMap(
            campaign -> {
              if (subjectKey != null) {
                requireSubject(campaign, subjectKey);
              }
              if (regionCode != null
                  && (!ScanAccess.seesRegion(caller, regionCode)
                      || !campaign.regionCodes().contains(regionCode))) {
                return Mono.error(regionNotFound(regionCode));
              }
              return scope(caller, regionCode, organizationId, subjectKey);
            })
        .flatMap(scope -> missingPages.find(campaignId, scope, paging, cursor));
  }

  /** The organizations a missing-pages list covers: the caller's scope, narrowed by the filters. */
  private Mono<MissingPagesStore.Scope> scope(
      Caller caller, String regionCode, Long organizationId, String subjectKey) {
    MissingPagesStore.Scope scope =
        new MissingPagesStore.Scope(ScanScope.of(caller), regionCode, organizationId, subjectKey);
    if (organizationId == null) {
      return Mono.just(scope);
    }
    // A foreign organization answers 404, not an empty list: as if it did not exist.
    return organizations
        .byId(organizationId)
        .filter(org -> ScanAccess.seesOrganization(caller, org))
        .switchIfEmpty(
            Mono.error(
                () -> new NotFoundException("Организация " + organizationId + " не найдена")))
        .thenReturn(scope);
  }

  /**
   * The campaign as the caller sees it. A scanning centre works for its whole region, so it sees
   * the campaigns its region's coordinator sees.
   */
  Mono<CampaignInfo> campaign(Caller caller, long campaignId) {
    Caller viewer =
        caller.role() == Role.SCANNER
            ? new Caller(
                caller.login(),
                caller.displayName(),
                Role.REGIONAL,
                caller.regionCode(),
                null,
                null)
            : caller;
    return campaigns.visibleTo(viewer, campaignId);
  }

  /** 404 unless the campaign has the subject. */
  static void requireSubject(CampaignInfo campaign, String subjectKey) {
    if (campaign.subjects().stream().noneMatch(s -> s.key().equals(subjectKey))) {
      throw new NotFoundException("Предмет «" + subjectKey + "» в кампании не найден");
    }
  }

  private static NotFoundException regionNotFound(String region) {
    return new NotFoundException("Регион «" + region + "» не найден");
  }
}
