package org.oko.integration;

import java.util.List;

/**
 * One page of the change feed.
 *
 * @param next the cursor to read on from (the last event's, or the one given when none came)
 * @param hasMore whether more events are waiting already
 */
record FeedPage(List<FeedEvent> items, String next, boolean hasMore) {}
