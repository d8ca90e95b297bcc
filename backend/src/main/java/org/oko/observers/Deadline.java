package org.oko.observers;

import java.time.Instant;

/**
 * A deadline of the roadmap (seed 003 11.2–11.3), or none if the schedule sets none: a filing after
 * it is accepted but marked late.
 */
record Deadline(Instant at) {

  static final Deadline NONE = new Deadline(null);

  static Deadline of(Instant at) {
    return new Deadline(at);
  }

  /** Whether something filed at {@code when} is late. */
  boolean passedAt(Instant when) {
    return at != null && when.isAfter(at);
  }
}
