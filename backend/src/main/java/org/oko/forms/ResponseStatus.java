package org.oko.forms;

/** Where a respondent's response stands. */
enum ResponseStatus {
  NOT_STARTED,
  DRAFT,
  SUBMITTED;

  /** The status of a stored row's {@code status} column; NOT_STARTED for no row. */
  static ResponseStatus of(String stored) {
    return stored == null ? NOT_STARTED : valueOf(stored);
  }
}
