package org.oko.observers;

import java.time.Instant;
import org.oko.platform.events.EventTopic;

/** Event: an observer marked presence at the point of an assignment. Ids only. */
public record ObserverPresenceMarked(
    long assignmentId, long campaignId, long organizationId, String regionCode, Instant presentAt) {

  public static final EventTopic TOPIC = new EventTopic("observers.ObserverPresenceMarked");
}
