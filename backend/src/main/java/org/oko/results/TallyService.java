package org.oko.results;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oko.results.ResultsStore.Place;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps the tallies right when an organization's participants change: its own row is replaced and
 * the municipality, the region and the country move by the difference (incremental, never a full
 * recompute), or everything is recomputed from the participants after a new grade scale. Runs in
 * the caller's transaction, under the campaign subject's lock ({@link ResultsStore#lock}).
 */
@Service
class TallyService {

  private final ResultsStore store;
  private final TallyStore tallyStore;
  private final FlagRefreshService flags;
  private final ParticipantStore participantStore;

  TallyService(
      ResultsStore store,
      TallyStore tallyStore,
      FlagRefreshService flags,
      ParticipantStore participantStore) {
    this.store = store;
    this.participantStore = participantStore;
    this.tallyStore = tallyStore;
    this.flags = flags;
  }

  /**
   * Replaces the organization's participants by these (none: its results are withdrawn), and stores
   * its objectivity flags decided against the moved tallies.
   */
  Mono<Void> replace(Subject subject, Place place, List<Participant> participants) {
    long campaign = subject.campaignId();
    String key = subject.key();
    long organizationId = place.organizationId();
    Tally fresh = TallyRules.tally(participants, subject);
    return tallyStore
        .organizationTally(campaign, key, organizationId)
        .defaultIfEmpty(Tally.empty(subject.tasks(), subject.maxScore()))
        .flatMap(before -> moveUnits(campaign, key, place, fresh.minus(before)))
        .then(
            participants.isEmpty()
                ? tallyStore.deleteOrganizationTally(campaign, key, organizationId)
                : tallyStore.putOrganizationTally(campaign, key, place, fresh))
        .then(flags.refresh(subject, place))
        .then(participantStore.replace(campaign, key, organizationId, participants));
  }

  /** Withdraws the organization's results (a reopened protocol). */
  Mono<Void> withdraw(long campaign, String key, Place place) {
    return tallyStore
        .organizationTally(campaign, key, place.organizationId())
        .flatMap(old -> moveUnits(campaign, key, place, zero(old).minus(old)))
        .then(tallyStore.deleteOrganizationTally(campaign, key, place.organizationId()))
        .then(participantStore.replace(campaign, key, place.organizationId(), List.of()));
  }

  /**
   * Recomputes every tally of a subject from its stored participants (after a new grade scale, or
   * to check the incremental tallies): organization rows from their participants, the units above
   * as their sums. Run inside the caller's transaction, under the subject's lock.
   */
  Mono<Integer> rebuild(Subject subject) {
    long campaign = subject.campaignId();
    String key = subject.key();
    Map<String, Tally> units = new HashMap<>();
    Map<String, Place> unitPlaces = new HashMap<>();
    return tallyStore
        .deleteAggregates(campaign, key)
        .thenMany(store.activeProtocols(campaign, key))
        .concatMap(
            applied ->
                participantStore
                    .participants(campaign, key, applied.organizationId())
                    .collectList()
                    .flatMap(
                        participants -> {
                          Tally t = TallyRules.tally(participants, subject);
                          Place place =
                              new Place(
                                  applied.organizationId(),
                                  applied.regionCode(),
                                  applied.municipalityId());
                          add(units, unitPlaces, "COUNTRY|", null, t);
                          add(
                              units,
                              unitPlaces,
                              "REGION|" + place.regionCode(),
                              new Place(0, place.regionCode(), null),
                              t);
                          if (place.municipalityId() != null) {
                            add(
                                units,
                                unitPlaces,
                                "MUNICIPALITY|" + place.municipalityId(),
                                new Place(0, place.regionCode(), place.municipalityId()),
                                t);
                          }
                          return (participants.isEmpty()
                                  ? tallyStore.deleteOrganizationTally(
                                      campaign, key, place.organizationId())
                                  : tallyStore.putOrganizationTally(campaign, key, place, t))
                              .thenReturn(1);
                        }),
            4)
        .count()
        .flatMap(
            count ->
                Flux.fromIterable(units.entrySet())
                    .concatMap(
                        e -> {
                          String[] parts = e.getKey().split("\\|", -1);
                          Place p = unitPlaces.get(e.getKey());
                          return tallyStore.addToUnit(
                              campaign,
                              key,
                              parts[0],
                              parts[1],
                              p == null ? null : p.regionCode(),
                              p == null ? null : p.municipalityId(),
                              e.getValue());
                        })
                    .then(Mono.just(count.intValue())));
  }

  private static void add(
      Map<String, Tally> units, Map<String, Place> places, String key, Place place, Tally t) {
    Tally zeroed =
        new Tally(
            t.participants(),
            t.scoreSum(),
            t.scoreSqSum(),
            t.grades(),
            t.histogram(),
            t.taskSums(),
            t.gradeTaskSums(),
            t.journal(),
            0,
            0,
            t.schools(),
            t.schoolMeanSum(),
            t.schoolMeanSqSum());
    units.merge(key, zeroed, Tally::plus);
    if (place != null) {
      places.putIfAbsent(key, place);
    }
  }

  /** Moves the country, the region and the municipality by {@code delta}, in that order. */
  private Mono<Void> moveUnits(long campaign, String key, Place place, Tally delta) {
    Mono<Void> country = tallyStore.addToUnit(campaign, key, "COUNTRY", "", null, null, delta);
    Mono<Void> region =
        tallyStore.addToUnit(
            campaign, key, "REGION", place.regionCode(), place.regionCode(), null, delta);
    Mono<Void> municipality =
        place.municipalityId() == null
            ? Mono.empty()
            : tallyStore.addToUnit(
                campaign,
                key,
                "MUNICIPALITY",
                place.municipalityId().toString(),
                place.regionCode(),
                place.municipalityId(),
                delta);
    return country.then(region).then(municipality);
  }

  private static Tally zero(Tally like) {
    return Tally.empty(like.tasks(), Math.max(0, like.histogram().length - 1));
  }
}
