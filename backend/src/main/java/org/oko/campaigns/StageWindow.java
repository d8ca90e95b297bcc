package org.oko.campaigns;

import java.time.Instant;
import java.time.ZoneId;

/**
 * One stage of a campaign as it applies to one region or organization: the schedule's window, and
 * its close moved by any extension granted to them. The window includes its opening instant and
 * excludes its closing one.
 */
public record StageWindow(
    Stage code, Instant opensAt, Instant closesAt, Instant effectiveClosesAt, ZoneId zone) {

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

  public boolean isOpenAt(Instant now) {
    return stateAt(now) == State.OPEN;
  }
}
