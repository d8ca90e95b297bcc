package org.oko.sample;

import org.oko.platform.events.EventTopic;

/**
 * Event: the sample was published to a region; its selected organizations take part from now on.
 *
 * @param selected how many organizations of the region are in the sample
 */
public record SamplePublished(
    long campaignId, String regionCode, int selected, String publishedBy) {

  public static final EventTopic TOPIC = new EventTopic("sample.SamplePublished");
}
