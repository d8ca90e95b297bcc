package org.oko.results;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oko.results.FlagStore.Placed;
import org.oko.results.FlagStore.StaleRegion;
import org.oko.results.ResultsStore.Place;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Keeps the stored objectivity flags with the tallies: an organization's signs are decided again in
 * the transaction that moved its tally ({@link TallyService}), against its region's and the
 * country's tallies as they now stand; a region whose tally moved has its other organizations'
 * signs decided again by {@link FlagWorker} (their comparison with the region moved a little), one
 * transaction per region under the subject's lock.
 */
@Service
class FlagRefreshService {

  private final ResultsStore results;
  private final ReportStore reports;
  private final TallyStore tallies;
  private final FlagStore flags;
  private final TransactionalOperator tx;

  FlagRefreshService(
      ResultsStore results,
      ReportStore reports,
      TallyStore tallies,
      FlagStore flags,
      TransactionalOperator tx) {
    this.results = results;
    this.reports = reports;
    this.tallies = tallies;
    this.flags = flags;
    this.tx = tx;
  }

  /**
   * Decides and stores the organization's signs (in the caller's transaction, under the subject's
   * lock); empty when it has no results.
   */
  Mono<List<Flag>> refresh(Subject subject, Place place) {
    return decide(subject, place)
        .flatMap(
            decided ->
                flags
                    .put(subject.campaignId(), subject.key(), place.organizationId(), decided)
                    .thenReturn(decided));
  }

  /** Decides the organization's signs from the tallies as they stand; empty without results. */
  Mono<List<Flag>> decide(Subject subject, Place place) {
    long campaign = subject.campaignId();
    String key = subject.key();
    long id = place.organizationId();
    return tallies
        .organizationTally(campaign, key, id)
        .flatMap(
            own ->
                Mono.zip(
                        tally(subject, Level.REGION, place.regionCode()),
                        tally(subject, Level.COUNTRY, ""),
                        flags.previouslyRaised(campaign, key, List.of(id)))
                    .map(
                        around ->
                            ObjectivityRules.flags(
                                own,
                                around.getT1(),
                                around.getT2(),
                                subject,
                                around.getT3().get(id))));
  }

  /** What an organization's signs are decided against: its region, the country, the last time. */
  private record Around(Tally region, Tally country, Map<Long, Boolean> previouslyRaised) {}

  /** The signs of each of a region's organizations. */
  private static Map<Long, List<Flag>> decideAll(
      Subject subject, List<Placed> organizations, Around around) {
    Map<Long, List<Flag>> decided = new HashMap<>();
    for (Placed o : organizations) {
      long id = o.place().organizationId();
      decided.put(
          id,
          ObjectivityRules.flags(
              o.tally(),
              around.region(),
              around.country(),
              subject,
              around.previouslyRaised().get(id)));
    }
    return decided;
  }

  /** Decides and stores the signs of every organization of a region; answers how many. */
  Mono<Integer> refreshRegion(Subject subject, String regionCode) {
    long campaign = subject.campaignId();
    String key = subject.key();
    return flags
        .organizationsOf(campaign, key, regionCode)
        .collectList()
        .flatMap(
            organizations -> {
              List<Long> ids = organizations.stream().map(o -> o.place().organizationId()).toList();
              return Mono.zip(
                      tally(subject, Level.REGION, regionCode),
                      tally(subject, Level.COUNTRY, ""),
                      flags.previouslyRaised(campaign, key, ids))
                  .map(
                      around ->
                          decideAll(
                              subject,
                              organizations,
                              new Around(around.getT1(), around.getT2(), around.getT3())))
                  .flatMap(
                      decided -> flags.putAll(campaign, key, decided).thenReturn(decided.size()));
            });
  }

  /**
   * Refreshes a stale region if no other instance took it first: its own transaction, under the
   * subject's lock. Answers how many organizations' signs were decided.
   */
  Mono<Integer> refreshStale(StaleRegion region) {
    return results
        .lock(region.campaignId(), region.subjectKey())
        .then(flags.claim(region))
        .filter(claimed -> claimed)
        .flatMap(claimed -> results.subject(region.campaignId(), region.subjectKey()))
        .flatMap(subject -> refreshRegion(subject, region.regionCode()))
        .defaultIfEmpty(0)
        .as(tx::transactional);
  }

  private Mono<Tally> tally(Subject subject, Level level, String unit) {
    return reports
        .tally(subject.campaignId(), subject.key(), level, unit)
        .defaultIfEmpty(Tally.empty(subject.tasks(), subject.maxScore()));
  }
}
