package org.oko.forum;

import java.time.Instant;

/** A question as stored (without its answers). */
record Question(
    long id,
    long sectionId,
    String sectionTitle,
    boolean sectionDelegated,
    Long campaignId,
    String regionalThread,
    String title,
    String body,
    Author author,
    String status,
    Long acceptedAnswerId,
    Long mergedIntoId,
    boolean pinned,
    boolean locked,
    boolean hidden,
    int answers,
    Instant createdAt,
    Instant lastActivityAt) {}
