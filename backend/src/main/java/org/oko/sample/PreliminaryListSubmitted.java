package org.oko.sample;

import org.oko.platform.events.EventTopic;

/**
 * Event: a region's preliminary list was (re)submitted; its entries are all proposed again.
 *
 * @param proposed how many organizations the list now holds
 */
public record PreliminaryListSubmitted(
    long campaignId, String regionCode, int proposed, String submittedBy) {

  public static final EventTopic TOPIC = new EventTopic("sample.PreliminaryListSubmitted");
}
