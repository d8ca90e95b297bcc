package org.oko.integration;

import java.time.Instant;

/** One line of an endpoint's delivery log. */
record WebhookAttempt(
    long id,
    long eventId,
    String eventType,
    Instant attemptedAt,
    String deliveryStatus,
    Integer responseStatus,
    int latencyMs,
    String responseExcerpt,
    String error) {}
