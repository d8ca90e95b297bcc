package org.oko.observers;

import java.time.Instant;
import java.time.LocalDate;
import org.oko.platform.events.EventTopic;

/**
 * Event: an observer was assigned to a point on a day. Ids only: the observer's name and contacts
 * are personal data and never travel in events.
 */
public record ObserverAssigned(
    long assignmentId,
    long observerId,
    long campaignId,
    long organizationId,
    String regionCode,
    String observerKind,
    LocalDate day,
    String activity,
    Instant assignedAt) {

  public static final EventTopic TOPIC = new EventTopic("observers.ObserverAssigned");
}
