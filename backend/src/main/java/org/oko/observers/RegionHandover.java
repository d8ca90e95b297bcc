package org.oko.observers;

import java.time.Instant;

/**
 * One region of a campaign with its hand-over of one {@link HandoverKind} (or none yet: {@code
 * handedAt} null), the summary it carried and its acts with violations now.
 *
 * @param authority the education authority it went to (AUTHORITY only)
 * @param reference the letter's reference (AUTHORITY only, optional)
 * @param unitsPassed the municipalities' archives received when it was passed
 * @param actsWithViolations the region's reviewed acts with violations now
 */
record RegionHandover(
    String regionCode,
    String regionName,
    String timeZone,
    String authority,
    String reference,
    Instant handedAt,
    String handedBy,
    Instant deadline,
    boolean late,
    Integer acts,
    Integer points,
    Integer municipalities,
    Integer unitsPassed,
    int actsWithViolations) {

  /** Not passed yet, with the roadmap's deadline and whether it is past. */
  RegionHandover withDeadline(Instant at, boolean overdue) {
    return new RegionHandover(
        regionCode,
        regionName,
        timeZone,
        authority,
        reference,
        handedAt,
        handedBy,
        at,
        overdue,
        acts,
        points,
        municipalities,
        unitsPassed,
        actsWithViolations);
  }

  boolean passed() {
    return handedAt != null;
  }
}
