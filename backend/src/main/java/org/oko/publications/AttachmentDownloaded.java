package org.oko.publications;

import java.time.Instant;
import org.oko.platform.events.EventTopic;

/** Event: an organization downloaded a file of a publication (monitoring counts these). */
public record AttachmentDownloaded(
    long publicationId,
    long attachmentId,
    long organizationId,
    String login,
    Instant downloadedAt) {

  public static final EventTopic TOPIC = new EventTopic("publications.AttachmentDownloaded");
}
