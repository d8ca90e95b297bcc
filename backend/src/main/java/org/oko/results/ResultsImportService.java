package org.oko.results;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Results loaded without a request (the demo data; an import from an earlier system): the same path
 * as a submitted protocol ({@link ProtocolService#apply}), the same scale and release rules.
 */
@Service
public class ResultsImportService {

  /** One participant as loaded: code, class, score per task, journal grade (or null). */
  public record ScoredParticipant(
      String code, String classLetter, int[] scores, Integer journalGrade) {}

  private final ResultsStore store;
  private final ReleaseService releases;
  private final ProtocolService protocols;
  private final Clock clock;

  ResultsImportService(
      ResultsStore store, ReleaseService releases, ProtocolService protocols, Clock clock) {
    this.store = store;
    this.releases = releases;
    this.protocols = protocols;
    this.clock = clock;
  }

  /** The task maxima of a campaign subject (empty when it has none). */
  public Mono<int[]> taskMaxima(long campaignId, String subjectKey) {
    return store.subject(campaignId, subjectKey).map(Subject::taskMax);
  }

  /** Sets the grade scale (no results may exist yet for the subject: nothing is regraded). */
  public Mono<Void> setScale(long campaignId, String subjectKey, int[] boundaries, String by) {
    return store.putScale(campaignId, subjectKey, boundaries, clock.instant(), by);
  }

  /** Replaces an organization's results of a subject, as version {@code number} of a protocol. */
  public Mono<Boolean> load(
      long campaignId,
      String subjectKey,
      long organizationId,
      int number,
      List<ScoredParticipant> participants) {
    return store
        .subject(campaignId, subjectKey)
        .flatMap(
            subject -> {
              List<Participant> rows = new ArrayList<>();
              for (ScoredParticipant p : participants) {
                int total = 0;
                for (int s : p.scores()) {
                  total += s;
                }
                rows.add(
                    new Participant(
                        p.code(),
                        p.classLetter(),
                        1,
                        p.scores(),
                        total,
                        subject.grade(total),
                        p.journalGrade()));
              }
              return protocols.apply(subject, organizationId, 0, 0, number, rows);
            });
  }

  /** Releases a region's reports. */
  public Mono<Void> release(long campaignId, String regionCode, String by) {
    return releases.release(campaignId, regionCode, by);
  }
}
