package org.oko.results;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.oko.results.ResultsStore.Applied;
import org.oko.results.ResultsStore.Place;
import org.oko.scoring.WorkScored;
import org.oko.scoring.WorkScored.CriterionScore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Turns the ОМК experts' final scores ({@link WorkScored}) into results: the work's kit number is
 * the participant code, its criteria are the tasks (when the campaign subject lists none of its
 * own), and the organization's tallies and the units above move by the difference. An event not
 * later than the decision held changes nothing (redelivery, a replay of every event); a later one
 * (a re-scoring) replaces the participant's row. One transaction under the subject's lock.
 */
@Service
class ExpertScoreService {

  private final ResultsStore store;
  private final ExpertScoreStore works;
  private final ParticipantStore participants;
  private final TallyService tallies;
  private final TransactionalOperator tx;
  private final Clock clock;

  ExpertScoreService(
      ResultsStore store,
      ExpertScoreStore works,
      ParticipantStore participants,
      TallyService tallies,
      TransactionalOperator tx,
      Clock clock) {
    this.store = store;
    this.works = works;
    this.participants = participants;
    this.tallies = tallies;
    this.tx = tx;
    this.clock = clock;
  }

  /** Applies a work's final scores; true when it changed the results. */
  Mono<Boolean> scored(WorkScored event) {
    long campaign = event.campaignId();
    String key = event.subjectKey();
    Mono<Boolean> change =
        store
            .lock(campaign, key)
            .then(
                works
                    .decidedAt(campaign, key, event.kitNumber())
                    .map(held -> !event.decidedAt().isAfter(held))
                    .defaultIfEmpty(false))
            .flatMap(stale -> stale ? Mono.just(false) : apply(event));
    return change.as(tx::transactional);
  }

  private Mono<Boolean> apply(WorkScored event) {
    long campaign = event.campaignId();
    String key = event.subjectKey();
    long organizationId = event.organizationId();
    List<CriterionScore> criteria = event.scores();
    String[] codes = criteria.stream().map(CriterionScore::code).toArray(String[]::new);
    Integer[] maxima = criteria.stream().map(CriterionScore::maxScore).toArray(Integer[]::new);
    return works
        .putCriteria(campaign, key, codes, maxima)
        .then(store.subject(campaign, key))
        .filter(subject -> subject.tasks() > 0)
        .flatMap(
            subject ->
                Mono.zip(
                        store.place(organizationId),
                        participants.participants(campaign, key, organizationId).collectList())
                    .flatMap(
                        found ->
                            replace(
                                subject, found.getT1(), found.getT2(), participant(subject, event)))
                    .then(
                        works.putWork(
                            campaign, key, event.kitNumber(), organizationId, event.decidedAt()))
                    .thenReturn(true))
        .defaultIfEmpty(false);
  }

  /** The organization's participants with this one's row replaced; its protocol counts up. */
  private Mono<Void> replace(
      Subject subject, Place place, List<Participant> held, Participant scored) {
    List<Participant> participants = new ArrayList<>(held);
    participants.removeIf(p -> p.code().equals(scored.code()));
    participants.add(scored);
    participants.sort(Comparator.comparing(Participant::code));
    long campaign = subject.campaignId();
    String key = subject.key();
    return tallies
        .replace(subject, place, participants)
        .then(
            store
                .applied(campaign, key, place.organizationId())
                .map(Applied::number)
                .defaultIfEmpty(0))
        .flatMap(
            number ->
                store.putProtocol(campaign, key, place, 0, 0, number + 1, true, clock.instant()));
  }

  /** The work as a participant: its criteria scores as the subject's tasks, in order. */
  static Participant participant(Subject subject, WorkScored event) {
    int[] scores = new int[subject.tasks()];
    int total = 0;
    for (int i = 0; i < scores.length && i < event.scores().size(); i++) {
      scores[i] = event.scores().get(i).score();
      total += scores[i];
    }
    return new Participant(
        Long.toString(event.kitNumber()), null, null, scores, total, subject.grade(total), null);
  }
}
