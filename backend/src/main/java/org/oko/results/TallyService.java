package org.oko.results;

import java.util.List;
import org.oko.results.ResultsStore.Place;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Keeps the tallies right when an organization's participants change: its own row is replaced and
 * the municipality, the region and the country move by the difference (incremental, never a full
 * recompute), or everything is recomputed from the participants after a new grade scale. Runs in
 * the caller's transaction, under the campaign subject's lock ({@link ResultsStore#lock}).
 */
@Service
class TallyService {

  private final TallyStore tallyStore;
  private final FlagRefreshService flags;
  private final ParticipantStore participantStore;
  private final TallyRebuildStore rebuildStore;

  TallyService(
      TallyStore tallyStore,
      FlagRefreshService flags,
      ParticipantStore participantStore,
      TallyRebuildStore rebuildStore) {
    this.rebuildStore = rebuildStore;
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
   * to check the incremental tallies): one grouped statement for the organizations, one for the
   * units above ({@link TallyRebuildStore}). Run inside the caller's transaction, under the
   * subject's lock.
   */
  Mono<Integer> rebuild(Subject subject) {
    return rebuildStore.rebuild(subject);
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
