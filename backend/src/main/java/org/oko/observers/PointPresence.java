package org.oko.observers;

import java.time.Instant;
import java.util.List;
import org.oko.orgs.OrganizationRef;

/** A point on a day: the observers expected there and those present. */
record PointPresence(OrganizationRef point, int expected, int present, List<Expected> observers) {

  record Expected(
      long assignmentId,
      String observerName,
      ObserverInfo.Kind kind,
      AssignmentInfo.Activity activity,
      Instant presentAt) {}

  /** The totals of the whole board (every page). */
  record Totals(long points, long pointsWithoutObservers, long expected, long present) {}

  record Board(Totals totals, List<PointPresence> page, String timeZone) {}
}
