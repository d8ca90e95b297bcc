package org.oko.kits;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.oko.campaigns.CampaignInfo;
import org.oko.campaigns.Subject;
import org.oko.platform.web.FieldProblem;

/**
 * What makes a kit assignment request wrong, before and after the stored ranges are consulted: the
 * subject, each range's point and numbers, ranges of the request sharing a number, the request's
 * size, and clashes with stored ranges. Each problem names the field ({@code ranges[i]}) it is
 * about.
 */
final class KitRangeRules {

  static final int MAX_RANGE = 10_000;

  /**
   * Kits of one request: each gets a credential in the same transaction, so a request stays within
   * what a transaction writes in reasonable time and memory.
   */
  static final int MAX_KITS = 1_000_000;

  private KitRangeRules() {}

  /** The subject must be the campaign's, and the request must have a range. */
  static List<FieldProblem> request(CampaignInfo campaign, KitAssignment in) {
    List<FieldProblem> problems = new ArrayList<>();
    String subject = in.subjectKey();
    boolean knownSubject = campaign.subjects().stream().map(Subject::key).anyMatch(subject::equals);
    if (!knownSubject) {
      problems.add(FieldProblem.of("subjectKey", "Предмета «" + subject + "» нет в этой кампании"));
    }
    if (in.ranges().isEmpty()) {
      problems.add(FieldProblem.of("ranges", "Не указано ни одного диапазона комплектов"));
    }
    return problems;
  }

  /**
   * The ranges to store, in request order; a point not found is id 0 (refused by {@link #each}).
   */
  static List<KitStore.NewRange> candidates(
      List<KitAssignment.Range> ranges, Map<String, KitStore.Point> points) {
    List<KitStore.NewRange> candidates = new ArrayList<>();
    for (KitAssignment.Range r : ranges) {
      KitStore.Point point = points.get(r.organization());
      candidates.add(
          new KitStore.NewRange(
              point == null ? 0 : point.id(),
              point == null ? null : point.regionCode(),
              r.category().name(),
              r.first(),
              r.last()));
    }
    return candidates;
  }

  /** Each range's point (an assessment point of the campaign's regions) and numbers. */
  static List<FieldProblem> each(
      CampaignInfo campaign, List<KitAssignment.Range> ranges, Map<String, KitStore.Point> points) {
    List<FieldProblem> problems = new ArrayList<>();
    for (int i = 0; i < ranges.size(); i++) {
      KitAssignment.Range r = ranges.get(i);
      String field = "ranges[" + i + "]";
      pointProblem(campaign, r, points.get(r.organization()))
          .forEach(message -> problems.add(FieldProblem.of(field + ".organization", message)));
      numbersProblem(r).forEach(message -> problems.add(FieldProblem.of(field, message)));
    }
    return problems;
  }

  private static List<String> pointProblem(
      CampaignInfo campaign, KitAssignment.Range r, KitStore.Point point) {
    if (point == null) {
      return List.of("Организация «" + r.organization() + "» не найдена");
    }
    if (!"ASSESSMENT_POINT".equals(point.kind())) {
      return List.of(
          "«"
              + point.login()
              + "» — не пункт проведения: комплекты закрепляются"
              + " только за ППО");
    }
    if (!campaign.regionCodes().contains(point.regionCode())) {
      return List.of(
          "ППО «"
              + point.login()
              + "» находится в регионе "
              + point.regionCode()
              + ", который не участвует в кампании");
    }
    return List.of();
  }

  private static List<String> numbersProblem(KitAssignment.Range r) {
    if (r.first() > r.last()) {
      return List.of("Первый номер " + r.first() + " больше последнего " + r.last());
    }
    if (r.last() - r.first() >= MAX_RANGE) {
      return List.of(
          "В диапазоне " + span(r.first(), r.last()) + " больше " + MAX_RANGE + " комплектов");
    }
    return List.of();
  }

  /** More kits in one request than {@link #MAX_KITS}. */
  static List<FieldProblem> size(List<KitAssignment.Range> ranges) {
    long kits =
        ranges.stream()
            .filter(KitAssignment.Range::ordered)
            .mapToLong(r -> r.last() - r.first() + 1)
            .sum();
    if (kits <= MAX_KITS) {
      return List.of();
    }
    return List.of(
        FieldProblem.of(
            "ranges",
            "В одном запросе "
                + kits
                + " комплектов, а можно не больше "
                + MAX_KITS
                + ": разделите его на несколько"));
  }

  /** Each pair of ranges of the request that share a kit number. */
  static List<FieldProblem> overlapsWithin(List<KitAssignment.Range> ranges) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < ranges.size(); i++) {
      if (ranges.get(i).ordered()) {
        order.add(i);
      }
    }
    order.sort(Comparator.comparing((Integer i) -> ranges.get(i).first()).thenComparing(i -> i));
    List<FieldProblem> problems = new ArrayList<>();
    for (int a = 0; a < order.size(); a++) {
      KitAssignment.Range x = ranges.get(order.get(a));
      for (int b = a + 1; b < order.size(); b++) {
        KitAssignment.Range y = ranges.get(order.get(b));
        if (y.first() > x.last()) {
          break;
        }
        problems.add(overlap(ranges, order.get(a), order.get(b)));
      }
    }
    return problems;
  }

  private static FieldProblem overlap(List<KitAssignment.Range> ranges, int one, int other) {
    int later = Math.max(one, other);
    int earlier = Math.min(one, other);
    KitAssignment.Range e = ranges.get(earlier);
    KitAssignment.Range l = ranges.get(later);
    return FieldProblem.of(
        "ranges[" + later + "]",
        "Комплекты "
            + span(l.first(), l.last())
            + " ("
            + l.organization()
            + ") пересекаются с комплектами "
            + span(e.first(), e.last())
            + " ("
            + e.organization()
            + ") в этом же запросе");
  }

  /** The stored ranges the request's ranges clash with (ranges with bad numbers skipped). */
  static List<FieldProblem> clashes(
      List<KitAssignment.Range> ranges, List<KitStore.Clash> clashes) {
    List<FieldProblem> problems = new ArrayList<>();
    for (KitStore.Clash c : clashes) {
      KitAssignment.Range r = ranges.get(c.index());
      if (!r.ordered()) {
        continue;
      }
      problems.add(
          FieldProblem.of(
              "ranges[" + c.index() + "]",
              "Комплекты "
                  + span(c.first(), c.last())
                  + " уже закреплены за "
                  + c.login()
                  + " (пересекаются с "
                  + span(r.first(), r.last())
                  + " для "
                  + r.organization()
                  + ")"));
    }
    return problems;
  }

  static String span(long first, long last) {
    return first == last ? Long.toString(first) : first + "–" + last;
  }
}
