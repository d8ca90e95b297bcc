package org.oko.scans;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.oko.api.CollectorApi;
import org.oko.api.model.MissingPages;
import org.oko.api.model.MissingPagesPage;
import org.oko.api.model.OrganizationBrief;
import org.oko.api.model.ScanCriterion;
import org.oko.api.model.ScanProgressLevel;
import org.oko.api.model.ScanProgressRow;
import org.oko.api.model.ScanScheme;
import org.oko.api.model.ScanSchemeInput;
import org.oko.api.model.SheetCounts;
import org.oko.campaigns.CampaignDirectory;
import org.oko.campaigns.CampaignInfo;
import org.oko.campaigns.Subject;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.OrganizationRef;
import org.oko.orgs.Visibility;
import org.oko.platform.security.Caller;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.security.Role;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.Paging;
import org.oko.scans.ScanProgress.Counts;
import org.oko.scans.ScanSchemes.Criterion;
import org.oko.scans.ScanSchemes.Scheme;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the collector expects (answer-sheet schemes) and what it has (progress, kits with missing
 * pages), for the coordinators and scanning centres in their scope.
 */
@RestController
class CollectorController implements CollectorApi {

  private final CampaignDirectory campaigns;
  private final OrganizationDirectory organizations;
  private final SchemeStore schemes;
  private final ScanProgress progress;
  private final MissingPagesQuery missingPages;
  private final Clock clock;

  CollectorController(
      CampaignDirectory campaigns,
      OrganizationDirectory organizations,
      SchemeStore schemes,
      ScanProgress progress,
      MissingPagesQuery missingPages,
      Clock clock) {
    this.campaigns = campaigns;
    this.organizations = organizations;
    this.schemes = schemes;
    this.progress = progress;
    this.missingPages = missingPages;
    this.clock = clock;
  }

  @Override
  public Mono<ResponseEntity<Flux<ScanScheme>>> listScanSchemes(
      Long campaignId, ServerWebExchange exchange) {
    return reader()
        .flatMap(caller -> campaign(caller, campaignId))
        .map(
            campaign ->
                ResponseEntity.ok(schemes.list(campaignId).map(stored -> toApi(campaign, stored))));
  }

  @Override
  public Mono<ResponseEntity<ScanScheme>> putScanScheme(
      Long campaignId,
      String subjectKey,
      Mono<ScanSchemeInput> scanSchemeInput,
      ServerWebExchange exchange) {
    return CurrentCaller.withRole(Role.FEDERAL)
        .flatMap(
            caller ->
                campaigns
                    .visibleTo(caller, campaignId)
                    .flatMap(
                        campaign -> {
                          subjectOf(campaign, subjectKey);
                          return scanSchemeInput.flatMap(
                              input -> {
                                Scheme scheme = fromApi(campaignId, subjectKey, input);
                                return schemes
                                    .put(scheme, caller.login(), clock.instant())
                                    .map(at -> toApi(campaign, new SchemeStore.Stored(scheme, at)));
                              });
                        }))
        .map(ResponseEntity::ok);
  }

  @Override
  public Mono<ResponseEntity<org.oko.api.model.ScanProgress>> getScanProgress(
      Long campaignId,
      String regionCode,
      String subjectKey,
      Integer page,
      Integer size,
      ServerWebExchange exchange) {
    Paging paging = new Paging(page, size);
    return reader()
        .flatMap(
            caller ->
                campaign(caller, campaignId)
                    .flatMap(
                        campaign -> {
                          if (subjectKey != null) {
                            subjectOf(campaign, subjectKey);
                          }
                          if (caller.isFederal() && regionCode == null) {
                            return progress
                                .byRegion(campaignId, subjectKey, null)
                                .collectList()
                                .map(rows -> page(ScanProgressLevel.REGION, rows, paging));
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
                                              campaignId,
                                              region,
                                              subjectKey,
                                              ids.isEmpty() ? null : ids.get())
                                          .collectList())
                              .map(rows -> page(ScanProgressLevel.ORGANIZATION, rows, paging));
                        }))
        .map(ResponseEntity::ok);
  }

  @Override
  public Mono<ResponseEntity<MissingPagesPage>> listMissingPages(
      Long campaignId,
      String regionCode,
      Long organizationId,
      String subjectKey,
      Integer page,
      Integer size,
      ServerWebExchange exchange) {
    Paging paging = new Paging(page, size);
    return reader()
        .flatMap(
            caller ->
                campaign(caller, campaignId)
                    .flatMap(
                        campaign -> {
                          if (subjectKey != null) {
                            subjectOf(campaign, subjectKey);
                          }
                          if (regionCode != null
                              && (!ScanAccess.seesRegion(caller, regionCode)
                                  || !campaign.regionCodes().contains(regionCode))) {
                            return Mono.error(regionNotFound(regionCode));
                          }
                          return scope(caller, regionCode, organizationId, subjectKey);
                        })
                    .flatMap(scope -> missingPages.find(campaignId, scope, paging)))
        .map(
            found ->
                ResponseEntity.ok(
                    new MissingPagesPage(
                        found.items().stream().map(CollectorController::toApi).toList(),
                        paging.page(),
                        paging.size(),
                        found.total())));
  }

  /** The organizations a missing-pages list covers: the caller's scope, narrowed by the filters. */
  private Mono<MissingPagesQuery.Scope> scope(
      Caller caller, String regionCode, Long organizationId, String subjectKey) {
    MissingPagesQuery.Scope scope =
        new MissingPagesQuery.Scope(ScanScope.of(caller), regionCode, organizationId, subjectKey);
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

  private org.oko.api.model.ScanProgress page(
      ScanProgressLevel level, List<ScanProgress.Row> rows, Paging paging) {
    Counts totals = Counts.NONE;
    for (ScanProgress.Row row : rows) {
      totals = totals.plus(row.sheets());
    }
    List<ScanProgressRow> items =
        rows.stream()
            .skip(paging.offset())
            .limit(paging.size())
            .map(CollectorController::toApi)
            .toList();
    return new org.oko.api.model.ScanProgress(
        level,
        toApi(totals),
        items,
        paging.page(),
        paging.size(),
        (long) rows.size(),
        time(clock.instant()));
  }

  private Mono<Caller> reader() {
    return CurrentCaller.get()
        .map(
            caller -> {
              ScanAccess.requireReader(caller);
              return caller;
            });
  }

  /**
   * The campaign as the caller sees it. A scanning centre works for its whole region, so it sees
   * the campaigns its region's coordinator sees.
   */
  private Mono<CampaignInfo> campaign(Caller caller, long campaignId) {
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

  private static Subject subjectOf(CampaignInfo campaign, String subjectKey) {
    return campaign.subjects().stream()
        .filter(s -> s.key().equals(subjectKey))
        .findFirst()
        .orElseThrow(
            () -> new NotFoundException("Предмет «" + subjectKey + "» в кампании не найден"));
  }

  private static NotFoundException regionNotFound(String region) {
    return new NotFoundException("Регион «" + region + "» не найден");
  }

  private static Scheme fromApi(long campaignId, String subjectKey, ScanSchemeInput input) {
    return new Scheme(
        campaignId,
        subjectKey,
        input.getPages(),
        input.getCriteria().stream()
            .map(c -> new Criterion(c.getCode(), c.getTitle(), c.getMaxScore(), c.getPage()))
            .toList(),
        input.getSecondScoringPercent() == null ? 0 : input.getSecondScoringPercent(),
        input.getDiscrepancyThreshold() == null ? 2 : input.getDiscrepancyThreshold());
  }

  private static ScanScheme toApi(CampaignInfo campaign, SchemeStore.Stored stored) {
    Scheme s = stored.scheme();
    String name =
        campaign.subjects().stream()
            .filter(subject -> subject.key().equals(s.subjectKey()))
            .map(Subject::name)
            .findFirst()
            .orElse(s.subjectKey());
    return new ScanScheme(
        s.subjectKey(),
        name,
        s.pages(),
        s.criteria().stream()
            .map(c -> new ScanCriterion(c.code(), c.title(), c.maxScore(), c.page()))
            .toList(),
        s.secondScoringPercent(),
        s.discrepancyThreshold(),
        time(stored.updatedAt()));
  }

  private static ScanProgressRow toApi(ScanProgress.Row row) {
    return new ScanProgressRow(row.key(), row.name(), toApi(row.sheets()))
        .regionCode(row.regionCode())
        .organizationId(row.organizationId())
        .batchId(row.batchId());
  }

  private static SheetCounts toApi(Counts c) {
    return new SheetCounts(
        c.uploaded(),
        c.processing(),
        c.accepted(),
        c.errors(),
        c.assigned(),
        c.scored(),
        c.verified());
  }

  private static MissingPages toApi(MissingPagesQuery.Gap gap) {
    OrganizationRef o = gap.organization();
    return new MissingPages(
        new OrganizationBrief(o.id(), o.login(), o.name(), o.regionCode())
            .municipalityId(o.municipalityId())
            .municipalityName(o.municipalityName()),
        gap.subjectKey(),
        gap.kitNumber(),
        gap.missing(),
        gap.message());
  }

  private static OffsetDateTime time(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
