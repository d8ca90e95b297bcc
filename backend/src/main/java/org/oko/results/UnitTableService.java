package org.oko.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.oko.orgs.Visibility;
import org.oko.platform.security.Caller;
import org.oko.platform.web.InvalidRequestException;
import org.oko.platform.web.Paging;
import org.oko.results.ReportService.Named;
import org.oko.results.ReportService.Sort;
import org.oko.results.ReportService.TableQuery;
import org.oko.results.ReportViews.UnitRow;
import org.oko.results.ReportViews.UnitTable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Report 6: the table of the units below a municipality, a region or the country, with the
 * indicators and (for coordinators) the flags; sorted, filtered and paged in memory.
 */
@Service
class UnitTableService {

  private final ReportScopeService scopes;
  private final ReportStore reports;
  private final FlagStore flags;

  UnitTableService(ReportScopeService scopes, ReportStore reports, FlagStore flags) {
    this.scopes = scopes;
    this.reports = reports;
    this.flags = flags;
  }

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
    return scopes
        .context(caller, campaignId, subjectKey, named, false, page)
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
              Mono<Map<String, Integer>> flagged =
                  flagsToo && rows != Level.ORGANIZATION
                      ? flags.flaggedCounts(
                          campaignId, subjectKey, rows, region, municipality, scope)
                      : Mono.just(Map.of());
              return Mono.zip(listed, flagged)
                  .map(
                      found ->
                          table(
                              ctx.subject(),
                              parent,
                              withFlags(found.getT1(), found.getT2(), flagsToo),
                              query,
                              ctx.page()));
            });
  }

  /**
   * The rows with their stored flags (organizations) or counts of flagged organizations (units
   * above), or with neither for a caller who may not read flags.
   */
  private static List<UnitRow> withFlags(
      List<UnitRow> rows, Map<String, Integer> flagged, boolean flagsToo) {
    return rows.stream()
        .map(
            r ->
                new UnitRow(
                    r.unit(),
                    r.tally(),
                    flagsToo ? r.flags() : List.of(),
                    flagsToo ? flagged.getOrDefault(r.unit().id(), 0) : 0))
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
}
