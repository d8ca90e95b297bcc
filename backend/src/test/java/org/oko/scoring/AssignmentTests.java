package org.oko.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.oko.scans.SheetDirectory.Work;
import org.oko.scoring.ExpertStore.Candidate;

class AssignmentTests {

  private static List<Work> works(long organization, int count) {
    List<Work> works = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      works.add(new Work(organization, "64", 100 + i));
    }
    return works;
  }

  @Test
  void theExpertWithTheFewestWorksGetsTheNextAndTiesGoToTheFirstLogin() {
    var plan =
        Assignment.plan(
            works(1, 4),
            List.of(new Candidate("b", 7, 0), new Candidate("a", 8, 2), new Candidate("c", 9, 0)),
            0,
            0,
            List.of());

    assertThat(plan.tasks())
        .extracting(Assignment.Task::expertLogin)
        .containsExactly("b", "c", "b", "c");
    assertThat(plan.loads()).containsEntry("a", 2).containsEntry("b", 2).containsEntry("c", 2);
  }

  @Test
  void anExpertOfTheWorksOrganizationIsNeverChosenAndWithoutAnyOtherTheWorkWaits() {
    var plan = Assignment.plan(works(7, 2), List.of(new Candidate("a", 7, 0)), 100, 0, List.of());

    assertThat(plan.tasks()).isEmpty();
    assertThat(plan.unassigned()).isEqualTo(2);
  }

  @Test
  void theSecondScoringShareIsSpreadEvenlyAndHoldsAcrossRuns() {
    assertThat(IntStream.range(0, 10).filter(i -> Assignment.secondScoring(i, 20)).boxed())
        .containsExactly(4, 9);
    assertThat(IntStream.range(0, 7).filter(i -> Assignment.secondScoring(i, 100))).hasSize(7);
    assertThat(IntStream.range(0, 7).filter(i -> Assignment.secondScoring(i, 0))).isEmpty();
    // Ten works in one run or in two runs of five: two second scorings either way.
    List<Candidate> experts = List.of(new Candidate("a", 1, 0), new Candidate("b", 2, 0));
    int inOne = Assignment.plan(works(9, 10), experts, 20, 0, List.of()).secondScorings();
    int inTwo =
        Assignment.plan(works(9, 5), experts, 20, 0, List.of()).secondScorings()
            + Assignment.plan(works(9, 5), experts, 20, 5, List.of()).secondScorings();
    assertThat(inOne).isEqualTo(2).isEqualTo(inTwo);
  }

  @Test
  void theThirdExpertIsNeitherOfTheFirstTwoNorOfTheWorksOrganization() {
    List<Candidate> experts =
        List.of(
            new Candidate("a", 1, 0),
            new Candidate("b", 2, 0),
            new Candidate("c", 5, 9),
            new Candidate("d", 3, 0));

    assertThat(Assignment.third(experts, 3, Set.of("a", "b"))).contains("c");
    assertThat(Assignment.third(experts, 5, Set.of("a", "b"))).contains("d");
    assertThat(Assignment.third(experts, 5, Set.of("a", "b", "d"))).isEmpty();
  }
}
