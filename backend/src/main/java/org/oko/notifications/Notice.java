package org.oko.notifications;

import java.time.Instant;

/**
 * What one event tells its recipients: one row per recipient is made of it.
 *
 * @param subject what it is about, one row per account and subject ({@code publication:12})
 * @param kind FORUM_ANSWER, FORUM_QUESTION or PUBLICATION
 * @param link where in the SPA it leads
 * @param visibleAt when it appears (a publication's release time)
 */
public record Notice(
    String subject, String kind, String title, String text, String link, Instant visibleAt) {}
