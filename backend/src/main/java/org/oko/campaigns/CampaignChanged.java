package org.oko.campaigns;

import java.util.List;
import org.oko.platform.events.EventTopic;

/** Event: the federal organizer changed a campaign's title, year, subjects or regions. */
public record CampaignChanged(
    long campaignId, String kind, String title, List<String> regionCodes, String changedBy) {

  public static final EventTopic TOPIC = new EventTopic("campaigns.CampaignChanged");
}
