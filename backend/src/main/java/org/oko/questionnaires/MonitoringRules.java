package org.oko.questionnaires;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oko.orgs.OrganizationRef;
import org.oko.platform.web.Paging;

/**
 * How the points' counts add up per level (region, municipality or point) and in which order the
 * groups are listed: by region, the points without a municipality last, then by name.
 */
final class MonitoringRules {

  static final String WITHOUT_MUNICIPALITY = "Без муниципалитета";

  /** The levels monitoring groups points by. */
  enum Level {
    REGION,
    MUNICIPALITY,
    POINT
  }

  /** The counts of one point (or of a group of them). */
  static final class Counts {
    long kits;
    long used;
    long started;
    long submitted;

    void add(Counts other) {
      kits += other.kits;
      used += other.used;
      started += other.started;
      submitted += other.submitted;
    }
  }

  /** One line: a region, municipality or point (or the total), with its counts. */
  record Line(
      String key,
      String name,
      String regionCode,
      long kits,
      long used,
      long started,
      long submitted) {

    static Line of(String key, String name, String regionCode, Counts c) {
      return new Line(
          key, name == null ? key : name, regionCode, c.kits, c.used, c.started, c.submitted);
    }
  }

  /** A page of lines, with the total of every line and the number of lines in all. */
  record Page(Level level, Line total, List<Line> lines, Paging paging, long count, Instant at) {}

  private record Group(String key, String name, String regionCode, Counts counts) {}

  private MonitoringRules() {}

  /**
   * The lines of a page: by number in the listing order; or (keyset, {@code afterLogin} not null,
   * points only) the points after that login in login order, which a walk through a campaign whose
   * points receive kits meanwhile never skips or repeats.
   */
  static Page page(
      Level level,
      Map<OrganizationRef, Counts> points,
      Map<String, String> regions,
      Paging p,
      String afterLogin,
      Instant now) {
    Map<String, Group> groups = new LinkedHashMap<>();
    Counts total = new Counts();
    for (Map.Entry<OrganizationRef, Counts> e : points.entrySet()) {
      OrganizationRef o = e.getKey();
      Group group = group(level, o, regions);
      groups
          .computeIfAbsent(o.regionCode() + "|" + group.key(), k -> group)
          .counts()
          .add(e.getValue());
      total.add(e.getValue());
    }
    List<Group> sorted = new ArrayList<>(groups.values());
    sorted.sort(
        Comparator.comparing(Group::regionCode)
            .thenComparing(g -> WITHOUT_MUNICIPALITY.equals(g.name()) ? 1 : 0)
            .thenComparing(Group::name, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Group::key));
    if (afterLogin != null) {
      sorted.sort(Comparator.comparing(Group::key));
      sorted.removeIf(g -> g.key().compareTo(afterLogin) <= 0);
    }
    List<Line> lines =
        sorted.stream()
            .skip(afterLogin == null ? p.offset() : 0L)
            .limit(p.size())
            .map(g -> Line.of(g.key(), g.name(), g.regionCode(), g.counts()))
            .toList();
    long count = afterLogin == null ? sorted.size() : groups.size();
    return new Page(
        level, Line.of("total", "Итого", regionsOf(points), total), lines, p, count, now);
  }

  /** The (empty) group a point falls in at the level. */
  private static Group group(Level level, OrganizationRef o, Map<String, String> regions) {
    return switch (level) {
      case REGION ->
          new Group(
              o.regionCode(),
              regions.getOrDefault(o.regionCode(), o.regionCode()),
              o.regionCode(),
              new Counts());
      case MUNICIPALITY ->
          o.municipalityId() == null
              ? new Group(
                  o.regionCode() + ":none", WITHOUT_MUNICIPALITY, o.regionCode(), new Counts())
              : new Group(
                  Long.toString(o.municipalityId()),
                  o.municipalityName(),
                  o.regionCode(),
                  new Counts());
      case POINT -> new Group(o.login(), o.name(), o.regionCode(), new Counts());
    };
  }

  /** The totals' region: the one region of the set, or empty when the set spans several. */
  private static String regionsOf(Map<OrganizationRef, Counts> points) {
    String region = null;
    for (OrganizationRef o : points.keySet()) {
      if (region == null) {
        region = o.regionCode();
      } else if (!region.equals(o.regionCode())) {
        return "";
      }
    }
    return region == null ? "" : region;
  }
}
