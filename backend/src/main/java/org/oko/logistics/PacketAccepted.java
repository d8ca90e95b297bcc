package org.oko.logistics;

import java.time.Instant;
import org.oko.platform.events.EventTopic;

/** Event: a coordinator accepted a return delivery packet (ВДП) from an organization. */
public record PacketAccepted(
    long packetId,
    long campaignId,
    String packetNumber,
    long organizationId,
    String regionCode,
    String acceptedBy,
    Instant acceptedAt) {

  public static final EventTopic TOPIC = new EventTopic("logistics.PacketAccepted");
}
