package org.oko.campaigns;

import java.time.Instant;
import org.oko.platform.events.EventTopic;

/**
 * Event: the federal organizer set, changed or cleared a stage's own window for one region of a
 * campaign (one event per region, so that each region's systems read their own in the change feed).
 * A cleared window ({@code opensAt} null) means the region follows the schedule again.
 */
public record RegionalWindowsChanged(
    long campaignId,
    String stageCode,
    String regionCode,
    Instant opensAt,
    Instant closesAt,
    String changedBy) {

  public static final EventTopic TOPIC = new EventTopic("campaigns.RegionalWindowsChanged");
}
