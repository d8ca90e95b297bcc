package org.oko.kits;

import java.util.List;

/**
 * A request to assign ranges of kit numbers of a subject to assessment points (the contract's
 * {@code KitAssignmentInput}, read at the edge by {@link KitsMapper}).
 */
record KitAssignment(String subjectKey, List<Range> ranges) {

  /** Kits {@code first}–{@code last} for the point with this login, for this category. */
  record Range(String organization, long first, long last, Category category) {

    boolean ordered() {
      return first <= last;
    }
  }
}
