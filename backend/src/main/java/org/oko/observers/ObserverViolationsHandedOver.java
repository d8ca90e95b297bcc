package org.oko.observers;

import java.time.Instant;
import org.oko.platform.events.EventTopic;

/**
 * Event: a regional coordinator passed the region's violations (the observers' service notes and
 * acts with violations) to the federal organizer (seed 000 «доведение до Федерального организатора
 * информации из служебных записок наблюдателей»). Appended each time the region passes them (a
 * corrected pass is a new event); counts and ids only, no observer's name. Read by the
 * notifications («регион передал сведения о нарушениях»).
 *
 * @param acts the region's reviewed acts with violations at that moment
 * @param late passed after the region's deadline
 */
public record ObserverViolationsHandedOver(
    long campaignId,
    String regionCode,
    String regionName,
    int acts,
    int points,
    boolean late,
    Instant handedAt,
    String handedBy) {

  public static final EventTopic TOPIC = new EventTopic("observers.ObserverViolationsHandedOver");
}
