package org.oko.sample;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.oko.sample.SampleStore.Candidate;

/**
 * The rule that forms one region's sample from its preliminary list, so that anyone can re-run it
 * and get the same organizations:
 *
 * <ol>
 *   <li>{@code n = min(perRegion, list size)}; a region whose list is not longer than {@code
 *       perRegion} has every organization selected.
 *   <li>Strata are the settlement types in the order CITY, TOWN, VILLAGE. Each gets {@code n ×
 *       stratum size / list size} rounded down; the organizations left over go one each to the
 *       strata with the largest fractional parts (ties: the earlier stratum in that order) — the
 *       largest-remainder method.
 *   <li>One {@code new java.util.Random(seed)} per region; for each stratum in that order its
 *       organizations are sorted by organization id, shuffled with {@link Collections#shuffle(List,
 *       Random)} and the first ones taken.
 * </ol>
 *
 * The same seed on the same list therefore selects the same organizations.
 */
final class SampleDraw {

  static final List<String> STRATA = List.of("CITY", "TOWN", "VILLAGE");

  private SampleDraw() {}

  /** The organization ids selected from one region's list. */
  static List<Long> select(List<Candidate> list, int perRegion, long seed) {
    int n = Math.min(perRegion, list.size());
    List<List<Long>> strata = new ArrayList<>();
    for (String type : STRATA) {
      strata.add(
          list.stream()
              .filter(c -> c.settlementType().equals(type))
              .map(Candidate::organizationId)
              .sorted()
              .collect(java.util.stream.Collectors.toCollection(ArrayList::new)));
    }
    int[] quotas = quotas(strata.stream().mapToInt(List::size).toArray(), n);
    Random random = new Random(seed);
    List<Long> selected = new ArrayList<>();
    for (int s = 0; s < strata.size(); s++) {
      List<Long> stratum = strata.get(s);
      Collections.shuffle(stratum, random);
      selected.addAll(stratum.subList(0, quotas[s]));
    }
    return selected;
  }

  /** Largest-remainder shares of {@code n} among strata of these sizes. */
  static int[] quotas(int[] sizes, int n) {
    long total = java.util.Arrays.stream(sizes).sum();
    int[] quotas = new int[sizes.length];
    if (total == 0) {
      return quotas;
    }
    long[] remainders = new long[sizes.length];
    int given = 0;
    for (int s = 0; s < sizes.length; s++) {
      long exact = (long) n * sizes[s]; // the share is exact / total
      quotas[s] = (int) (exact / total);
      remainders[s] = exact % total;
      given += quotas[s];
    }
    List<Integer> order = new ArrayList<>();
    for (int s = 0; s < sizes.length; s++) {
      order.add(s);
    }
    // Stable sort: among equal remainders the earlier stratum comes first.
    order.sort(Comparator.comparingLong((Integer s) -> remainders[s]).reversed());
    for (int i = 0; given < n; i++) {
      quotas[order.get(i)]++;
      given++;
    }
    return quotas;
  }
}
