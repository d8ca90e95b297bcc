package org.oko.campaigns;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * One region's window of a stage (issue 20): its own when the federal organizer set one ({@code
 * own}, with who and when), else the schedule's; {@code opensLocal}/{@code closesLocal} are the
 * region's wall-clock times of that window.
 */
record RegionalWindow(
    String regionCode,
    String regionName,
    ZoneId zone,
    boolean own,
    Instant opensAt,
    Instant closesAt,
    String setBy,
    Instant setAt) {

  LocalDateTime opensLocal() {
    return LocalDateTime.ofInstant(opensAt, zone);
  }

  LocalDateTime closesLocal() {
    return LocalDateTime.ofInstant(closesAt, zone);
  }
}
