package org.oko.observers;

import java.time.Instant;
import org.oko.orgs.OrganizationRef;

/**
 * A point's results protocol and the observer recorded present when it was entered (seed 004 9.1).
 *
 * @param submittedAt when it was last submitted; null while it is not (or was reopened)
 * @param witness null while no observer is recorded
 */
record ProtocolInfo(
    long formId,
    String formTitle,
    long campaignId,
    OrganizationRef point,
    Instant submittedAt,
    Witness witness,
    String timeZone) {

  /** Who recorded the observer: the school, or the observer confirming on the phone. */
  enum RecordedBy {
    ORGANIZATION,
    OBSERVER
  }

  record Witness(
      long assignmentId,
      String observerName,
      ObserverInfo.Kind observerKind,
      Instant witnessedAt,
      RecordedBy recordedBy) {}

  /** A page of the monitoring and how many of the whole scope were entered without an observer. */
  record Page(long total, long withoutObserver, java.util.List<ProtocolInfo> items) {}
}
