package org.oko.scoring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.oko.scans.SheetDirectory.Work;
import org.oko.scoring.ExpertStore.Candidate;

/**
 * Who scores what: each work to the eligible expert with the fewest works, ties to the first login
 * in alphabetical order, so the same input always gives the same plan. An expert is eligible for a
 * work when they do not work at the work's organization.
 */
final class Assignment {

  private Assignment() {}

  /** One expert's scoring of one work in one round. */
  record Task(Work work, int round, String expertLogin) {}

  /** A work whose first two experts disagree and that still has no third one. */
  record AwaitingThird(Work work, Set<String> experts) {}

  /**
   * The tasks to create, what could not be assigned, and each expert's load afterwards.
   *
   * @param thirdScorings works with a discrepancy that got their third expert in this run (their
   *     third expert was missing when the discrepancy arose)
   */
  record Plan(
      int works,
      int assigned,
      int secondScorings,
      int unassigned,
      int thirdScorings,
      List<Task> tasks,
      Map<String, Integer> loads) {}

  /**
   * Plans the given works.
   *
   * @param distributedBefore works of the subject and region that already had a first expert: the
   *     second-scoring share counts across runs, so running the distribution per new work or all at
   *     once gives the same share
   */
  static Plan plan(
      List<Work> works,
      List<Candidate> experts,
      int secondScoringPercent,
      long distributedBefore,
      List<AwaitingThird> awaitingThird) {
    Map<String, Integer> loads = new LinkedHashMap<>();
    Map<String, Long> workplaces = new LinkedHashMap<>();
    for (Candidate c : experts) {
      loads.put(c.login(), c.load());
      workplaces.put(c.login(), c.organizationId());
    }
    List<Task> tasks = new ArrayList<>();
    int assigned = 0;
    int second = 0;
    int unassigned = 0;
    for (Work work : works) {
      Optional<String> first = pick(loads, workplaces, work.organizationId(), Set.of());
      if (first.isEmpty()) {
        unassigned++;
        continue;
      }
      tasks.add(new Task(work, 1, first.get()));
      loads.merge(first.get(), 1, Integer::sum);
      long index = distributedBefore + assigned;
      assigned++;
      if (secondScoring(index, secondScoringPercent)) {
        Optional<String> other =
            pick(loads, workplaces, work.organizationId(), Set.of(first.get()));
        if (other.isPresent()) {
          tasks.add(new Task(work, 2, other.get()));
          loads.merge(other.get(), 1, Integer::sum);
          second++;
        }
      }
    }
    int third = 0;
    for (AwaitingThird pending : awaitingThird) {
      Optional<String> expert =
          pick(loads, workplaces, pending.work().organizationId(), pending.experts());
      if (expert.isPresent()) {
        tasks.add(new Task(pending.work(), 3, expert.get()));
        loads.merge(expert.get(), 1, Integer::sum);
        third++;
      }
    }
    return new Plan(works.size(), assigned, second, unassigned, third, tasks, loads);
  }

  /**
   * Whether the {@code index}-th distributed work (from 0) gets a second expert: spread evenly, so
   * that of the first n works exactly ⌊n·percent/100⌋ do.
   */
  static boolean secondScoring(long index, int percent) {
    return (index + 1) * percent / 100 > index * percent / 100;
  }

  /** The third expert of a work: neither of the first two, and not of the work's organization. */
  static Optional<String> third(
      Collection<Candidate> experts, long workOrganizationId, Set<String> excluded) {
    Map<String, Integer> loads = new LinkedHashMap<>();
    Map<String, Long> workplaces = new LinkedHashMap<>();
    for (Candidate c : experts) {
      loads.put(c.login(), c.load());
      workplaces.put(c.login(), c.organizationId());
    }
    return pick(loads, workplaces, workOrganizationId, excluded);
  }

  private static Optional<String> pick(
      Map<String, Integer> loads,
      Map<String, Long> workplaces,
      long workOrganizationId,
      Set<String> excluded) {
    return loads.keySet().stream()
        .filter(login -> workplaces.get(login) != workOrganizationId)
        .filter(login -> !excluded.contains(login))
        .min(
            Comparator.comparing((String login) -> loads.get(login)).thenComparing(login -> login));
  }
}
