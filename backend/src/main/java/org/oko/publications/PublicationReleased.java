package org.oko.publications;

import java.time.Instant;
import org.oko.platform.events.EventTopic;

/**
 * Event: a publication opened to its audience in a region (its release time came there; with a
 * release at local time, the region's own moment). Appended once per publication and region by
 * {@link PublicationReleaseWorker}; read by the change feed and webhooks (issue 23), so that a
 * region's system learns of new materials only when its audience may read them.
 */
public record PublicationReleased(
    long publicationId, long campaignId, String regionCode, String title, Instant releasedAt) {

  public static final EventTopic TOPIC = new EventTopic("publications.PublicationReleased");
}
