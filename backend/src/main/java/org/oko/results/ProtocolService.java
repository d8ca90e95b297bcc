package org.oko.results;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oko.forms.FormReopened;
import org.oko.forms.FormSubmitted;
import org.oko.forms.SubmittedFormDirectory;
import org.oko.results.ResultsStore.Place;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns the forms' events into results: a submitted results protocol replaces its organization's
 * participants and moves the tallies of the units above by the difference; a reopened one is
 * withdrawn until submitted again. An event of a version not newer than the one applied changes
 * nothing, so redelivery and a replay of every event give the same results. Each change is one
 * transaction under the campaign subject's lock.
 */
@Service
class ProtocolService {

  private final SubmittedFormDirectory forms;
  private final ResultsStore store;
  private final TransactionalOperator tx;
  private final Clock clock;

  ProtocolService(
      SubmittedFormDirectory forms, ResultsStore store, TransactionalOperator tx, Clock clock) {
    this.forms = forms;
    this.store = store;
    this.tx = tx;
    this.clock = clock;
  }

  /** Applies a submitted version; true when it changed the results. */
  Mono<Boolean> submitted(FormSubmitted event) {
    if (event.organizationId() == null) {
      return Mono.just(false);
    }
    return forms
        .version(event.responseId(), event.number())
        .filter(v -> v.subjectKey() != null && v.organizationId() != null)
        .flatMap(
            version ->
                store
                    .subject(version.campaignId(), version.subjectKey())
                    .filter(s -> s.tasks() > 0)
                    .flatMap(
                        subject -> {
                          List<Participant> participants =
                              TallyRules.participants(version, subject);
                          if (participants.isEmpty()
                              && version.sheets().stream()
                                  .noneMatch(
                                      s ->
                                          s.columns().stream()
                                              .anyMatch(
                                                  c ->
                                                      c.type()
                                                          == org.oko.forms.ColumnType
                                                              .PARTICIPANT_CODE))) {
                            return Mono.just(false);
                          }
                          return apply(
                              subject,
                              version.organizationId(),
                              version.formId(),
                              version.responseId(),
                              version.number(),
                              participants);
                        }))
        .defaultIfEmpty(false);
  }

  /** Withdraws a reopened version; true when it changed the results. */
  Mono<Boolean> reopened(FormReopened event) {
    if (event.organizationId() == null) {
      return Mono.just(false);
    }
    return store
        .appliedByResponse(event.responseId())
        .flatMap(
            found ->
                store
                    .lock(found.campaignId(), found.subjectKey())
                    .then(store.appliedByResponse(event.responseId()))
                    .flatMap(
                        applied -> {
                          if (event.number() < applied.number()
                              || (event.number() == applied.number() && !applied.active())) {
                            return Mono.just(false);
                          }
                          Place place =
                              new Place(
                                  applied.organizationId(),
                                  applied.regionCode(),
                                  applied.municipalityId());
                          return store
                              .organizationTally(
                                  applied.campaignId(),
                                  applied.subjectKey(),
                                  applied.organizationId())
                              .flatMap(
                                  old ->
                                      moveUnits(
                                          applied.campaignId(),
                                          applied.subjectKey(),
                                          place,
                                          zero(old).minus(old)))
                              .then(
                                  store.deleteOrganizationTally(
                                      applied.campaignId(),
                                      applied.subjectKey(),
                                      applied.organizationId()))
                              .then(
                                  store.replaceParticipants(
                                      applied.campaignId(),
                                      applied.subjectKey(),
                                      applied.organizationId(),
                                      List.of()))
                              .then(
                                  store.putProtocol(
                                      applied.campaignId(),
                                      applied.subjectKey(),
                                      place,
                                      0,
                                      applied.responseId(),
                                      event.number(),
                                      false,
                                      clock.instant()))
                              .thenReturn(true);
                        }))
        .as(tx::transactional)
        .defaultIfEmpty(false);
  }

  /**
   * Replaces an organization's results by these participants if {@code number} is newer than the
   * version applied. Public to the package for the synthetic-country generator.
   */
  Mono<Boolean> apply(
      Subject subject,
      long organizationId,
      long formId,
      long responseId,
      int number,
      List<Participant> participants) {
    long campaign = subject.campaignId();
    String key = subject.key();
    return store
        .lock(campaign, key)
        .then(
            store
                .applied(campaign, key, organizationId)
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty()))
        .flatMap(
            applied -> {
              if (applied.isPresent() && applied.get().number() >= number) {
                return Mono.just(false);
              }
              return store
                  .place(organizationId)
                  .flatMap(
                      place -> {
                        Tally fresh = TallyRules.tally(participants, subject);
                        Mono<Tally> old =
                            store
                                .organizationTally(campaign, key, organizationId)
                                .defaultIfEmpty(Tally.empty(subject.tasks(), subject.maxScore()));
                        return old.flatMap(
                                before -> moveUnits(campaign, key, place, fresh.minus(before)))
                            .then(
                                participants.isEmpty()
                                    ? store.deleteOrganizationTally(campaign, key, organizationId)
                                    : store.putOrganizationTally(campaign, key, place, fresh))
                            .then(
                                store.replaceParticipants(
                                    campaign, key, organizationId, participants))
                            .then(
                                store.putProtocol(
                                    campaign,
                                    key,
                                    place,
                                    formId,
                                    responseId,
                                    number,
                                    true,
                                    clock.instant()))
                            .thenReturn(true);
                      });
            })
        .as(tx::transactional);
  }

  /**
   * Recomputes every tally of a subject from its stored participants (after a new grade scale, or
   * to check the incremental tallies): organization rows from their participants, the units above
   * as their sums. Run inside the caller's transaction, under the subject's lock.
   */
  Mono<Integer> rebuildTallies(Subject subject) {
    long campaign = subject.campaignId();
    String key = subject.key();
    Map<String, Tally> units = new HashMap<>();
    Map<String, Place> unitPlaces = new HashMap<>();
    return store
        .deleteAggregates(campaign, key)
        .thenMany(store.activeProtocols(campaign, key))
        .concatMap(
            applied ->
                store
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
                                  ? store.deleteOrganizationTally(
                                      campaign, key, place.organizationId())
                                  : store.putOrganizationTally(campaign, key, place, t))
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
                          return store.addToUnit(
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
    Mono<Void> country = store.addToUnit(campaign, key, "COUNTRY", "", null, null, delta);
    Mono<Void> region =
        store.addToUnit(
            campaign, key, "REGION", place.regionCode(), place.regionCode(), null, delta);
    Mono<Void> municipality =
        place.municipalityId() == null
            ? Mono.empty()
            : store.addToUnit(
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
