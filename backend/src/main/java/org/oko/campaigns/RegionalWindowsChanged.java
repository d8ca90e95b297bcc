package org.oko.campaigns;

import java.time.Instant;
import java.util.List;
import org.oko.platform.events.EventTopic;

/**
 * Event: the federal organizer set (or cleared) a stage's own window for some regions of a
 * campaign. A cleared region ({@code opensAt} null) follows the schedule's window again.
 */
public record RegionalWindowsChanged(
    long campaignId, String stageCode, List<Region> regions, String changedBy) {

  public record Region(String regionCode, Instant opensAt, Instant closesAt) {}

  public static final EventTopic TOPIC = new EventTopic("campaigns.RegionalWindowsChanged");
}
