package org.oko.campaigns;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * One stage of a campaign as it applies to one region or organization: the schedule's window, and
 * its close moved by any extension granted to them, or brought forward by the region's roadmap
 * ({@code regional}, null when the federal close holds). The window includes its opening instant
 * and excludes its closing one.
 */
public record StageWindow(
    Stage code,
    Instant opensAt,
    Instant closesAt,
    Instant effectiveClosesAt,
    ZoneId zone,
    RegionalDeadline regional) {

  public StageWindow(
      Stage code, Instant opensAt, Instant closesAt, Instant effectiveClosesAt, ZoneId zone) {
    this(code, opensAt, closesAt, effectiveClosesAt, zone, null);
  }

  /**
   * This window under the region's own deadline for the stage (seed 003 11–12, issue 19: narrower,
   * never wider): it closes at the deadline if that comes before its close. An extension the
   * federal organizer granted to the region or organization is the later decision and keeps its
   * close.
   */
  public StageWindow underRegion(RegionalDeadline deadline) {
    if (deadline == null
        || deadline.stage() != code
        || effectiveClosesAt.isAfter(closesAt)
        || !deadline.dueAt().isBefore(effectiveClosesAt)) {
      return this;
    }
    return new StageWindow(code, opensAt, closesAt, deadline.dueAt(), zone, deadline);
  }

  /** Where a window stands at an instant; the API's {@code StageState} has the same values. */
  public enum State {
    UPCOMING,
    OPEN,
    CLOSED
  }

  public State stateAt(Instant now) {
    if (now.isBefore(opensAt)) {
      return State.UPCOMING;
    }
    return now.isBefore(effectiveClosesAt) ? State.OPEN : State.CLOSED;
  }

  /**
   * This stage as it applies to an organization that holds its tests on local days {@code first} to
   * {@code last} of its region (seed {@code 004_900d14c936e55d94.txt}: each school within the
   * federal period, its results entered right after its own checking, 9.1). Conduct is its days,
   * local midnight to midnight, within the federal window; the results protocol opens at the end of
   * its first test day. An extension granted beyond the close still holds. Other stages, and an
   * organization without chosen days ({@code first} null), keep the federal window.
   */
  public StageWindow forTestDays(LocalDate first, LocalDate last) {
    if (first == null || last == null) {
      return this;
    }
    Instant firstStarts = first.atStartOfDay(zone).toInstant();
    Instant firstEnds = first.plusDays(1).atStartOfDay(zone).toInstant();
    Instant lastEnds = last.plusDays(1).atStartOfDay(zone).toInstant();
    boolean extended = effectiveClosesAt.isAfter(closesAt);
    return switch (code) {
      case CONDUCT -> {
        Instant opens = later(opensAt, firstStarts);
        Instant closes = lastEnds.isBefore(closesAt) ? lastEnds : closesAt;
        yield new StageWindow(code, opens, closes, extended ? effectiveClosesAt : closes, zone);
      }
      case RESULTS_PROTOCOL ->
          new StageWindow(code, later(opensAt, firstEnds), closesAt, effectiveClosesAt, zone);
      default -> this;
    };
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  public boolean isOpenAt(Instant now) {
    return stateAt(now) == State.OPEN;
  }
}
