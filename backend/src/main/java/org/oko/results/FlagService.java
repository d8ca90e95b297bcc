package org.oko.results;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oko.platform.security.Caller;
import org.oko.results.ReportScopeService.Context;
import org.oko.results.ReportService.Named;
import org.oko.results.ReportStore.Previous;
import org.oko.results.ReportViews.Flags;
import org.oko.results.ReportViews.UnitRow;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The objectivity flags of organizations (docs/results.md): computed from an organization's tally
 * against its region's and the country's, and whether it was flagged in its previous campaign of
 * the subject. For coordinators and the federal organizer only.
 */
@Service
class FlagService {

  private final ReportScopeService scopes;
  private final ReportStore reports;
  private final ResultsStore results;

  FlagService(ReportScopeService scopes, ReportStore reports, ResultsStore results) {
    this.scopes = scopes;
    this.reports = reports;
    this.results = results;
  }

  Mono<Flags> flags(Caller caller, long campaignId, String subjectKey, long organizationId) {
    ReportAccess.requireFlagReader(caller);
    return scopes
        .context(caller, campaignId, subjectKey, new Named(organizationId, null, null), true)
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

  Mono<Found> flagsOf(Subject subject, List<Unit> organizations) {
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
  Mono<Map<String, List<Flag>>> flagRows(Subject subject, List<UnitRow> rows) {
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
}
