package org.oko.observers;

import java.time.Instant;
import java.time.LocalDate;
import org.oko.orgs.OrganizationRef;

/**
 * An observation act (акт) and its review.
 *
 * @param withViolations the coordinator's mark once reviewed; null before
 * @param witnessedProtocols titles of the results protocols entered in the observer's presence
 * @param deadline the act's deadline when it was submitted (seed 003 11.2–11.3); null if none
 * @param late submitted after the deadline: accepted, but marked «с опозданием»
 */
record ActInfo(
    long id,
    long assignmentId,
    long campaignId,
    OrganizationRef point,
    String observerName,
    String observerLogin,
    ObserverInfo.Kind observerKind,
    LocalDate day,
    boolean violationsFound,
    String violations,
    String remarks,
    Instant submittedAt,
    FileInfo scan,
    Instant reviewedAt,
    Boolean withViolations,
    String reviewComment,
    String timeZone,
    java.util.List<String> witnessedProtocols,
    Instant deadline,
    boolean late) {

  boolean reviewed() {
    return reviewedAt != null;
  }
}
