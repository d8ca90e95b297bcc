package org.oko.observers;

import java.time.Instant;
import org.oko.platform.events.EventTopic;

/**
 * Event: an observation act was filled in or its signed scan uploaded ({@code scanned}). Ids and
 * the observer's own finding only.
 */
public record ObserverActSubmitted(
    long actId,
    long assignmentId,
    long campaignId,
    long organizationId,
    String regionCode,
    boolean violationsFound,
    boolean scanned,
    Instant submittedAt) {

  public static final EventTopic TOPIC = new EventTopic("observers.ObserverActSubmitted");
}
