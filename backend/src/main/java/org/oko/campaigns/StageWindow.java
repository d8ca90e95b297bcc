package org.oko.campaigns;

import java.time.Instant;
import java.time.ZoneId;
import org.oko.api.model.StageCode;
import org.oko.api.model.StageState;

/**
 * One stage of a campaign as it applies to one region or organization: the schedule's window, and
 * its close moved by any extension granted to them. The window includes its opening instant and
 * excludes its closing one.
 */
public record StageWindow(
    StageCode code, Instant opensAt, Instant closesAt, Instant effectiveClosesAt, ZoneId zone) {

  public StageState stateAt(Instant now) {
    if (now.isBefore(opensAt)) {
      return StageState.UPCOMING;
    }
    return now.isBefore(effectiveClosesAt) ? StageState.OPEN : StageState.CLOSED;
  }
}
