package org.oko.results;

import java.time.Clock;
import java.util.List;
import org.oko.platform.security.Caller;
import org.oko.platform.web.UnprocessableException;
import org.oko.results.ReportViews.Scale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The grade scale of a campaign subject (primary score → отметка): read by everyone who sees the
 * subject, set by the federal organizer — every participant regraded and the tallies rebuilt in one
 * transaction under the subject's lock.
 */
@Service
class ScaleService {

  private final ReportScopeService scopes;
  private final ResultsStore results;
  private final TallyService tallies;
  private final ParticipantStore participants;
  private final TransactionalOperator tx;
  private final Clock clock;

  ScaleService(
      ReportScopeService scopes,
      ResultsStore results,
      TallyService tallies,
      ParticipantStore participants,
      TransactionalOperator tx,
      Clock clock) {
    this.scopes = scopes;
    this.results = results;
    this.tallies = tallies;
    this.participants = participants;
    this.tx = tx;
    this.clock = clock;
  }

  Mono<Scale> scale(Caller caller, long campaignId, String subjectKey) {
    return scopes
        .subject(caller, campaignId, subjectKey)
        .flatMap(
            s ->
                results
                    .scale(campaignId, subjectKey)
                    .map(x -> new Scale(s, x.updatedAt(), x.updatedBy()))
                    .defaultIfEmpty(new Scale(s, null, null)));
  }

  Mono<Scale> setScale(Caller caller, long campaignId, String subjectKey, List<Integer> input) {
    ReportAccess.requireFederal(caller);
    return scopes
        .subject(caller, campaignId, subjectKey)
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
                  .then(participants.regrade(campaignId, subjectKey, b))
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
}
