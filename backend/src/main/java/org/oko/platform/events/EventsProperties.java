package org.oko.platform.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How events move from the outbox to Kafka.
 *
 * @param relayInterval how often the relay looks for unpublished outbox rows
 * @param relayBatchSize at most this many rows per look
 * @param topicPartitions partitions of each topic the application creates
 * @param topicReplication replication factor of each topic the application creates
 */
@ConfigurationProperties("oko.events")
public record EventsProperties(
    Duration relayInterval, int relayBatchSize, int topicPartitions, short topicReplication) {}
