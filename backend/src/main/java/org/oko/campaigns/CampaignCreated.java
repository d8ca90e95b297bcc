package org.oko.campaigns;

import java.util.List;
import org.oko.platform.events.EventTopic;

/** Event: the federal organizer created a campaign. */
public record CampaignCreated(
    long campaignId, String kind, String title, List<String> regionCodes) {

  public static final EventTopic TOPIC = new EventTopic("campaigns.CampaignCreated");
}
