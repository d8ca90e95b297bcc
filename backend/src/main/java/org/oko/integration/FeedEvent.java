package org.oko.integration;

import java.time.Instant;
import java.util.Map;

/**
 * One event of the change feed as a regional system receives it.
 *
 * @param id stable: the outbox id, also a webhook delivery's {@code webhook-id}
 * @param sequence its place in commit order
 * @param resource the API URL of the changed resource, if the event names it
 */
record FeedEvent(
    String id,
    long sequence,
    String type,
    Instant occurredAt,
    String regionCode,
    Long organizationId,
    String resource,
    Map<String, Object> data) {}
