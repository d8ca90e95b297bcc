package org.oko.notifications;

import java.time.Instant;

/** One account's notification as stored. */
record Notification(
    long id,
    String kind,
    String title,
    String text,
    String link,
    Instant createdAt,
    boolean read) {}
