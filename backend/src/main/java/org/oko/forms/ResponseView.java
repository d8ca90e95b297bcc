package org.oko.forms;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oko.campaigns.StageWindow;
import org.oko.platform.web.FieldProblem;

/**
 * A response as its reader sees it.
 *
 * @param row the stored response, or null when the respondent has not started
 * @param sheets its rows (none read where the row's rows are only counted)
 * @param window the stage's window for the respondent, or null when the schedule has none
 * @param editable whether the caller may change it now (the respondent, the stage open, a draft)
 */
record ResponseView(
    ResponseTarget target,
    ResponseRow row,
    Map<String, List<Map<String, String>>> sheets,
    List<FieldProblem> problems,
    boolean editable,
    StageWindow window,
    Instant now) {

  ResponseStatus status() {
    return row == null ? ResponseStatus.NOT_STARTED : ResponseStatus.of(row.status());
  }

  long definitionVersion() {
    return row == null ? target.definitionVersion() : row.definitionVersion();
  }

  /** Whether the response comes with every row ({@link ResponseRules#complete}). */
  boolean complete() {
    return counted() == null && ResponseRules.complete(sheets);
  }

  /** Sheet key → its number of rows, read or counted. */
  Map<String, Integer> rowCounts() {
    if (counted() != null) {
      return counted().bySheet();
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    sheets.forEach((key, rows) -> counts.put(key, rows.size()));
    return counts;
  }

  private RowCounts counted() {
    return row == null ? null : row.counted();
  }
}
