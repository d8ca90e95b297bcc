package org.oko.identity;

import java.util.regex.Pattern;
import org.springframework.http.HttpMethod;

/**
 * Which kind of operation a regional system's request is, for the restrictions its administrator
 * set ({@code ApiClientOperation} of the contract): the change feed, the bulk and background
 * exports, forms submitted on behalf of organizations, and every other reading. Anything else is of
 * no kind (null): a restricted client may not do it.
 */
final class ApiClientAccess {

  static final String CHANGES = "changes";
  static final String EXPORTS = "exports";
  static final String SUBMIT_FORMS = "submit-forms";
  static final String READ = "read";

  private static final Pattern EXPORT =
      Pattern.compile(
          "/api/(export-jobs(/.*)?|exports/.+|campaigns/\\d+/(exports/.+|questionnaire-responses)"
              + "|forms/\\d+/(responses|exports/.+|monitoring/export))");
  private static final Pattern SUBMISSION = Pattern.compile("/api/forms/\\d+/submissions");

  private ApiClientAccess() {}

  static String operation(HttpMethod method, String path) {
    if (path.equals("/api/changes")) {
      return CHANGES;
    }
    if (EXPORT.matcher(path).matches()) {
      return EXPORTS;
    }
    if (method == HttpMethod.POST && SUBMISSION.matcher(path).matches()) {
      return SUBMIT_FORMS;
    }
    return method == HttpMethod.GET ? READ : null;
  }
}
