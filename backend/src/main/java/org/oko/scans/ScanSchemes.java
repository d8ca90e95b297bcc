package org.oko.scans;

import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** What a subject's work looks like to the collector and to experts (its answer-sheet scheme). */
@Component
public class ScanSchemes {

  /** One extended answer an expert scores from 0 to {@code maxScore}, found on {@code page}. */
  public record Criterion(String code, String title, int maxScore, int page) {}

  public record Scheme(
      long campaignId,
      String subjectKey,
      int pages,
      List<Criterion> criteria,
      int secondScoringPercent,
      int discrepancyThreshold) {}

  /** The scheme of a campaign's subject; empty when none was defined. */
  public Mono<Scheme> of(long campaignId, String subjectKey) {
    throw new UnsupportedOperationException("TODO: collector helper");
  }
}
