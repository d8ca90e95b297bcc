package org.oko.publications;

import java.time.Instant;
import java.util.List;
import org.oko.platform.events.EventTopic;

/**
 * Event: a publication was published (or re-published with another release time before its
 * release). Nothing of it is visible to the audience before {@code releaseAt}.
 */
public record PublicationPublished(
    long publicationId,
    long campaignId,
    String title,
    Instant releaseAt,
    List<String> audienceRoles,
    List<String> audienceRegions,
    boolean sampleOnly,
    String publishedBy) {

  public static final EventTopic TOPIC = new EventTopic("publications.PublicationPublished");
}
