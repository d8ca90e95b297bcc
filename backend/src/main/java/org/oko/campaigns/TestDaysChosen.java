package org.oko.campaigns;

import java.time.LocalDate;
import java.util.Map;
import org.oko.platform.events.EventTopic;

/** Event: an organization's test days (subject key → local date) were chosen or changed. */
public record TestDaysChosen(
    long campaignId, long organizationId, Map<String, LocalDate> days, String chosenBy) {

  public static final EventTopic TOPIC = new EventTopic("campaigns.TestDaysChosen");
}
