package org.oko.results;

import java.util.function.Supplier;
import org.oko.campaigns.CampaignDirectory;
import org.oko.campaigns.CampaignInfo;
import org.oko.orgs.Visibility;
import org.oko.platform.security.Caller;
import org.oko.platform.web.InvalidRequestException;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.Paging;
import org.oko.results.ReportScopeService.Context;
import org.oko.results.ReportService.Named;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Signal;

/**
 * The unit a report request is about, in the caller's scope (the one scope rule, {@code
 * orgs.Visibility}): the campaign, the subject and the unit, or 404 — also before the region's
 * release for those who wait for it.
 */
@Service
class ReportScopeService {

  private final CampaignDirectory campaigns;
  private final ResultsStore results;
  private final ReportStore reports;
  private final ReleaseStore releases;

  ReportScopeService(
      CampaignDirectory campaigns,
      ResultsStore results,
      ReportStore reports,
      ReleaseStore releases) {
    this.releases = releases;
    this.campaigns = campaigns;
    this.results = results;
    this.reports = reports;
  }

  record Context(CampaignInfo campaign, Subject subject, Unit unit, Paging page) {}

  Mono<Subject> subject(Caller caller, long campaignId, String subjectKey) {
    return campaigns
        .visibleTo(caller, campaignId)
        .then(results.subject(campaignId, subjectKey))
        .switchIfEmpty(
            Mono.error(
                () -> new NotFoundException("Предмет «" + subjectKey + "» в кампании не найден")));
  }

  Mono<Context> context(
      Caller caller, long campaignId, String subjectKey, Named named, boolean organizationsToo) {
    return context(caller, campaignId, subjectKey, named, organizationsToo, new Paging(0, 20));
  }

  Mono<Context> context(
      Caller caller,
      long campaignId,
      String subjectKey,
      Named named,
      boolean organizationsToo,
      Paging page) {
    Visibility scope = ReportAccess.scope(caller);
    if (named.count() > 1) {
      return Mono.error(
          new InvalidRequestException(
              "organizationId", "Укажите одну единицу: организацию, муниципалитет или регион"));
    }
    // The campaign, the subject and the unit are read side by side (one round trip instead of
    // three: the organization's report is the most frequent read, docs/benchmarks.md), then
    // judged in this order, so the answer is the one a sequential read would give.
    return Mono.zip(
            campaigns.visibleTo(caller, campaignId).materialize(),
            results.subject(campaignId, subjectKey).materialize(),
            unitOf(caller, scope, named).materialize())
        .flatMap(
            read -> judged(caller, subjectKey, page, read.getT1(), read.getT2(), read.getT3()));
  }

  /** The three reads judged in order: the campaign, then the subject, then the unit. */
  private Mono<Context> judged(
      Caller caller,
      String subjectKey,
      Paging page,
      Signal<CampaignInfo> campaignRead,
      Signal<Subject> subjectRead,
      Signal<Unit> unitRead) {
    Supplier<NotFoundException> noSubject =
        () -> new NotFoundException("Предмет «" + subjectKey + "» в кампании не найден");
    return settled(campaignRead, ReportScopeService::notFound)
        .flatMap(
            campaign ->
                settled(subjectRead, noSubject)
                    .flatMap(
                        subject ->
                            settled(unitRead, ReportScopeService::notFound)
                                .flatMap(u -> released(caller, campaign, subject, u, page))));
  }

  /** The value read, its error, or {@code whenEmpty}'s. */
  private static <T> Mono<T> settled(Signal<T> signal, Supplier<NotFoundException> whenEmpty) {
    if (signal.isOnError()) {
      return Mono.error(signal.getThrowable());
    }
    T value = signal.get();
    return value != null ? Mono.just(value) : Mono.error(whenEmpty.get());
  }

  /** The context once the unit lies in the campaign and, for those who wait, is released. */
  private Mono<Context> released(
      Caller caller, CampaignInfo campaign, Subject subject, Unit u, Paging page) {
    if (u.regionCode() != null && !campaign.regionCodes().contains(u.regionCode())) {
      return Mono.error(notFound());
    }
    Mono<Boolean> open =
        ReportAccess.waitsForRelease(caller)
            ? releases.released(campaign.id(), u.regionCode())
            : Mono.just(true);
    return open.flatMap(
        released ->
            released
                ? Mono.just(new Context(campaign, subject, u, page))
                : Mono.error(
                    new NotFoundException(
                        "Отчёты по региону ещё не опубликованы федеральным организатором")));
  }

  private Mono<Unit> unitOf(Caller caller, Visibility scope, Named named) {
    if (named.organizationId() != null) {
      return reports
          .organization(named.organizationId())
          .filter(
              o -> scope.seesOrganization(o.organizationId(), o.regionCode(), o.municipalityId()));
    }
    if (named.municipalityId() != null) {
      return reports.municipality(named.municipalityId(), scope);
    }
    if (named.regionCode() != null) {
      return ReportAccess.listsInRegion(scope, named.regionCode())
              && (ReportAccess.seesWholeRegion(scope, named.regionCode())
                  || scope.withoutMunicipalityOnly())
          ? reports.region(named.regionCode())
          : Mono.empty();
    }
    return switch (caller.role()) {
      case FEDERAL -> Mono.just(Unit.COUNTRY);
      case ORGANIZATION -> reports.organization(caller.organizationId());
      case MUNICIPAL -> reports.municipality(caller.municipalityId(), scope);
      case REGIONAL, API_CLIENT, RESPONSIBLE -> reports.region(caller.regionCode());
      default -> Mono.empty();
    };
  }

  static NotFoundException notFound() {
    return new NotFoundException("Отчёт не найден");
  }
}
