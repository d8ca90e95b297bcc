package org.oko.forms;

import io.r2dbc.spi.Readable;
import java.time.Instant;

/**
 * A respondent's stored response: the current content, a draft or what was submitted last. {@code
 * contentGen} is the generation of its content rows, {@code frozenGen} the newest one a frozen
 * version sees ({@link ResponseContentStore}). Its content is read apart from it ({@link
 * #withContent}) or, for a response too large to come whole, only counted ({@link #withCounts}):
 * then {@code content} is null and {@code counted} says how many rows each sheet has.
 */
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
    Reopening reopening,
    int contentGen,
    int frozenGen,
    RowCounts counted) {

  /**
   * The last time a submitted version was reopened: by the respondent («Редактировать») or by a
   * coordinator above it returning the report, with the reason given (may be null).
   */
  record Reopening(Instant at, String by, boolean byCoordinator, String reason) {

    /** The reopening columns of a {@code form_response} row, or null when never reopened. */
    static Reopening of(Readable r) {
      Instant at = r.get("reopened_at", Instant.class);
      return at == null
          ? null
          : new Reopening(
              at,
              r.get("reopened_by", String.class),
              Boolean.TRUE.equals(r.get("reopened_by_coordinator", Boolean.class)),
              r.get("reopen_reason", String.class));
    }
  }

  static final String DRAFT = "DRAFT";
  static final String SUBMITTED = "SUBMITTED";

  /** The status and submission time alone, for lists. */
  static ResponseRow listed(String status, Instant submittedAt) {
    return new ResponseRow(
        0, status, null, 0, 0, null, null, submittedAt, null, 0, null, 0, 0, null);
  }

  /** This row with its content (read apart from it, {@link ResponseContentStore}). */
  ResponseRow withContent(FormValidation.Content content) {
    return with(content, null);
  }

  /** This row with its rows counted, not read (issue 24). */
  ResponseRow withCounts(RowCounts counts) {
    return with(null, counts);
  }

  private ResponseRow with(FormValidation.Content content, RowCounts counts) {
    return new ResponseRow(
        id,
        status,
        content,
        definitionVersion,
        version,
        updatedAt,
        updatedBy,
        submittedAt,
        submittedBy,
        submissions,
        reopening,
        contentGen,
        frozenGen,
        counts);
  }

  boolean submitted() {
    return SUBMITTED.equals(status);
  }
}
