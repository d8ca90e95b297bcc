package org.oko.results;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.oko.campaigns.CampaignDirectory;
import org.oko.campaigns.CampaignInfo;
import org.oko.orgs.Visibility;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.InvalidRequestException;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.Paging;
import org.oko.platform.web.UnprocessableException;
import org.oko.results.ReportStore.Previous;
import org.oko.results.ReportViews.Flags;
import org.oko.results.ReportViews.LevelFigures;
import org.oko.results.ReportViews.Openings;
import org.oko.results.ReportViews.ParticipantsPage;
import org.oko.results.ReportViews.Scale;
import org.oko.results.ReportViews.SubjectReport;
import org.oko.results.ReportViews.UnitRow;
import org.oko.results.ReportViews.UnitTable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The statistical reports of a campaign subject at every level, in the caller's scope and after the
 * region's release; the objectivity flags; grade scales (federal).
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
  private final TallyService tallies;
  private final TransactionalOperator tx;
  private final Clock clock;

  ReportService(
      CampaignDirectory campaigns,
      ReportStore reports,
      ResultsStore results,
      TallyService tallies,
      TransactionalOperator tx,
      Clock clock) {
    this.campaigns = campaigns;
    this.reports = reports;
    this.results = results;
    this.tallies = tallies;
    this.tx = tx;
    this.clock = clock;
  }

  // --- grade scales

  Mono<Scale> scale(Caller caller, long campaignId, String subjectKey) {
    return subject(caller, campaignId, subjectKey)
        .flatMap(
            s ->
                results
                    .scale(campaignId, subjectKey)
                    .map(x -> new Scale(s, x.updatedAt(), x.updatedBy()))
                    .defaultIfEmpty(new Scale(s, null, null)));
  }

  Mono<Scale> setScale(Caller caller, long campaignId, String subjectKey, List<Integer> input) {
    ReportAccess.requireFederal(caller);
    return subject(caller, campaignId, subjectKey)
        .flatMap(
            s -> {
              int[] b = input.stream().mapToInt(Integer::intValue).toArray();
              checkScale(s, b);
              Subject scaled =
                  new Subject(s.campaignId(), s.key(), s.name(), s.taskLabels(), s.taskMax(), b);
              return results
                  .lock(campaignId, subjectKey)
                  .then(
                      results.putScale(campaignId, subjectKey, b, clock.instant(), caller.login()))
                  .then(results.regrade(campaignId, subjectKey, b))
                  .then(tallies.rebuild(scaled))
                  .as(tx::transactional)
                  .then(scale(caller, campaignId, subjectKey));
            });
  }

  private static void checkScale(Subject s, int[] b) {
    if (s.tasks() == 0) {
      throw new UnprocessableException(
          "boundaries",
          "У предмета «"
              + s.name()
              + "» не заданы задания с максимальными баллами: задайте их"
              + " в кампании, затем шкалу");
    }
    if (b.length != 3 || !(b[0] >= 1 && b[0] < b[1] && b[1] < b[2] && b[2] <= s.maxScore())) {
      throw new UnprocessableException(
          "boundaries",
          "Границы отметок «3», «4», «5» должны возрастать: от 1 до максимального первичного балла"
              + " "
              + s.maxScore());
    }
  }

  // --- reports 1–4

  Mono<SubjectReport> report(Caller caller, long campaignId, String subjectKey, Named named) {
    return context(caller, campaignId, subjectKey, named, true)
        .flatMap(
            ctx -> {
              List<Unit> chain = new ArrayList<>();
              chain.add(ctx.unit());
              Mono<List<Unit>> above = above(ctx.unit());
              return above.flatMap(
                  units -> {
                    chain.addAll(units);
                    Subject subject = ctx.subject();
                    Mono<List<LevelFigures>> levels =
                        reports
                            .tallies(campaignId, subjectKey, chain)
                            .map(
                                found ->
                                    chain.stream()
                                        .map(
                                            u ->
                                                new LevelFigures(
                                                    u,
                                                    found.getOrDefault(
                                                        u.level().name() + "|" + u.id(),
                                                        Tally.empty(
                                                            subject.tasks(), subject.maxScore()))))
                                        .toList());
                    return Mono.zip(
                            levels,
                            released(campaignId, ctx.unit()),
                            recordOpening(caller, campaignId, ctx.unit()).thenReturn(true))
                        .map(t -> new SubjectReport(subject, ctx.unit(), t.getT1(), t.getT2()));
                  });
            });
  }

  private Mono<Void> recordOpening(Caller caller, long campaignId, Unit unit) {
    if (caller.role() != Role.ORGANIZATION || unit.level() != Level.ORGANIZATION) {
      return Mono.empty();
    }
    return reports.recordOpening(
        campaignId, unit.organizationId(), unit.regionCode(), clock.instant());
  }

  private Mono<Boolean> released(long campaignId, Unit unit) {
    return unit.regionCode() == null
        ? Mono.just(true)
        : reports.released(campaignId, unit.regionCode());
  }

  /** The units above: municipality, region, country. */
  private Mono<List<Unit>> above(Unit unit) {
    List<Mono<Unit>> chain = new ArrayList<>();
    if (unit.level() == Level.ORGANIZATION && unit.municipalityId() != null) {
      chain.add(
          Mono.just(
              new Unit(
                  Level.MUNICIPALITY,
                  unit.municipalityId().toString(),
                  unit.municipalityName(),
                  null,
                  unit.regionCode(),
                  unit.municipalityId(),
                  unit.municipalityName())));
    }
    if (unit.level() == Level.ORGANIZATION || unit.level() == Level.MUNICIPALITY) {
      chain.add(reports.region(unit.regionCode()));
    }
    if (unit.level() != Level.COUNTRY) {
      chain.add(Mono.just(Unit.COUNTRY));
    }
    return Flux.concat(chain).collectList();
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
    return context(caller, campaignId, subjectKey, named, true)
        .flatMap(
            ctx -> {
              long org = ctx.unit().organizationId();
              return Mono.zip(
                      reports.countParticipants(campaignId, subjectKey, org),
                      reports.participants(campaignId, subjectKey, org, page).collectList())
                  .map(
                      counted ->
                          new ParticipantsPage(
                              ctx.subject(), ctx.unit(), counted.getT2(), counted.getT1()));
            });
  }

  // --- flags

  Mono<Flags> flags(Caller caller, long campaignId, String subjectKey, long organizationId) {
    ReportAccess.requireFlagReader(caller);
    return context(caller, campaignId, subjectKey, new Named(organizationId, null, null), true)
        .flatMap(
            ctx ->
                flagsOf(ctx.subject(), List.of(ctx.unit()))
                    .map(
                        found ->
                            new Flags(
                                ctx.unit(),
                                ctx.subject(),
                                found
                                    .tallies()
                                    .getOrDefault(ctx.unit().id(), empty(ctx))
                                    .participants(),
                                found.flags().getOrDefault(ctx.unit().id(), List.of()))));
  }

  private static Tally empty(Context ctx) {
    return Tally.empty(ctx.subject().tasks(), ctx.subject().maxScore());
  }

  /** Flags of organizations, by organization id (as text), with their tallies. */
  record Found(Map<String, Tally> tallies, Map<String, List<Flag>> flags) {}

  private Mono<Found> flagsOf(Subject subject, List<Unit> organizations) {
    long campaign = subject.campaignId();
    Mono<Map<String, Tally>> own =
        Flux.fromIterable(organizations)
            .concatMap(
                u ->
                    reports
                        .tally(campaign, subject.key(), Level.ORGANIZATION, u.id())
                        .map(t -> Map.entry(u.id(), t)))
            .collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new);
    return own.flatMap(
        tallies -> {
          List<UnitRow> rows = new ArrayList<>();
          for (Unit u : organizations) {
            Tally t = tallies.get(u.id());
            if (t != null) {
              rows.add(new UnitRow(u, t, List.of(), 0));
            }
          }
          return flagRows(subject, rows)
              .map(
                  flags -> {
                    return new Found(tallies, flags);
                  });
        });
  }

  /** The flags of each organization row, by organization id (as text). */
  private Mono<Map<String, List<Flag>>> flagRows(Subject subject, List<UnitRow> rows) {
    long campaign = subject.campaignId();
    String key = subject.key();
    Mono<Map<String, Tally>> regions = reports.regionTallies(campaign, key);
    Mono<Tally> country =
        reports
            .tally(campaign, key, Level.COUNTRY, "")
            .defaultIfEmpty(Tally.empty(subject.tasks(), subject.maxScore()));
    List<Long> ids = rows.stream().map(r -> r.unit().organizationId()).toList();
    Mono<Map<Long, Boolean>> previous = previousFlags(key, campaign, ids);
    return Mono.zip(regions, country, previous)
        .map(
            z -> {
              Map<String, List<Flag>> out = new HashMap<>();
              for (UnitRow row : rows) {
                Tally region =
                    z.getT1()
                        .getOrDefault(
                            row.unit().regionCode(),
                            Tally.empty(subject.tasks(), subject.maxScore()));
                out.put(
                    row.unit().id(),
                    ObjectivityRules.flags(
                        row.tally(),
                        region,
                        z.getT2(),
                        subject,
                        z.getT3().get(row.unit().organizationId())));
              }
              return out;
            });
  }

  /**
   * Whether each organization was flagged in its previous campaign of the subject (absent: none).
   */
  private Mono<Map<Long, Boolean>> previousFlags(String key, long campaign, List<Long> ids) {
    return reports
        .previous(campaign, key, ids)
        .collectList()
        .flatMap(
            list -> {
              Map<Long, List<Previous>> byCampaign = new HashMap<>();
              for (Previous p : list) {
                byCampaign.computeIfAbsent(p.campaignId(), c -> new ArrayList<>()).add(p);
              }
              return Flux.fromIterable(byCampaign.entrySet())
                  .concatMap(
                      e ->
                          results
                              .subject(e.getKey(), key)
                              .flatMap(
                                  prevSubject ->
                                      Mono.zip(
                                              reports.regionTallies(e.getKey(), key),
                                              reports
                                                  .tally(e.getKey(), key, Level.COUNTRY, "")
                                                  .defaultIfEmpty(
                                                      Tally.empty(
                                                          prevSubject.tasks(),
                                                          prevSubject.maxScore())))
                                          .map(
                                              z -> {
                                                Map<Long, Boolean> m = new HashMap<>();
                                                for (Previous p : e.getValue()) {
                                                  Tally region =
                                                      z.getT1()
                                                          .getOrDefault(
                                                              p.regionCode(),
                                                              Tally.empty(
                                                                  prevSubject.tasks(),
                                                                  prevSubject.maxScore()));
                                                  m.put(
                                                      p.organizationId(),
                                                      ObjectivityRules.raisedWithoutHistory(
                                                          p.tally(),
                                                          region,
                                                          z.getT2(),
                                                          prevSubject));
                                                }
                                                return m;
                                              })))
                  .collectList()
                  .map(
                      maps -> {
                        Map<Long, Boolean> all = new HashMap<>();
                        maps.forEach(all::putAll);
                        return all;
                      });
            });
  }

  // --- report 6

  Mono<UnitTable> units(
      Caller caller,
      long campaignId,
      String subjectKey,
      Named named,
      TableQuery query,
      Paging page) {
    ReportAccess.requireCoordinator(caller);
    if (named.organizationId() != null) {
      return Mono.error(
          new InvalidRequestException("organizationId", "У организации нет таблицы единиц ниже"));
    }
    return context(caller, campaignId, subjectKey, named, false, page)
        .flatMap(
            ctx -> {
              Unit parent = ctx.unit();
              Level rows =
                  query.rows() != null
                      ? query.rows()
                      : parent.level() == Level.COUNTRY ? Level.REGION : Level.ORGANIZATION;
              if (rows.ordinal() <= parent.level().ordinal()) {
                return Mono.error(
                    new InvalidRequestException(
                        "rows", "Строки таблицы должны быть уровнем ниже выбранной единицы"));
              }
              Visibility scope = ReportAccess.scope(caller);
              String region = parent.level() == Level.COUNTRY ? null : parent.regionCode();
              Long municipality =
                  parent.level() == Level.MUNICIPALITY ? parent.municipalityId() : null;
              Mono<List<UnitRow>> listed =
                  reports
                      .rows(campaignId, subjectKey, rows, region, municipality, scope)
                      .collectList();
              boolean flagsToo = ReportAccess.readsFlags(caller);
              return listed
                  .flatMap(
                      list -> {
                        if (!flagsToo) {
                          return Mono.just(list);
                        }
                        Mono<List<UnitRow>> orgRows =
                            rows == Level.ORGANIZATION
                                ? Mono.just(list)
                                : reports
                                    .organizationsUnder(
                                        campaignId, subjectKey, region, municipality, scope)
                                    .collectList();
                        return orgRows.flatMap(
                            orgs ->
                                flagRows(ctx.subject(), orgs)
                                    .map(flags -> withFlags(list, orgs, flags, rows)));
                      })
                  .map(list -> table(ctx.subject(), parent, list, query, ctx.page()));
            });
  }

  private static List<UnitRow> withFlags(
      List<UnitRow> rows, List<UnitRow> orgs, Map<String, List<Flag>> flags, Level level) {
    if (level == Level.ORGANIZATION) {
      return rows.stream()
          .map(
              r ->
                  new UnitRow(
                      r.unit(),
                      r.tally(),
                      ObjectivityRules.raised(flags.getOrDefault(r.unit().id(), List.of())),
                      0))
          .toList();
    }
    Map<String, Integer> flagged = new HashMap<>();
    for (UnitRow o : orgs) {
      if (ObjectivityRules.anyRaised(flags.getOrDefault(o.unit().id(), List.of()))) {
        String parentKey =
            level == Level.REGION
                ? o.unit().regionCode()
                : o.unit().municipalityId() == null ? "" : o.unit().municipalityId().toString();
        flagged.merge(parentKey, 1, Integer::sum);
      }
    }
    return rows.stream()
        .map(
            r ->
                new UnitRow(r.unit(), r.tally(), List.of(), flagged.getOrDefault(r.unit().id(), 0)))
        .toList();
  }

  private UnitTable table(
      Subject subject, Unit parent, List<UnitRow> rows, TableQuery query, Paging page) {
    List<UnitRow> filtered = new ArrayList<>();
    String q = query.q() == null ? null : query.q().toLowerCase(Locale.ROOT);
    for (UnitRow r : rows) {
      if (query.flaggedOnly() && r.flags().isEmpty() && r.flaggedOrganizations() == 0) {
        continue;
      }
      if (q != null
          && !r.unit().name().toLowerCase(Locale.ROOT).contains(q)
          && (r.unit().login() == null || !r.unit().login().toLowerCase(Locale.ROOT).contains(q))) {
        continue;
      }
      filtered.add(r);
    }
    Comparator<UnitRow> order =
        switch (query.sort() == null ? Sort.NAME : query.sort()) {
          case NAME -> Comparator.comparing(r -> r.unit().name());
          case PARTICIPANTS -> Comparator.comparingInt(r -> r.tally().participants());
          case MEAN_SCORE -> Comparator.comparingDouble(r -> r.tally().meanScore());
          case SHARE_2 -> Comparator.comparingDouble(r -> share(r.tally(), 2));
          case SHARE_45 ->
              Comparator.comparingDouble(r -> share(r.tally(), 4) + share(r.tally(), 5));
          case FLAGS -> Comparator.comparingInt(r -> r.flags().size() + r.flaggedOrganizations());
        };
    order = order.thenComparing(r -> r.unit().id());
    if (query.descending()) {
      order = order.reversed();
    }
    filtered.sort(order);
    int from = (int) Math.min(filtered.size(), page.offset());
    int to = Math.min(filtered.size(), from + page.size());
    return new UnitTable(subject, parent, List.copyOf(filtered.subList(from, to)), filtered.size());
  }

  static double share(Tally t, int grade) {
    return t.participants() == 0 ? 0 : (double) t.gradeCount(grade) / t.participants();
  }

  /** Every row of the table (the export). */
  Mono<UnitTable> allUnits(Caller caller, long campaignId, String subjectKey, Named named) {
    return units(
        caller,
        campaignId,
        subjectKey,
        named,
        new TableQuery(null, Sort.NAME, false, false, null),
        new Paging(0, Integer.MAX_VALUE));
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
                return results
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
              return units(
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
      return Mono.error(notFound());
    }
    return campaigns
        .visibleTo(caller, campaignId)
        .then(
            Mono.zip(
                reports.openingCounts(
                    campaignId, named.regionCode(), named.municipalityId(), opened, scope),
                reports
                    .openings(
                        campaignId, named.regionCode(), named.municipalityId(), opened, scope, page)
                    .collectList()))
        .map(z -> new Openings(z.getT2(), z.getT1()[1], z.getT1()[0]));
  }

  // --- the unit a request is about

  record Context(CampaignInfo campaign, Subject subject, Unit unit, Paging page) {}

  private Mono<Subject> subject(Caller caller, long campaignId, String subjectKey) {
    return campaigns
        .visibleTo(caller, campaignId)
        .then(results.subject(campaignId, subjectKey))
        .switchIfEmpty(
            Mono.error(
                () -> new NotFoundException("Предмет «" + subjectKey + "» в кампании не найден")));
  }

  private Mono<Context> context(
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
    Mono<Unit> unit = unitOf(caller, scope, named);
    return campaigns
        .visibleTo(caller, campaignId)
        .flatMap(
            campaign ->
                results
                    .subject(campaignId, subjectKey)
                    .switchIfEmpty(
                        Mono.error(
                            () ->
                                new NotFoundException(
                                    "Предмет «" + subjectKey + "» в кампании не найден")))
                    .flatMap(
                        subject ->
                            unit.switchIfEmpty(Mono.error(ReportService::notFound))
                                .flatMap(
                                    u -> {
                                      if (u.regionCode() != null
                                          && !campaign.regionCodes().contains(u.regionCode())) {
                                        return Mono.error(notFound());
                                      }
                                      Mono<Boolean> open =
                                          ReportAccess.waitsForRelease(caller)
                                              ? reports.released(campaignId, u.regionCode())
                                              : Mono.just(true);
                                      return open.flatMap(
                                          released ->
                                              released
                                                  ? Mono.just(
                                                      new Context(campaign, subject, u, page))
                                                  : Mono.error(
                                                      new NotFoundException(
                                                          "Отчёты по региону ещё не опубликованы"
                                                              + " федеральным организатором")));
                                    })));
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

  private static NotFoundException notFound() {
    return new NotFoundException("Отчёт не найден");
  }

  static Optional<Integer> none() {
    return Optional.empty();
  }
}
