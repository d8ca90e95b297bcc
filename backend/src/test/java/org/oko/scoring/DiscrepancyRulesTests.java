package org.oko.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oko.scans.SchemeDirectory.Criterion;
import org.oko.scans.SchemeDirectory.Scheme;
import org.oko.scoring.DiscrepancyRules.State;
import org.oko.scoring.ScoringTaskStore.Score;
import org.oko.scoring.ScoringTaskStore.TaskRow;

class DiscrepancyRulesTests {

  private static final Scheme SCHEME =
      new Scheme(
          1,
          "rus",
          2,
          List.of(new Criterion("1", "Первый", 3, 1), new Criterion("2", "Второй", 4, 2)),
          50,
          2);

  private static TaskRow task(int round, Integer s1, Integer s2) {
    boolean scored = s1 != null;
    return new TaskRow(
        round,
        1,
        "rus",
        "Русский язык",
        501,
        10,
        "64",
        round,
        "e" + round,
        scored ? List.of(new Score("1", s1), new Score("2", s2)) : null,
        scored ? s1 + s2 : null,
        Instant.EPOCH,
        scored ? Instant.EPOCH : null);
  }

  @Test
  void aSingleScoringIsFinalOnceGiven() {
    assertThat(DiscrepancyRules.decide(List.of(task(1, null, null)), SCHEME).state())
        .isEqualTo(State.IN_PROGRESS);
    var verdict = DiscrepancyRules.decide(List.of(task(1, 2, 3)), SCHEME);
    assertThat(verdict.state()).isEqualTo(State.FINAL);
    assertThat(verdict.total()).isEqualTo(5);
  }

  @Test
  void twoScoresWithinTheThresholdSettleOnTheirMeanRoundedUpPerCriterion() {
    var verdict = DiscrepancyRules.decide(List.of(task(1, 1, 4), task(2, 2, 1)), SCHEME);
    assertThat(verdict.state()).isEqualTo(State.FINAL);
    assertThat(verdict.scores()).containsExactly(new Score("1", 2), new Score("2", 3));
    assertThat(verdict.total()).isEqualTo(5);
  }

  @Test
  void totalsDifferingByTheThresholdAgreeAndByMoreNeedAThirdExpert() {
    var within = DiscrepancyRules.decide(List.of(task(1, 1, 3), task(2, 2, 0)), SCHEME);
    assertThat(within.state()).isEqualTo(State.FINAL);
    assertThat(within.scores()).containsExactly(new Score("1", 2), new Score("2", 2));
    assertThat(within.total()).isEqualTo(4);
    assertThat(DiscrepancyRules.decide(List.of(task(1, 3, 4), task(2, 0, 1)), SCHEME).state())
        .isEqualTo(State.NEEDS_THIRD);
  }

  @Test
  void aThirdScoringDecidesOnceGiven() {
    assertThat(
            DiscrepancyRules.decide(
                    List.of(task(1, 3, 4), task(2, 0, 0), task(3, null, null)), SCHEME)
                .state())
        .isEqualTo(State.DISCREPANCY);
    var verdict =
        DiscrepancyRules.decide(List.of(task(3, 1, 1), task(1, 3, 4), task(2, 0, 0)), SCHEME);
    assertThat(verdict.state()).isEqualTo(State.FINAL);
    assertThat(verdict.total()).isEqualTo(2);
  }
}
