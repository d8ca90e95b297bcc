package org.oko.results;

import java.time.Instant;
import org.oko.platform.events.EventTopic;

/**
 * Event: the federal organizer released a campaign's statistical reports to a region (the REPORTS
 * stage): from now on its organizations and municipalities see them. Appended once per campaign and
 * region, when the release is first recorded (releasing again appends nothing). Read by the
 * notifications («отчёт выпущен», issue 22) and the change feed (issue 23).
 */
public record ReportReleased(
    long campaignId, String regionCode, Instant releasedAt, String releasedBy) {

  public static final EventTopic TOPIC = new EventTopic("results.ReportReleased");
}
