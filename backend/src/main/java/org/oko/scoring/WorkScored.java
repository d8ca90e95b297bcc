package org.oko.scoring;

import java.time.Instant;
import java.util.List;
import org.oko.platform.events.EventTopic;

/**
 * Event: an ОМК work's result became final (one expert, two agreeing experts, or the third after a
 * discrepancy): its score per criterion of the scheme, in the scheme's order, and the total. A
 * later event of the same work (a re-scoring) carries a later {@code decidedAt} and replaces it.
 * The participant is the work's kit number; names never travel.
 */
public record WorkScored(
    long campaignId,
    String subjectKey,
    long kitNumber,
    long organizationId,
    String regionCode,
    List<CriterionScore> scores,
    int total,
    Instant decidedAt) {

  public static final EventTopic TOPIC = new EventTopic("scoring.WorkScored");

  /** A criterion's code, its maximum by the scheme and the final score. */
  public record CriterionScore(String code, int maxScore, int score) {}
}
