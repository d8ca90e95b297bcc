package org.oko.overview;

import java.time.Instant;
import org.oko.campaigns.Stage;
import org.oko.campaigns.StageWindow;

/**
 * One stage as it applies to the organization, next to its region's schedule.
 *
 * @param own the organization's window (its test days and extensions)
 * @param region the region's window (the schedule and the region's extensions)
 */
record StageOverview(Stage code, StageWindow own, StageWindow region, Instant now) {

  boolean extended() {
    return own.effectiveClosesAt().isAfter(own.closesAt());
  }

  boolean ownDays() {
    return !own.opensAt().equals(region.opensAt()) || !own.closesAt().equals(region.closesAt());
  }
}
