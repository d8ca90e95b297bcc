package org.oko.campaigns;

import java.time.Instant;
import java.util.List;
import org.oko.platform.events.EventTopic;

/** Event: a campaign's schedule was set or changed (stage windows moved). */
public record ScheduleChanged(long campaignId, List<Window> stages, String changedBy) {

  public record Window(String code, Instant opensAt, Instant closesAt) {}

  public static final EventTopic TOPIC = new EventTopic("campaigns.ScheduleChanged");
}
