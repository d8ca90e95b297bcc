package org.oko.forum;

import java.time.Instant;

/** An answer as stored. */
record Answer(
    long id, long questionId, String body, Author author, boolean hidden, Instant createdAt) {}
