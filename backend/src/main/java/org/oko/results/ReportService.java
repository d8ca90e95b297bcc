package org.oko.results;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oko.campaigns.CampaignDirectory;
import org.oko.orgs.Visibility;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.InvalidRequestException;
import org.oko.platform.web.Paging;
import org.oko.results.ReportViews.LevelFigures;
import org.oko.results.ReportViews.Openings;
import org.oko.results.ReportViews.ParticipantsPage;
import org.oko.results.ReportViews.SubjectReport;
import org.oko.results.ReportViews.UnitTable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The statistical reports of a campaign subject at every level (reports 1–5), in the caller's scope
 * and after the region's release; the export and the openings. The unit a request is about is
 * {@link ReportScopeService}'s, the table of units below {@link UnitTableService}'s, the flags
 * {@link FlagService}'s and the grade scales {@link ScaleService}'s.
 */
@Service
class ReportService {

  /** The unit a request names, as one of three optional parameters. */
  record Named(Long organizationId, Long municipalityId, String regionCode) {
    int count() {
      return (organizationId != null ? 1 : 0)
          + (municipalityId != null ? 1 : 0)
          + (regionCode != null ? 1 : 0);
    }
  }

  enum Sort {
    NAME,
    PARTICIPANTS,
    MEAN_SCORE,
    SHARE_2,
    SHARE_45,
    FLAGS
  }

  record TableQuery(Level rows, Sort sort, boolean descending, boolean flaggedOnly, String q) {}

  private final CampaignDirectory campaigns;
  private final ReportStore reports;
  private final ResultsStore results;
  private final ParticipantStore participants;
  private final ReleaseStore releases;
  private final ReportScopeService scopes;
  private final UnitTableService tables;
  private final Clock clock;

  ReportService(
      CampaignDirectory campaigns,
      ReportStore reports,
      ResultsStore results,
      ParticipantStore participants,
      ReleaseStore releases,
      ReportScopeService scopes,
      UnitTableService tables,
      Clock clock) {
    this.campaigns = campaigns;
    this.reports = reports;
    this.results = results;
    this.participants = participants;
    this.releases = releases;
    this.scopes = scopes;
    this.tables = tables;
    this.clock = clock;
  }

  // --- reports 1–4

  Mono<SubjectReport> report(Caller caller, long campaignId, String subjectKey, Named named) {
    return scopes
        .context(caller, campaignId, subjectKey, named, true)
        .flatMap(
            ctx -> {
              // The units above are known by their keys; the region's name, the tallies, the
              // release and the opening are read side by side (one round trip).
              List<Unit> chain = chain(ctx.unit());
              Subject subject = ctx.subject();
              Mono<List<Unit>> withRegion = regionNamed(chain);
              return Mono.zip(
                      reports.tallies(campaignId, subjectKey, chain),
                      withRegion,
                      released(campaignId, ctx.unit()),
                      recordOpening(caller, campaignId, ctx.unit()).thenReturn(true))
                  .map(
                      t ->
                          new SubjectReport(
                              subject,
                              ctx.unit(),
                              levels(subject, t.getT2(), t.getT1()),
                              t.getT3()));
            });
  }

  private static List<LevelFigures> levels(
      Subject subject, List<Unit> chain, java.util.Map<String, Tally> found) {
    return chain.stream()
        .map(
            u ->
                new LevelFigures(
                    u,
                    found.getOrDefault(
                        u.level().name() + "|" + u.id(),
                        Tally.empty(subject.tasks(), subject.maxScore()))))
        .toList();
  }

  private Mono<Void> recordOpening(Caller caller, long campaignId, Unit unit) {
    if (caller.role() != Role.ORGANIZATION || unit.level() != Level.ORGANIZATION) {
      return Mono.empty();
    }
    return releases.recordOpening(
        campaignId, unit.organizationId(), unit.regionCode(), clock.instant());
  }

  private Mono<Boolean> released(long campaignId, Unit unit) {
    return unit.regionCode() == null
        ? Mono.just(true)
        : releases.released(campaignId, unit.regionCode());
  }

  /**
   * The unit and the units above it — municipality, region, country — by their keys; the region's
   * name is {@link #regionNamed}'s.
   */
  private static List<Unit> chain(Unit unit) {
    List<Unit> chain = new ArrayList<>();
    chain.add(unit);
    if (unit.level() == Level.ORGANIZATION && unit.municipalityId() != null) {
      chain.add(
          new Unit(
              Level.MUNICIPALITY,
              unit.municipalityId().toString(),
              unit.municipalityName(),
              null,
              unit.regionCode(),
              unit.municipalityId(),
              unit.municipalityName()));
    }
    if (unit.level() == Level.ORGANIZATION || unit.level() == Level.MUNICIPALITY) {
      chain.add(
          new Unit(Level.REGION, unit.regionCode(), null, null, unit.regionCode(), null, null));
    }
    if (unit.level() != Level.COUNTRY) {
      chain.add(Unit.COUNTRY);
    }
    return chain;
  }

  /** The chain with its region named (read from the hierarchy). */
  private Mono<List<Unit>> regionNamed(List<Unit> chain) {
    Unit region =
        chain.stream()
            .filter(u -> u.level() == Level.REGION && u.name() == null)
            .findFirst()
            .orElse(null);
    if (region == null) {
      return Mono.just(chain);
    }
    return reports
        .region(region.regionCode())
        .defaultIfEmpty(region)
        .map(named -> chain.stream().map(u -> u == region ? named : u).toList());
  }

  // --- report 5

  Mono<ParticipantsPage> participants(
      Caller caller, long campaignId, String subjectKey, Long organizationId, Paging page) {
    Named named =
        organizationId != null
            ? new Named(organizationId, null, null)
            : caller.role() == Role.ORGANIZATION ? new Named(null, null, null) : null;
    if (named == null) {
      return Mono.error(
          new InvalidRequestException(
              "organizationId",
              "Укажите организацию: индивидуальные результаты есть только у неё"));
    }
    return scopes
        .context(caller, campaignId, subjectKey, named, true)
        .flatMap(
            ctx -> {
              long org = ctx.unit().organizationId();
              return Mono.zip(
                      participants.countParticipants(campaignId, subjectKey, org),
                      participants.page(campaignId, subjectKey, org, page).collectList())
                  .map(
                      counted ->
                          new ParticipantsPage(
                              ctx.subject(), ctx.unit(), counted.getT2(), counted.getT1()));
            });
  }

  // --- export

  /** What the export writes: the report, the table below (coordinators), the participants. */
  record Export(
      SubjectReport report, UnitTable units, List<Participant> participants, boolean flags) {}

  Mono<Export> export(Caller caller, long campaignId, String subjectKey, Named named) {
    return report(caller, campaignId, subjectKey, named)
        .flatMap(
            report -> {
              Unit unit = report.unit();
              if (unit.level() == Level.ORGANIZATION) {
                return participants
                    .participants(campaignId, subjectKey, unit.organizationId())
                    .collectList()
                    .map(p -> new Export(report, null, p, false));
              }
              if (caller.role() == Role.ORGANIZATION) {
                return Mono.just(new Export(report, null, null, false));
              }
              Named parent =
                  unit.level() == Level.COUNTRY
                      ? new Named(null, null, null)
                      : unit.level() == Level.REGION
                          ? new Named(null, null, unit.regionCode())
                          : new Named(null, unit.municipalityId(), null);
              return tables
                  .units(
                      caller,
                      campaignId,
                      subjectKey,
                      parent,
                      new TableQuery(null, Sort.NAME, false, false, null),
                      new Paging(0, Integer.MAX_VALUE))
                  .map(t -> new Export(report, t, null, ReportAccess.readsFlags(caller)));
            });
  }

  // --- openings

  Mono<Openings> openings(
      Caller caller, long campaignId, Named named, Boolean opened, Paging page) {
    ReportAccess.requireCoordinator(caller);
    Visibility scope = ReportAccess.scope(caller);
    if (named.regionCode() != null && !scope.seesRegion(named.regionCode())) {
      return Mono.error(ReportScopeService.notFound());
    }
    return campaigns
        .visibleTo(caller, campaignId)
        .then(
            Mono.zip(
                releases.openingCounts(
                    campaignId, named.regionCode(), named.municipalityId(), opened, scope),
                releases
                    .openings(
                        campaignId, named.regionCode(), named.municipalityId(), opened, scope, page)
                    .collectList()))
        .map(z -> new Openings(z.getT2(), z.getT1()[1], z.getT1()[0]));
  }

  static Optional<Integer> none() {
    return Optional.empty();
  }
}
