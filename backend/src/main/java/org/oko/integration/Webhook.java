package org.oko.integration;

import java.time.Instant;
import java.util.List;

/**
 * A registered webhook endpoint (without its secrets).
 *
 * @param regionCode whose events it receives; null for the federal organizer's (every region)
 * @param status {@code ACTIVE} or {@code FAILING}
 */
record Webhook(
    long id,
    String regionCode,
    String url,
    String description,
    List<String> eventTypes,
    String status,
    String failingReason,
    Instant failingSince,
    String createdBy,
    Instant createdAt) {}
