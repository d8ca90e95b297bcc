package org.oko.notifications;

import java.time.Instant;

/**
 * What notifications read of results' {@code results.ReportReleased} (a region's reports of a
 * campaign released by the federal organizer, issue 17): the fields named here, whatever else the
 * event carries. Kept here until results publishes its own record of the event.
 */
record ReportReleased(long campaignId, String regionCode, Instant releasedAt, String releasedBy) {

  static final String TOPIC = "results.ReportReleased";
}
