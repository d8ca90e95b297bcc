package org.oko.publications;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.oko.platform.time.ZoneCities;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.UnprocessableException;

/**
 * A release at local time: materials open at a local hour in every region (the procedure opens them
 * in the morning of the test day in each time zone), so {@code 08:00} means 08:00 in Калининград,
 * in Москва and in Владивосток — three different instants. A wall-clock time that a zone skips (a
 * daylight-saving gap) does not exist there and is refused rather than silently moved: Russia's
 * zones have no gaps since 2014, but a region's zone is configuration, and a release an hour off in
 * one region is a leak of the variants.
 */
final class ReleaseRules {

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

  /** One region's moment. */
  record RegionRelease(String regionCode, ZoneId zone, Instant at) {}

  private ReleaseRules() {}

  /**
   * Each region's moment, earliest first; 422 naming every region whose zone skips the time or
   * whose moment has already passed ({@code now}).
   */
  static List<RegionRelease> moments(LocalDateTime local, Map<String, ZoneId> zones, Instant now) {
    List<FieldProblem> problems = new ArrayList<>();
    List<RegionRelease> moments = new ArrayList<>();
    zones.forEach(
        (region, zone) -> {
          if (zone.getRules().getValidOffsets(local).isEmpty()) {
            problems.add(
                FieldProblem.of(
                    "releaseLocal",
                    "Времени "
                        + SHOWN.format(local)
                        + " нет в часовом поясе региона "
                        + region
                        + " ("
                        + ZoneCities.city(zone)
                        + "): в эту ночь часы переводятся. Укажите другое время."));
            return;
          }
          Instant at = local.atZone(zone).toInstant();
          if (at.isBefore(now)) {
            problems.add(
                FieldProblem.of(
                    "releaseLocal",
                    "В регионе "
                        + region
                        + " ("
                        + ZoneCities.city(zone)
                        + ") время "
                        + SHOWN.format(local)
                        + " уже прошло: укажите время в будущем"));
            return;
          }
          moments.add(new RegionRelease(region, zone, at));
        });
    if (!problems.isEmpty()) {
      throw new UnprocessableException("Время выпуска указано неверно", problems);
    }
    moments.sort(Comparator.comparing(RegionRelease::at));
    return moments;
  }
}
