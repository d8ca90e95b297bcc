package org.oko.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oko.sample.SampleStore.Candidate;

/** The draw's arithmetic, without a server. */
class SampleDrawRuleTests {

  @Test
  void sharesFollowTheLargestRemainders() {
    assertThat(SampleDraw.quotas(new int[] {38, 15, 30}, 20)).containsExactly(9, 4, 7);
    assertThat(SampleDraw.quotas(new int[] {1, 1, 1}, 2)).containsExactly(1, 1, 0);
    assertThat(SampleDraw.quotas(new int[] {5, 0, 0}, 5)).containsExactly(5, 0, 0);
  }

  @Test
  void theOrderOfTheListDoesNotChangeTheSelection() {
    List<Candidate> list = new ArrayList<>();
    for (long id = 1; id <= 40; id++) {
      list.add(new Candidate(id, "64", id % 3 == 0 ? "VILLAGE" : "CITY"));
    }
    List<Candidate> reversed = new ArrayList<>(list);
    java.util.Collections.reverse(reversed);
    assertThat(SampleDraw.select(reversed, 10, 5))
        .containsExactlyInAnyOrderElementsOf(SampleDraw.select(list, 10, 5));
  }
}
