package org.oko.scoring;

import java.time.Instant;
import org.oko.platform.events.EventTopic;

/**
 * Event: the federal organizer approved or rejected an expert a region proposed (seed 000: experts
 * are appointed «по согласованию с федеральным организатором»). Read by the notifications: the
 * regional coordinators of the expert's region hear of the decision, with the reason of a
 * rejection.
 *
 * @param reason why the expert was rejected; null for an approval
 */
public record ExpertDecided(
    long campaignId,
    String expertLogin,
    String expertName,
    String regionCode,
    boolean approved,
    String reason,
    String decidedBy,
    Instant decidedAt) {

  public static final EventTopic TOPIC = new EventTopic("scoring.ExpertDecided");
}
