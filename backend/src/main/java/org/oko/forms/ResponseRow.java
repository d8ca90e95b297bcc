package org.oko.forms;

import java.time.Instant;

/** A respondent's stored response: the current content, a draft or what was submitted last. */
record ResponseRow(
    long id,
    String status,
    FormValidation.Content content,
    long definitionVersion,
    long version,
    Instant updatedAt,
    String updatedBy,
    Instant submittedAt,
    String submittedBy,
    int submissions,
    Reopening reopening) {

  /**
   * The last time a submitted version was reopened: by the respondent («Редактировать») or by a
   * coordinator above it returning the report, with the reason given (may be null).
   */
  record Reopening(Instant at, String by, boolean byCoordinator, String reason) {}

  static final String DRAFT = "DRAFT";
  static final String SUBMITTED = "SUBMITTED";

  boolean submitted() {
    return SUBMITTED.equals(status);
  }
}
