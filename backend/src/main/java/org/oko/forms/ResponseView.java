package org.oko.forms;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.oko.campaigns.StageWindow;
import org.oko.platform.web.FieldProblem;

/**
 * A response as its reader sees it.
 *
 * @param row the stored response, or null when the respondent has not started
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
}
