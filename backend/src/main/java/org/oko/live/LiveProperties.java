package org.oko.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live status over {@code /ws/live}.
 *
 * @param ticketTtl how long a ticket opens a socket (once)
 * @param helloTimeout a socket that has not said who it is within this time is closed
 * @param maxMessageBytes the largest text message a client may send (the contract: 4 KiB)
 * @param tick how often figures still marked changed are re-read and pushed (an event wakes the hub
 *     at once; this is the fallback); changes during one re-read reach the clients together
 */
@ConfigurationProperties("oko.live")
record LiveProperties(
    @DefaultValue("30s") Duration ticketTtl,
    @DefaultValue("10s") Duration helloTimeout,
    @DefaultValue("4096") int maxMessageBytes,
    @DefaultValue("50ms") Duration tick) {}
