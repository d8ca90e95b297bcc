package org.oko.campaigns;

import java.time.Instant;
import org.oko.platform.events.EventTopic;

/** Event: a stage was kept open longer for one region or one organization. */
public record StageExtended(
    long campaignId,
    String stageCode,
    String regionCode,
    Long organizationId,
    Instant closesAt,
    String grantedBy) {

  public static final EventTopic TOPIC = new EventTopic("campaigns.StageExtended");
}
