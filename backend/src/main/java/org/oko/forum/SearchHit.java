package org.oko.forum;

import java.time.Instant;

/** A question found by a search, and the answer where the words were, if it was one. */
record SearchHit(
    long questionId,
    Long answerId,
    String title,
    String excerpt,
    String sectionTitle,
    Long campaignId,
    String status,
    Instant createdAt) {}
