package org.oko.campaigns;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.UnprocessableException;

/**
 * A stage's window in a region's local time (issue 20): the wall-clock times the federal organizer
 * typed, applied in each region's own zone, so 08:00 is 08:00 in Калининград and in Владивосток — a
 * different instant in each. A time a zone skips (a daylight-saving gap) does not exist there and
 * is refused rather than silently moved (Russia's zones have had no gaps since 2014, but a region's
 * zone is configuration). Pure: times and zones in, instants or a 422 out.
 */
final class RegionalWindowRules {

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

  /** One region's window as instants. */
  record Moments(String regionCode, ZoneId zone, Instant opensAt, Instant closesAt) {}

  private RegionalWindowRules() {}

  /** {@code 2027-04-15T08:00}; a 422 on {@code field} for a date or time no calendar has. */
  static LocalDateTime local(String field, String text) {
    try {
      return LocalDateTime.parse(text);
    } catch (DateTimeParseException | NullPointerException e) {
      throw new UnprocessableException(field, "Нет такой даты или времени: " + text);
    }
  }

  /**
   * Each region's instants, in the order of {@code zones}; one 422 naming every region whose zone
   * skips either time, or when the window does not open before it closes.
   */
  static List<Moments> moments(
      LocalDateTime opens, LocalDateTime closes, Map<String, ZoneId> zones) {
    if (!opens.isBefore(closes)) {
      throw new UnprocessableException(
          "closesLocal",
          "Окончание этапа ("
              + SHOWN.format(closes)
              + ") должно быть позже начала ("
              + SHOWN.format(opens)
              + ")");
    }
    List<FieldProblem> problems = new ArrayList<>();
    List<Moments> moments = new ArrayList<>();
    zones.forEach(
        (region, zone) -> {
          boolean opensExists = exists(opens, zone, region, "opensLocal", problems);
          boolean closesExists = exists(closes, zone, region, "closesLocal", problems);
          if (opensExists && closesExists) {
            moments.add(
                new Moments(
                    region, zone, opens.atZone(zone).toInstant(), closes.atZone(zone).toInstant()));
          }
        });
    if (!problems.isEmpty()) {
      throw new UnprocessableException(
          String.join(" ", problems.stream().map(FieldProblem::message).toList()), problems);
    }
    return moments;
  }

  private static boolean exists(
      LocalDateTime local, ZoneId zone, String region, String field, List<FieldProblem> problems) {
    if (!zone.getRules().getValidOffsets(local).isEmpty()) {
      return true;
    }
    problems.add(
        FieldProblem.of(
            field,
            "Времени "
                + SHOWN.format(local)
                + " нет в часовом поясе региона "
                + region
                + " ("
                + zone.getId()
                + "): в эту ночь часы переводятся. Укажите другое время."));
    return false;
  }
}
